using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.Extensions.Options;

namespace GrowthBot.Common;

/// <summary>
/// Today and now in the team's time zone, from the injected <see cref="TimeProvider"/>. The zone is the one
/// saved with <c>/growth settings</c>, else GrowthBot__TimeZone.
/// </summary>
public sealed class TeamClock(TimeProvider time, IOptionsMonitor<GrowthBotOptions> options, TeamSettingsStore? settings = null, SlackIdentity? identity = null)
{
    /// <summary>The zone of this workspace (the one the bot is installed in).</summary>
    public TimeZoneInfo Zone => ZoneOf(identity?.TeamId);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public TimeZoneInfo ZoneOf(string? teamId) =>
        teamId is not null && settings?.Cached(teamId)?.TimeZone is { } saved && TimeZoneInfo.TryFindSystemTimeZoneById(saved, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);

    public DateTimeOffset LocalNowOf(string? teamId) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), ZoneOf(teamId));

    public DateOnly TodayOf(string? teamId) => DateOnly.FromDateTime(LocalNowOf(teamId).DateTime);
}
