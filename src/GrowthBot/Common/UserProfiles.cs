using System.Collections.Concurrent;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Common;

/// <summary>
/// What Slack says about each person that decides how the bot writes to them: their time zone and their Slack
/// language (users.info with include_locale), remembered for 12 hours (people travel, but not hourly). When Slack
/// cannot say, the caller's fallback is used and Slack is asked again next time.
/// </summary>
public sealed class UserProfiles(ISlackApi slack, TimeProvider time, ILogger<UserProfiles> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromHours(12);
    private readonly ConcurrentDictionary<string, (string? Zone, string? Locale, DateTimeOffset At)> _known = new();

    /// <summary>The person's time zone, or <paramref name="fallback"/> (the team's) when Slack does not say or names one this machine lacks.</summary>
    public async Task<TimeZoneInfo> Zone(string userId, TimeZoneInfo fallback, CancellationToken cancellationToken) =>
        (await Profile(userId, cancellationToken))?.Zone is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? zone : fallback;

    /// <summary>The person's Slack locale (<c>en-US</c>, <c>ru-RU</c>), or null when Slack does not say.</summary>
    public async Task<string?> Locale(string userId, CancellationToken cancellationToken) =>
        (await Profile(userId, cancellationToken))?.Locale is { Length: > 0 } locale ? locale : null;

    private async Task<(string? Zone, string? Locale, DateTimeOffset At)?> Profile(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_known.TryGetValue(userId, out var known) && now - known.At < Remember) return known;
        try
        {
            var user = await slack.UserInfo(userId, cancellationToken);
            return _known[userId] = (user.Tz, user.Locale, now);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("users.info for {User} failed ({Error}); using the team's time zone and language", userId, e.Error);
            return null;
        }
    }
}
