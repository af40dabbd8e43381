using GrowthBot.Slack;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Options;

namespace GrowthBot.Features.Installs;

/// <summary>
/// A workspace removed the app: its installation (and bot token) is forgotten, so nothing is posted there any more.
/// Its growth data stays, and comes back if the workspace installs the app again.
/// </summary>
public sealed class AppUninstalledEvent(IServiceProvider services, IOptions<SlackOptions> options, ILogger<AppUninstalledEvent> logger) : IEventHandler
{
    public const string EventType = "app_uninstalled";

    public Task Handle(EventCallback callback, CancellationToken cancellationToken) =>
        Forget(services, options.Value, logger, callback.TeamId, "the app was uninstalled", cancellationToken);

    /// <summary>Removes the team's installation; with one configured bot token there is none, and the operator is told.</summary>
    internal static async Task Forget(IServiceProvider services, SlackOptions options, ILogger logger, string teamId, string why, CancellationToken cancellationToken)
    {
        if (!options.MultiWorkspace)
        {
            logger.LogCritical("Slack workspace {TeamId}: {Why}. Slack__BotToken no longer works; reinstall the app and set the new token.", teamId, why);
            return;
        }
        if (!await services.GetRequiredService<SlackInstallations>().Remove(teamId, cancellationToken))
            logger.LogInformation("Slack workspace {TeamId}: {Why}, but it was not installed here", teamId, why);
    }
}
