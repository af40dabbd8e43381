using Microsoft.Extensions.Options;

namespace GrowthBot.Common;

/// <summary>Today and now in the team's time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class TeamClock(TimeProvider time, IOptionsMonitor<GrowthBotOptions> options)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);
}
