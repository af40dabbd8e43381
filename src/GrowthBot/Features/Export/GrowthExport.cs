using GrowthBot.Common;
using GrowthBot.Features.Common;
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
    public const string Preparing = ":hourglass_flowing_sand: Preparing your export… the CSV files will arrive in your DM with me.";

    public async Task Send(string teamId, string userId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        try
        {
            var files = await csv.Build(teamId, cancellationToken);
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
            var summary = string.Join(", ", files.Select(f => $"{f.Title.ToLowerInvariant()} ({f.Rows})"));
            await slack.CompleteUpload(new CompleteUploadRequest(uploaded)
            {
                ChannelId = dm,
                InitialComment = $"Your GrowthBot export of {clock.Today(teamId):yyyy-MM-dd}: {summary}. UTF-8 CSV files; times are UTC.",
            }, cancellationToken);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            logger.LogWarning(e, "Export for {User} failed", userId);
            var error = e is SlackApiException s ? s.Error : "no connection";
            await notifier.Tell(userId, origin, new Message($":warning: The export could not be uploaded (Slack said `{MrkdwnText.Escape(error)}`). Please try `/growth export` again in a minute."), cancellationToken);
        }
    }
}
