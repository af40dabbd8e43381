using System.Collections.Concurrent;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Common;

/// <summary>
/// What Slack says about each person that decides how the bot writes to them: their time zone and their Slack
/// language (users.info with include_locale), remembered for 12 hours (people travel, but not hourly) and per workspace,
/// like everything read from a workspace. When Slack cannot say, the caller's fallback is used and Slack is asked again
/// next time.
/// </summary>
public sealed class UserProfiles(ISlackApi slack, TimeProvider time, ILogger<UserProfiles> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromHours(12);
    private readonly ConcurrentDictionary<(string Team, string User), (string? Zone, string? Locale, DateTimeOffset At)> _known = new();

    /// <summary>The person's time zone, or <paramref name="fallback"/> (the team's) when Slack does not say or names one this machine lacks.</summary>
    public async Task<TimeZoneInfo> Zone(string teamId, string userId, TimeZoneInfo fallback, CancellationToken cancellationToken) =>
        (await Profile(teamId, userId, cancellationToken))?.Zone is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? zone : fallback;

    /// <summary>The person's Slack locale (<c>en-US</c>, <c>ru-RU</c>), or null when Slack does not say.</summary>
    public async Task<string?> Locale(string teamId, string userId, CancellationToken cancellationToken) =>
        (await Profile(teamId, userId, cancellationToken))?.Locale is { Length: > 0 } locale ? locale : null;

    private async Task<(string? Zone, string? Locale, DateTimeOffset At)?> Profile(string teamId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (teamId, userId);
        if (_known.TryGetValue(key, out var known) && now - known.At < Remember) return known;
        try
        {
            // Asked with the person's own workspace's token, whoever's work this is part of.
            using var team = SlackTeamScope.Enter(teamId);
            var user = await slack.UserInfo(userId, cancellationToken);
            return _known[key] = (user.Tz, user.Locale, now);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("users.info for {User} failed ({Error}); using the team's time zone and language", userId, e.Error);
            return null;
        }
    }
}
