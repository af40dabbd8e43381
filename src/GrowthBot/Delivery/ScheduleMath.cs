using GrowthBot.Domain.Scheduling;
using Quartz;

namespace GrowthBot.Delivery;

/// <summary>
/// "Is this post due now?" from a cron expression, independent of when Quartz fires: a post is due in its
/// period (a week, a day) once the period's first cron time has passed. Every job asks this when it runs,
/// so a firing missed while the bot was down is made up by the next run, and only while its period lasts.
/// </summary>
public static class ScheduleMath
{
    /// <summary>The first cron time at or after <paramref name="periodStart"/>, in <paramref name="zone"/>.</summary>
    public static DateTimeOffset? FirstFireIn(string cron, TimeZoneInfo zone, DateTimeOffset periodStart)
    {
        var expression = new CronExpression(cron, zone);
        return expression.GetNextValidTimeAfter(periodStart.AddSeconds(-1));
    }

    /// <summary>When the current week (Monday 00:00 in <paramref name="zone"/>) started.</summary>
    public static DateTimeOffset WeekStart(TimeZoneInfo zone, DateTimeOffset now) => Periods.StartOf(Periods.WeekStart(Periods.LocalDate(now, zone)), zone);

    /// <summary>This week's first cron time, once it has come; null before. A weekly post is due from then until the week ends.</summary>
    public static DateTimeOffset? WeeklySlot(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, WeekStart(zone, now)) is { } due && due <= now ? due : null;

    public static bool DueInWeek(string cron, TimeZoneInfo zone, DateTimeOffset now) => WeeklySlot(cron, zone, now) is not null;

    public static bool DueToday(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, Periods.StartOf(Periods.LocalDate(now, zone), zone)) is { } due && due <= now;

    public static bool IsValid(string cron) => CronExpression.TryParse(cron, out _);
}
