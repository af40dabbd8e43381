using System.Collections.Concurrent;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Common;

/// <summary>
/// Each person's time zone from users.info, remembered for 12 hours (people travel, but not hourly). When
/// Slack cannot say, the team's zone is used. Remembered per workspace, like everything read from a workspace.
/// </summary>
public sealed class UserZones(ISlackApi slack, TimeProvider time, ILogger<UserZones> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromHours(12);
    private readonly ConcurrentDictionary<(string? Team, string User), (TimeZoneInfo Zone, DateTimeOffset At)> _zones = new();

    public async Task<TimeZoneInfo> Of(string userId, TimeZoneInfo fallback, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (SlackTeamScope.Current, userId);
        if (_zones.TryGetValue(key, out var known) && now - known.At < Remember) return known.Zone;
        try
        {
            var user = await slack.UserInfo(userId, cancellationToken);
            var zone = user.Tz is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : fallback;
            _zones[key] = (zone, now);
            return zone;
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("users.info for {User} failed ({Error}); using the team's time zone", userId, e.Error);
            return fallback;
        }
    }
}
