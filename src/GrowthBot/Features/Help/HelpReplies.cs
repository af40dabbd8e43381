using GrowthBot.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Help;

/// <summary>
/// <c>@GrowthBot</c> in a channel is answered in the thread, and a DM to the bot in the DM, with a short help listing
/// the commands (or, for <c>help task</c>, that command's usage). Bots, the bot itself and edits or other message
/// subtypes get no answer, so two bots can never talk to each other forever. A thread in a channel is read by the team, so
/// it is answered in the team's language; a DM in the person's own.
/// </summary>
public sealed class HelpReplies(ISlackApi slack, SlackIdentity identity, TeamClock clock, Readers readers) : IEventHandler
{
    public const string MentionEvent = "app_mention";
    public const string MessageEvent = "message";

    public async Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        var e = callback.Event;
        if (e.Subtype is not null || e.BotId is not null || string.IsNullOrEmpty(e.User) || e.User == identity.BotUserId || string.IsNullOrEmpty(e.Channel)) return;
        var mention = e.Type == MentionEvent;
        // Channel messages are the report thread's business (ReportThreadReplies); only DMs to the bot are ours.
        if (!mention && e.ChannelType != "im") return;
        var words = mention ? readers.Channel(callback.TeamId) : await readers.Person(callback.TeamId, e.User, cancellationToken);
        var answer = CommandHelp.Answer(e.Text, clock.Today(callback.TeamId), mention, words);
        await slack.PostMessage(new PostMessageRequest(e.Channel, answer)
        {
            Blocks = [new SectionBlock(MrkdwnText.Truncate(answer, BlockKitLimits.SectionText))],
            // A mention is answered in its thread, so the channel sees one line, not a wall of help.
            ThreadTs = mention ? e.ThreadTs ?? e.Ts : e.ThreadTs,
        }, cancellationToken);
    }
}
