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

    /// <summary>
    /// This week's post is due and may go out now: on time, or caught up at a humane hour (<see cref="CatchUpPolicy"/>).
    /// </summary>
    public static bool PostWeeklyNow(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, Periods.StartOf(Periods.WeekStart(Periods.LocalDate(now, zone)), zone)) is { } due
        && CatchUpPolicy.MayPost(due, now, zone);

    public static bool DueInWeek(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, Periods.StartOf(Periods.WeekStart(Periods.LocalDate(now, zone)), zone)) is { } due && due <= now;

    public static bool DueToday(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, Periods.StartOf(Periods.LocalDate(now, zone), zone)) is { } due && due <= now;

    public static bool IsValid(string cron) => CronExpression.TryParse(cron, out _);
}
