using GrowthBot.Charts;
using GrowthBot.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace GrowthBot.Delivery;

/// <summary>A chart Slack holds and has processed, ready for an image block.</summary>
public sealed record SlackImage(string FileId, string AltText, string Title)
{
    public ImageBlock Block(string blockId) => ImageBlock.OfFile(FileId, AltText, Title) with { BlockId = blockId };
}

/// <summary>
/// Puts charts into Slack and shows them, never letting a picture cost the message it belongs to. An upload is
/// files.getUploadURLExternal, the bytes, then files.completeUploadExternal without a channel: the file stays private
/// to the bot, which shows it in its own messages and views through an image block's <c>slack_file</c>, so no
/// separate file post appears in the channel. Slack refuses such a block until it has processed the file, so
/// <see cref="Upload"/> asks files.info until the file is an image, and <see cref="Send{T}"/> sends a message Slack
/// still refuses (<c>invalid_blocks</c>) again a few times before sending its text version instead.
/// Every call goes out with the token of the team in <see cref="Slack.Workspaces.SlackTeamScope"/>.
/// </summary>
public sealed class SlackImages(ISlackApi slack, IOptionsMonitor<GrowthBotOptions> options, ILogger<SlackImages> logger)
{
    /// <summary>Uploads <paramref name="image"/>; null (logged) when Slack refused it or has not processed it in time.</summary>
    public async Task<SlackImage?> Upload(ChartImage image, string fileName, string title, CancellationToken cancellationToken)
    {
        try
        {
            var target = await slack.GetUploadUrl(fileName, image.Png.Length, image.AltText, cancellationToken);
            if (target.UploadUrl is null || target.FileId is null)
                throw new SlackApiException("files.getUploadURLExternal", "no_upload_url", "Slack gave no upload URL");
            await slack.Upload(target.UploadUrl, image.Png, cancellationToken);
            await slack.CompleteUpload(new CompleteUploadRequest([new FileReference(target.FileId, title)]), cancellationToken);
            if (await Processed(target.FileId, cancellationToken)) return new SlackImage(target.FileId, image.AltText, title);
            logger.LogWarning("Slack had not processed the chart {File} ({FileId}) after {Checks} checks; showing its text instead",
                fileName, target.FileId, options.CurrentValue.Charts.ReadyChecks);
            return null;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is SlackApiException api ? api.Error : e is OperationCanceledException ? "timeout" : "request_failed";
            // files:write missing from an older install is the likely cause; the message goes out with its text instead.
            logger.LogWarning("Could not upload the chart {File} ({Error}); showing its text instead", fileName, error);
            return null;
        }
    }

    /// <summary>
    /// Sends <paramref name="message"/>; when it holds an image and Slack refuses it as <c>invalid_blocks</c> (a file not
    /// processed yet), sends it again up to <see cref="ChartOptions.ImageRetries"/> times, then <paramref name="fallback"/>.
    /// Any other error is the caller's, as for a message without pictures.
    /// </summary>
    public Task<T> Send<T>(Message message, Func<Message> fallback, Func<Message, Task<T>> send, CancellationToken cancellationToken) =>
        Send(message, message.Blocks, fallback, send, cancellationToken);

    /// <summary>A view, like a message in <see cref="Send{T}(Message, Func{Message}, Func{Message, Task{T}}, CancellationToken)"/>: refused for its image, it is sent again, then without.</summary>
    public Task<T> Send<T>(HomeView view, Func<HomeView> fallback, Func<HomeView, Task<T>> send, CancellationToken cancellationToken) =>
        Send(view, view.Blocks, fallback, send, cancellationToken);

    private async Task<T> Send<TPayload, T>(TPayload message, IReadOnlyList<Block>? blocks, Func<TPayload> fallback, Func<TPayload, Task<T>> send,
        CancellationToken cancellationToken)
    {
        if (blocks?.Any(b => b is ImageBlock) != true) return await send(message);
        var charts = options.CurrentValue.Charts;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await send(message);
            }
            catch (SlackApiException e) when (e.Error == "invalid_blocks")
            {
                if (attempt >= charts.ImageRetries)
                {
                    logger.LogWarning("Slack refused the message's chart {Attempts} times ({Details}); sending its text instead",
                        attempt + 1, string.Join("; ", e.Details));
                    return await send(fallback());
                }
                // Real seconds: Slack processes the file on its own clock, whatever the application's clock says.
                await Task.Delay(charts.RetryInterval, cancellationToken);
            }
        }
    }

    private async Task<bool> Processed(string fileId, CancellationToken cancellationToken)
    {
        var charts = options.CurrentValue.Charts;
        for (var check = 0; check < charts.ReadyChecks; check++)
        {
            if (check > 0) await Task.Delay(charts.RetryInterval, cancellationToken);
            if ((await slack.FileInfo(fileId, cancellationToken)).IsReadyImage) return true;
        }
        return false;
    }
}
