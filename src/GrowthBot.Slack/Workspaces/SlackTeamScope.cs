namespace GrowthBot.Slack.Workspaces;

/// <summary>
/// The workspace the current request, event or job serves, carried along the async flow, so every Web API call
/// made on its behalf uses that workspace's bot token (see docs/decisions/0007-team-scope.md). Work for a team enters
/// it where it begins: the dispatcher for Slack's requests and events, the scheduler per team, a scheduled
/// delivery, an App Home refresh. The Web API client reads it; with many workspaces a call outside any scope fails.
/// </summary>
public static class SlackTeamScope
{
    private static readonly AsyncLocal<string?> Team = new();

    /// <summary>The team id in scope, or null outside any team's work.</summary>
    public static string? Current => Team.Value;

    /// <summary>
    /// Serves <paramref name="teamId"/> until the returned scope is disposed (null or empty enters nothing). Entering
    /// another team inside a team's work throws: it would let one team's token serve the other.
    /// </summary>
    public static Scope Enter(string? teamId)
    {
        var outer = Team.Value;
        if (string.IsNullOrEmpty(teamId)) return new Scope(outer, entered: false);
        if (outer is not null && outer != teamId)
            throw new InvalidOperationException($"Work for team {teamId} was started inside work for team {outer}: one team's token must never serve another.");
        Team.Value = teamId;
        return new Scope(outer, entered: true);
    }

    /// <summary>Restores the team that was in scope before <see cref="Enter"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly string? _outer;
        private readonly bool _entered;

        internal Scope(string? outer, bool entered)
        {
            _outer = outer;
            _entered = entered;
        }

        public void Dispose()
        {
            if (_entered) Team.Value = _outer;
        }
    }
}
