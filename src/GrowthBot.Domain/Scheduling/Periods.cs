using System.Globalization;

namespace GrowthBot.Domain.Scheduling;

/// <summary>
/// The periods scheduled posts are counted in, in a given time zone: a post is due once per period, so its
/// idempotency key names the period (<c>2026-W47</c>, <c>2026-11-18</c>).
/// </summary>
public static class Periods
{
    /// <summary>Monday of the ISO week containing <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>ISO week name, e.g. <c>2026-W47</c>.</summary>
    public static string WeekKey(DateOnly date) =>
        $"{ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)):00}";

    public static string DayKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a local date starts in <paramref name="zone"/>. Where midnight does not exist (a DST jump at
    /// 00:00) the day starts at the first minute that does.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) => At(date, TimeOnly.MinValue, zone);

    /// <summary>
    /// The instant a local date and time happen in <paramref name="zone"/>. A time skipped by a DST jump forward is
    /// moved to the first quarter hour that exists; a time that happens twice (the jump back) is the first of them.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
