namespace GrowthBot.Domain.Scheduling;

/// <summary>
/// When a scheduled channel post may go out. On time (within <see cref="OnTime"/> of when the team scheduled it)
/// it goes out then, whatever hour the team chose. Late, because the bot was down at that time, it is made up
/// only at a humane hour in the team's time zone: one of the team's working days, outside quiet hours. A report
/// caught up at 3 am or on a Sunday evening is noise people learn to mute.
/// </summary>
public static class CatchUpPolicy
{
    public static readonly TimeSpan OnTime = TimeSpan.FromMinutes(15);

    public static bool MayPost(DateTimeOffset due, DateTimeOffset utcNow, TimeZoneInfo teamZone, MessageHours hours)
    {
        if (utcNow < due) return false;
        return utcNow - due <= OnTime || hours.IsHumane(utcNow, teamZone);
    }
}
