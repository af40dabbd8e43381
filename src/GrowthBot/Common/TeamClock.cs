namespace GrowthBot.Common;

/// <summary>
/// Now and today in a team's time zone, from the injected <see cref="TimeProvider"/> and the zone
/// <see cref="TeamSettingsService"/> resolves (saved with <c>/growth settings</c>, else GrowthBot__TimeZone).
/// There is no team-less "today": every caller says whose.
/// </summary>
public sealed class TeamClock(TimeProvider time, TeamSettingsService settings)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public TimeZoneInfo Zone(string teamId) => settings.For(teamId).Zone;

    public DateTimeOffset LocalNow(string teamId) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone(teamId));

    public DateOnly Today(string teamId) => DateOnly.FromDateTime(LocalNow(teamId).DateTime);
}
