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
/// When the bot may write to a person, in that person's own time zone: on the team's working days, from the team's
/// nudge hour until quiet hours begin (20:00), never in quiet hours (20:00–08:00), never while they paused. The
/// daily task nudge has the same window but ends at 18:00: a nudge the bot could not send by then (it was down,
/// Slack was) is skipped for that day rather than sent in the evening. Every direct message the bot starts on its
/// own follows this one rule; the caller says when the message became due and learns when it may go.
/// </summary>
/// <param name="WorkingDays">The team's working days (by default Monday to Friday).</param>
/// <param name="NudgeHour">When the bot's direct messages start on a working day (by default 10:00).</param>
public sealed record MessageHours(IReadOnlySet<DayOfWeek> WorkingDays, TimeOnly NudgeHour)
{
    public static readonly TimeOnly QuietFrom = new(20, 0);
    public static readonly TimeOnly QuietUntil = new(8, 0);
    public static readonly TimeOnly NudgeUntil = new(18, 0);
    public static readonly TimeOnly DefaultNudgeHour = new(10, 0);

    public static readonly IReadOnlySet<DayOfWeek> MondayToFriday =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public static readonly MessageHours Default = new(MondayToFriday, DefaultNudgeHour);

    /// <summary>The nudge hours people can choose: a nudge needs time before <see cref="NudgeUntil"/>, and none comes in quiet hours.</summary>
    public static IReadOnlyList<TimeOnly> NudgeHourChoices { get; } = Enumerable.Range(QuietUntil.Hour, NudgeUntil.Hour - QuietUntil.Hour - 1).Select(h => new TimeOnly(h, 0)).ToList();

    /// <summary>When direct messages may start on a working day: the nudge hour, but never inside quiet hours.</summary>
    public TimeOnly Opens => NudgeHour < QuietUntil ? QuietUntil : NudgeHour;

    public bool IsWorkingDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek);

    public static bool IsQuietHours(TimeOnly localTime) => localTime >= QuietFrom || localTime < QuietUntil;

    public static bool IsPaused(DateOnly localToday, DateOnly? pausedUntil) => pausedUntil is { } until && localToday < until;

    /// <summary>The person's local date and time at <paramref name="instant"/>.</summary>
    public static (DateOnly Date, TimeOnly Time) Local(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>May a direct message reach someone in <paramref name="zone"/> at <paramref name="instant"/>?</summary>
    public bool IsOpen(DateTimeOffset instant, TimeZoneInfo zone, DateOnly? pausedUntil)
    {
        var (date, time) = Local(instant, zone);
        return !IsPaused(date, pausedUntil) && IsWorkingDay(date) && time >= Opens && time < QuietFrom;
    }

    /// <summary>
    /// A working day outside quiet hours in <paramref name="zone"/>, whatever the nudge hour: when a channel post that
    /// missed its time (the bot was down) may still be made up.
    /// </summary>
    public bool IsHumane(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var (date, time) = Local(instant, zone);
        return IsWorkingDay(date) && !IsQuietHours(time);
    }

    /// <summary>
    /// The first moment at or after <paramref name="from"/> when a direct message may reach someone in
    /// <paramref name="zone"/> who paused until <paramref name="pausedUntil"/>: <paramref name="from"/> itself when that
    /// is allowed, else the nudge hour of their next working day. Null when the team has no working day at all.
    /// </summary>
    public DateTimeOffset? NextOpen(DateTimeOffset from, TimeZoneInfo zone, DateOnly? pausedUntil)
    {
        var (date, time) = Local(from, zone);
        if (IsPaused(date, pausedUntil)) (date, time) = (pausedUntil!.Value, TimeOnly.MinValue);
        else if (IsWorkingDay(date) && time >= Opens && time < QuietFrom) return from;
        for (var day = 0; day <= 7; day++, (date, time) = (date.AddDays(1), TimeOnly.MinValue))
            if (IsWorkingDay(date) && time < Opens) return Periods.At(date, Opens, zone);
        return null;
    }

    /// <summary>Whether the daily task nudge goes out now (the caller checks it was not sent today already).</summary>
    public NudgeDecision Nudge(DateTimeOffset utcNow, TimeZoneInfo zone, DateOnly? pausedUntil)
    {
        var (date, time) = Local(utcNow, zone);
        if (IsPaused(date, pausedUntil)) return NudgeDecision.Paused;
        if (!IsWorkingDay(date)) return NudgeDecision.NotWorkingDay;
        if (time < Opens) return NudgeDecision.NotYet;
        if (time >= NudgeUntil) return NudgeDecision.TooLate;
        return NudgeDecision.Send;
    }
}
