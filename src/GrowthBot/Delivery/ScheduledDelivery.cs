using GrowthBot.Common;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Delivery;

/// <summary>Where a scheduled post goes: a channel, or a person's DM with the bot.</summary>
public sealed record PostTarget
{
    private PostTarget(string? channelId, string? userId) => (ChannelId, UserId) = (channelId, userId);

    public string? ChannelId { get; }
    public string? UserId { get; }

    public static PostTarget Channel(string channelId) => new(channelId, null);

    /// <summary>A person's DM, only through a window the one rule opened (<see cref="DirectMessageTiming"/>).</summary>
    public static PostTarget Person(DirectMessageWindow window) =>
        window.IsOpen ? new(null, window.UserId) : throw new InvalidOperationException($"A direct message to {window.UserId} is not allowed now.");

    public string Recipient => ChannelId ?? UserId!;
}

/// <summary>What became of one scheduled post.</summary>
public sealed record DeliveryOutcome(bool Delivered, bool PostedNow, string? Channel, string? Ts, string? Error = null)
{
    public static readonly DeliveryOutcome NotYet = new(false, false, null, null);

    /// <summary>Another run claimed the post moments ago and is posting it now.</summary>
    public bool InProgress { get; init; }
}

/// <summary>
/// Posts a scheduled message exactly once per idempotency key (job + period + recipient):
/// claim the key in a transaction, post, record Slack's ts. When Slack answered "no" with a transient error
/// (429 after the client's own waits, 5xx), the claim is released as <c>Retry</c> and the next run of the job
/// or the catch-up sweep posts it; nothing is dropped. When Slack refused for good (channel_not_found,
/// not_in_channel, …) it is logged as an error and the growth leads get one DM per week saying what to fix, each in their language.
/// Every post carries its key as Slack message metadata, so when an earlier attempt's answer was lost (a crash
/// between post and record, a timeout) the conversation is searched for that key before posting again: see
/// <see cref="FindEarlierPost"/>.
/// </summary>
public sealed class ScheduledDelivery(
    DeliveryStore deliveries, ISlackApi slack, SlackImages images, PostPacer pacer, GrowthLeads leads, DirectMessageTiming timing, Readers readers, TimeProvider time,
    ILogger<ScheduledDelivery> logger)
{
    private static readonly string[] ChannelProblems = ["channel_not_found", "not_in_channel", "is_archived", "restricted_action", "channel_is_archived"];

    /// <summary>The metadata event type that marks our scheduled posts; its payload's <c>key</c> is the delivery key.</summary>
    public const string MetadataEventType = "growthbot_delivery";

    /// <summary>The delivery key of the DM that tells growth leads the report channel refused a post.</summary>
    public const string ChannelProblemKey = "channel-problem";

    /// <summary>How many messages one history look-up reads; the window is minutes wide, so this is plenty.</summary>
    private const int HistoryLimit = 200;

    public static string Key(string teamId, string job, string period, string recipient) => $"{teamId}/{job}/{period}/{recipient}";

    public Task<DeliveryOutcome> Post(string teamId, string job, string period, PostTarget target, Func<Message> message,
        CancellationToken cancellationToken, string? threadTs = null) =>
        Post(teamId, job, period, target, _ => Task.FromResult(message()), message, cancellationToken, threadTs);

    /// <summary>
    /// A post whose message is made only once the post is claimed, e.g. by uploading its charts, so a retry or a second
    /// instance never uploads them again for a post already made. When Slack keeps refusing the message's images
    /// (<see cref="SlackImages.Send{T}"/>), <paramref name="fallback"/>, its text version, is posted under the same key.
    /// </summary>
    public async Task<DeliveryOutcome> Post(string teamId, string job, string period, PostTarget target, Func<CancellationToken, Task<Message>> message,
        Func<Message> fallback, CancellationToken cancellationToken, string? threadTs = null)
    {
        // Whoever calls, this team's post goes out with this team's token (and a call from another team's work throws).
        using var team = SlackTeamScope.Enter(teamId);
        var key = Key(teamId, job, period, target.Recipient);
        var (claim, existing) = await deliveries.Claim(key, teamId, job, target.Recipient, time.GetUtcNow(), cancellationToken);
        switch (claim)
        {
            case ClaimResult.AlreadySent:
                return new DeliveryOutcome(true, false, existing!.Channel, existing.Ts);
            case ClaimResult.InProgress or ClaimResult.RecentlyFailed:
                return new DeliveryOutcome(false, false, null, null, existing?.LastError) { InProgress = claim == ClaimResult.InProgress };
        }

        // A stale Pending claim (the run died between post and record) or a Retry (the answer never came: timeout,
        // cancellation, 5xx) may already be in Slack. A Failed one was refused by Slack, so it is not.
        var outcomeUnknown = existing is { Status: DeliveryStatus.Pending or DeliveryStatus.Retry };
        try
        {
            var channel = target.ChannelId ?? await slack.OpenConversation(target.UserId!, cancellationToken);
            if (outcomeUnknown && await FindEarlierPost(key, channel, threadTs, existing!.ClaimedAt, cancellationToken) is { } earlierTs)
            {
                await deliveries.MarkSent(key, channel, earlierTs, time.GetUtcNow(), CancellationToken.None);
                logger.LogInformation("{Job} to {Recipient} was already in Slack ({Ts}) though its answer was lost; not posting it again", job, target.Recipient, earlierTs);
                return new DeliveryOutcome(true, false, channel, earlierTs);
            }
            var posted = await images.Send(await message(cancellationToken), fallback, async body =>
            {
                await pacer.WaitTurn(channel, cancellationToken);
                return await slack.PostMessage(new PostMessageRequest(channel, body.Text)
                {
                    Blocks = body.Blocks, ThreadTs = threadTs,
                    Metadata = new MessageMetadata(MetadataEventType, new Dictionary<string, string> { ["key"] = key }),
                }, cancellationToken);
            }, cancellationToken);
            // The post landed: record it even if the job is being stopped, or a restart would post it again.
            await deliveries.MarkSent(key, posted.Channel ?? channel, posted.Ts ?? "", time.GetUtcNow(), CancellationToken.None);
            return new DeliveryOutcome(true, true, posted.Channel ?? channel, posted.Ts);
        }
        catch (SlackApiException e) when (!e.IsTransient)
        {
            await deliveries.Release(key, DeliveryStatus.Failed, e.Error, CancellationToken.None);
            logger.LogError("Slack refused {Job} to {Recipient} ({Error}); it is tried again in an hour", job, target.Recipient, e.Error);
            if (target.ChannelId is { } channelId && ChannelProblems.Contains(e.Error))
                await TellLeads(teamId, channelId, e.Error, cancellationToken);
            return new DeliveryOutcome(false, false, null, null, e.Error);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            var error = e is SlackApiException api ? api.Error : e is OperationCanceledException ? "cancelled" : "request_failed";
            await deliveries.Release(key, DeliveryStatus.Retry, error, CancellationToken.None);
            logger.LogWarning("Posting {Job} to {Recipient} failed for now ({Error}); the next run tries again", job, target.Recipient, error);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            return new DeliveryOutcome(false, false, null, null, error);
        }
    }

    /// <summary>
    /// Looks in the conversation (or the thread, for replies) for a message carrying <paramref name="key"/> in its
    /// metadata, posted since the earlier claim; returns its ts. The window runs from a minute before that claim
    /// (clock skew between us and Slack) to two <see cref="DeliveryStore.StaleClaim"/>s after it: the earlier run
    /// posted within seconds of claiming, and a bounded window keeps a busy channel from pushing our message past
    /// the page we read.
    /// When the look-up itself fails (missing scope, not_in_channel, Slack down) we return null and the caller posts
    /// as before: a rare duplicate is better than a lost report, and a failing history call says nothing about
    /// whether the post landed. Each such fallback is logged as a warning so a missing scope is noticed.
    /// </summary>
    private async Task<string?> FindEarlierPost(string key, string channel, string? threadTs, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        var oldest = SlackTs(claimedAt - TimeSpan.FromMinutes(1));
        var latest = SlackTs(claimedAt + 2 * DeliveryStore.StaleClaim);
        try
        {
            var history = threadTs is null
                ? await slack.ConversationHistory(channel, oldest, HistoryLimit, includeAllMetadata: true, latest, cancellationToken)
                : await slack.ConversationReplies(channel, threadTs, oldest, HistoryLimit, includeAllMetadata: true, latest, cancellationToken);
            return history.Messages.FirstOrDefault(m => m.Metadata is { EventType: MetadataEventType } metadata && metadata.PayloadString("key") == key)?.Ts;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var error = e is SlackApiException api ? api.Error : "request_failed";
            logger.LogWarning("Could not read {Channel} to check whether {Key} was already posted ({Error}); posting it again, which may repeat it",
                channel, key, error);
            return null;
        }
    }

    private static string SlackTs(DateTimeOffset at) => $"{at.ToUnixTimeSeconds()}.000000";

    /// <summary>
    /// One DM per lead per week and channel problem, so they can invite the bot; a lead outside their hours gets it on a
    /// later retry of the post (hourly) that falls inside them.
    /// </summary>
    private async Task TellLeads(string teamId, string channelId, string error, CancellationToken cancellationToken)
    {
        var week = Periods.WeekKey(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var problem = error is "is_archived" or "channel_is_archived" ? ReminderText.ChannelArchived : ReminderText.ChannelProblem;
        var recipients = await leads.Recipients(cancellationToken);
        foreach (var lead in recipients)
        {
            var window = await timing.Message(teamId, lead, time.GetUtcNow(), until: null, cancellationToken);
            if (!window.IsOpen) continue;
            var text = (await readers.Person(teamId, lead, cancellationToken)).Text(problem, ("channel", MrkdwnText.Channel(channelId)), ("error", error));
            await Post(teamId, ChannelProblemKey, $"{week}-{channelId}-{error}", PostTarget.Person(window), () => new Message(text, [new SectionBlock(text)]), cancellationToken);
        }
        if (recipients.Count == 0)
            logger.LogError("Nobody to tell that {Channel} is not reachable ({Error}): GrowthBot__GrowthLeads is empty and Slack named no workspace admin", channelId, error);
    }
}
