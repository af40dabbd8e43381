using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Export;

/// <summary>
/// Sends the caller the export as CSV files in their DM with the bot, through Slack's external upload flow:
/// files.getUploadURLExternal and an upload per file, then one files.completeUploadExternal sharing them all.
/// </summary>
public sealed class GrowthExport(ExportCsv csv, ISlackApi slack, UserNotifier notifier, TeamClock clock, ILogger<GrowthExport> logger)
{
    /// <summary>What the person reads at once, before the files are ready.</summary>
    public static string Preparing(Wording words) => words.Text(ExportText.Preparing);

    /// <summary>Sends the export, named and headed in <paramref name="words"/>: the language of the person who asked.</summary>
    public async Task Send(string teamId, string userId, ModalOrigin origin, Wording words, CancellationToken cancellationToken)
    {
        try
        {
            var files = await csv.Build(teamId, words, cancellationToken);
            var uploaded = new List<FileReference>();
            foreach (var file in files)
            {
                var bytes = file.Bytes();
                var target = await slack.GetUploadUrl(file.FileName, bytes.Length, cancellationToken: cancellationToken);
                if (target.UploadUrl is null || target.FileId is null) throw new SlackApiException("files.getUploadURLExternal", "no_upload_url", "Slack gave no upload URL");
                await slack.Upload(target.UploadUrl, bytes, cancellationToken);
                uploaded.Add(new FileReference(target.FileId, file.Title));
            }
            var dm = await slack.OpenConversation(userId, cancellationToken);
            var summary = string.Join(words.Text(CommonText.ListSeparator), files.Select(f => words.Text(ExportText.SummaryItem, ("name", f.Name), ("rows", f.Rows))));
            var today = clock.Today(teamId);
            await slack.CompleteUpload(new CompleteUploadRequest(uploaded)
            {
                ChannelId = dm,
                InitialComment = words.Text(ExportText.Comment, ("date", words.Date(today, today)), ("summary", summary)),
            }, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            logger.LogWarning(e, "Export for {User} failed", userId);
            var error = e is SlackApiException s ? s.Error : words.Text(ExportText.NoConnection);
            await notifier.Tell(userId, origin, new Message(words.Text(ExportText.Failed, ("error", MrkdwnText.Escape(error)))), words, cancellationToken);
        }
    }
}
