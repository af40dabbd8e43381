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
    /// <summary>
    /// The windows <see cref="LastFire"/> looks back through, widest last: far enough for a weekly cron and a missed week
    /// or two. Walking a window costs one step per firing in it, so a cron firing every second is found in the first.
    /// </summary>
    private static readonly TimeSpan[] LookBack =
        [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(8), TimeSpan.FromDays(32)];

    /// <summary>The first cron time at or after <paramref name="periodStart"/>, in <paramref name="zone"/>.</summary>
    public static DateTimeOffset? FirstFireIn(string cron, TimeZoneInfo zone, DateTimeOffset periodStart)
    {
        var expression = new CronExpression(cron, zone);
        return expression.GetNextValidTimeAfter(periodStart.AddSeconds(-1));
    }

    /// <summary>
    /// The latest cron time at or before <paramref name="now"/> (within about a month) and the one after it: a direct
    /// message that became due then may go until the next one is due. Null when the cron has not fired in that time.
    /// </summary>
    public static (DateTimeOffset Last, DateTimeOffset? Next)? LastFire(string cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, zone);
        var next = expression.GetNextValidTimeAfter(now);
        foreach (var back in LookBack)
        {
            DateTimeOffset? last = null;
            for (var at = expression.GetNextValidTimeAfter(now - back); at is { } t && t <= now; at = expression.GetNextValidTimeAfter(t)) last = t;
            if (last is { } found) return (found, next);
        }
        return null;
    }

    /// <summary>When the current week (Monday 00:00 in <paramref name="zone"/>) started.</summary>
    public static DateTimeOffset WeekStart(TimeZoneInfo zone, DateTimeOffset now) => Periods.StartOf(Periods.WeekStart(Periods.LocalDate(now, zone)), zone);

    /// <summary>This week's first cron time, once it has come; null before. A weekly post is due from then until the week ends.</summary>
    public static DateTimeOffset? WeeklySlot(string cron, TimeZoneInfo zone, DateTimeOffset now) =>
        FirstFireIn(cron, zone, WeekStart(zone, now)) is { } due && due <= now ? due : null;

    public static bool IsValid(string cron) => CronExpression.TryParse(cron, out _);
}
