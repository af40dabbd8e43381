using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Slack.Workspaces;

/// <summary>
/// The installed workspaces, as the Web API client and the install flow use them: the store behind a short
/// cache, so a busy workspace does not read and decrypt its token on every call. Another instance's install
/// is seen at once (a miss reads the store); its uninstall within <see cref="Remember"/> (until then that
/// instance's calls are refused by Slack, which revoked the token).
/// </summary>
public sealed class SlackInstallations(ISlackInstallationStore store, TimeProvider time, ILogger<SlackInstallations> logger) : ISlackBots
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (SlackInstallation Installation, DateTimeOffset At)> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Raised with the team id after a workspace was installed (or installed again) or removed here. Handlers must only
    /// queue work: the caller is the OAuth redirect or an event Slack wants acknowledged.
    /// </summary>
    public event Action<string>? Changed;

    public async ValueTask<SlackBot?> For(string? teamId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(teamId))
            throw new InvalidOperationException("A Slack Web API call was made outside any team's work. With many workspaces every call must run in a SlackTeamScope, so that no team's token can serve another.");
        return (await Find(teamId, cancellationToken))?.Bot;
    }

    public async Task<SlackInstallation?> Find(string teamId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(teamId, out var known) && time.GetUtcNow() - known.At < Remember) return known.Installation;
        var installation = await store.Find(teamId, cancellationToken);
        if (installation is null) _known.TryRemove(teamId, out _);
        else _known[teamId] = (installation, time.GetUtcNow());
        return installation;
    }

    public async Task Save(SlackInstallation installation, CancellationToken cancellationToken)
    {
        await store.Save(installation, cancellationToken);
        _known[installation.TeamId] = (installation, time.GetUtcNow());
        logger.LogInformation("Installed in Slack workspace {Team} ({TeamId}) by {User}", installation.TeamName, installation.TeamId, installation.InstalledBy);
        Raise(installation.TeamId);
    }

    /// <summary>Forgets the workspace (uninstalled, or its bot token revoked); false when it was not installed.</summary>
    public async Task<bool> Remove(string teamId, CancellationToken cancellationToken)
    {
        _known.TryRemove(teamId, out _);
        var removed = await store.Remove(teamId, cancellationToken);
        if (removed)
        {
            logger.LogInformation("Removed the installation of Slack workspace {TeamId}", teamId);
            Raise(teamId);
        }
        return removed;
    }

    private void Raise(string teamId)
    {
        foreach (var listener in Changed?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            try
            {
                listener(teamId);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A listener failed on the installation change of workspace {TeamId}", teamId);
            }
        }
    }
}
