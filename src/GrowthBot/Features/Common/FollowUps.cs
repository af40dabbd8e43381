using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Common;

public static class FollowUps
{
    /// <summary>
    /// Tells the user after Slack has been acknowledged. The notifier is resolved in the follow-up's own scope:
    /// the request's scope, and anything scoped that a handler holds, is disposed by the time this runs.
    /// </summary>
    public static void TellAfterAck(this SlackBackgroundWork background, string what, string userId, ModalOrigin origin, Message message, Wording words) =>
        background.Run(what, (services, ct) => services.GetRequiredService<UserNotifier>().Tell(userId, origin, message, words, ct));
}
