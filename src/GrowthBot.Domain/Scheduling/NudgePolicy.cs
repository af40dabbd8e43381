namespace GrowthBot.Domain.Scheduling;

public enum NudgeDecision
{
    Send,
    /// <summary>Before the nudge hour today: try again later.</summary>
    NotYet,
    /// <summary>Past the last sensible hour today: skip today rather than arrive in the evening.</summary>
    TooLate,
    NotWorkingDay,
    Paused,
}

/// <summary>
/// When a person may get a DM from the bot, in their own time zone. Nudges come once per working day
/// (Monday–Friday), from 10:00 local time; a nudge the bot could not send by 18:00 (it was down, Slack was)
/// is skipped for that day rather than sent in the evening. Other DMs (check-ins, experiment due) avoid quiet
/// hours, 20:00–08:00 local. A pause lasts until the given date: DMs resume on that date.
/// </summary>
public static class NudgePolicy
{
    public static readonly TimeOnly NudgeFrom = new(10, 0);
    public static readonly TimeOnly NudgeUntil = new(18, 0);
    public static readonly TimeOnly QuietFrom = new(20, 0);
    public static readonly TimeOnly QuietUntil = new(8, 0);

    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static bool IsQuietHours(TimeOnly localTime) => localTime >= QuietFrom || localTime < QuietUntil;

    public static bool IsPaused(DateOnly localToday, DateOnly? pausedUntil) => pausedUntil is { } until && localToday < until;

    /// <summary>The person's local date and time now.</summary>
    public static (DateOnly Date, TimeOnly Time) Local(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>Whether the daily task nudge goes out now (the caller checks it was not sent today already).</summary>
    public static NudgeDecision Nudge(DateTimeOffset utcNow, TimeZoneInfo zone, DateOnly? pausedUntil)
    {
        var (date, time) = Local(utcNow, zone);
        if (IsPaused(date, pausedUntil)) return NudgeDecision.Paused;
        if (!IsWorkingDay(date)) return NudgeDecision.NotWorkingDay;
        if (time < NudgeFrom) return NudgeDecision.NotYet;
        if (time >= NudgeUntil) return NudgeDecision.TooLate;
        return NudgeDecision.Send;
    }

    /// <summary>Whether any other DM (check-in, experiment due) may be sent now; if not, it waits.</summary>
    public static bool MayDirectMessage(DateTimeOffset utcNow, TimeZoneInfo zone, DateOnly? pausedUntil)
    {
        var (date, time) = Local(utcNow, zone);
        return !IsPaused(date, pausedUntil) && !IsQuietHours(time);
    }
}
