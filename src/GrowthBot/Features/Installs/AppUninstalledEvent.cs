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
        Forget(callback.TeamId, "the app was uninstalled", cancellationToken);

    /// <summary>The team's installation, when workspaces install the app through OAuth and this one did.</summary>
    public async Task<SlackInstallation?> Installation(string teamId, CancellationToken cancellationToken) =>
        options.Value.MultiWorkspace ? await Installations.Find(teamId, cancellationToken) : null;

    /// <summary>Removes the team's installation; with one configured bot token there is none, and the operator is told.</summary>
    public async Task Forget(string teamId, string why, CancellationToken cancellationToken)
    {
        if (!options.Value.MultiWorkspace)
        {
            logger.LogCritical("Slack workspace {TeamId}: {Why}. Slack__BotToken no longer works; reinstall the app and set the new token.", teamId, why);
            return;
        }
        if (!await Installations.Remove(teamId, cancellationToken))
            logger.LogInformation("Slack workspace {TeamId}: {Why}, but it was not installed here", teamId, why);
    }

    // Only built with many workspaces: it needs the installation store.
    private SlackInstallations Installations => services.GetRequiredService<SlackInstallations>();
}
