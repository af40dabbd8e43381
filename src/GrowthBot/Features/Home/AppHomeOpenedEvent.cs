using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Home;

/// <summary>Opening the bot's Home tab shows the God view, fresh; the Messages tab is left alone.</summary>
public sealed class AppHomeOpenedEvent(HomePublisher publisher) : IEventHandler
{
    public const string EventType = "app_home_opened";

    public async Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Event.Tab != "home" || string.IsNullOrEmpty(callback.Event.User)) return;
        await publisher.PublishNow(callback.TeamId, callback.Event.User, cancellationToken);
    }
}
