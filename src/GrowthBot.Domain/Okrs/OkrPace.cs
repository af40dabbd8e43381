using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Okrs;

/// <summary>
/// The current objective's period and the pace of each of its key results, as of <see cref="Today"/>: what
/// <c>/okr</c>, the App Home, the weekly report, <c>/okr week</c>, the export and the weekly-pace chart all read.
/// </summary>
public sealed record OkrPace(Objective Objective, OkrPeriod Period, DateOnly Today, IReadOnlyList<KeyResultPace> KeyResults)
{
    public bool HasStarted => Period.HasStarted(Today);

    public bool HasEnded => Period.HasEnded(Today);

    public bool IsRunning => HasStarted && !HasEnded;

    /// <summary>Monday of the current week while the period runs.</summary>
    public DateOnly? ThisWeek => IsRunning ? Periods.WeekStart(Today) : null;

    public KeyResultPace? For(long keyResultId) => KeyResults.FirstOrDefault(k => k.KeyResult.Id == keyResultId);

    /// <summary>The pace of every key result of <paramref name="objective"/> at <paramref name="now"/>.</summary>
    public static OkrPace Calculate(Objective objective, IReadOnlyList<KeyResult> keyResults, IReadOnlyList<CheckIn> checkIns,
        IReadOnlyList<WeeklyTarget> targets, TimeZoneInfo zone, DateTimeOffset now)
    {
        var period = OkrPeriod.Of(objective, zone);
        return new OkrPace(objective, period, Periods.LocalDate(now, zone),
            keyResults.OrderBy(k => k.Number).Select(k => KeyResultPace.Calculate(k, period, checkIns, targets, zone, now)).ToList());
    }

    /// <summary>
    /// Whether a report covering [<paramref name="from"/>, <paramref name="to"/>) is the first after the period ended
    /// (the moment its last day was over falls in it), so that report reviews the period.
    /// </summary>
    public bool EndedWithin(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var over = Periods.StartOf(Period.End.AddDays(1), zone);
        return over > from && over <= to;
    }

    /// <summary>
    /// The Monday of the week a report covering [<paramref name="from"/>, <paramref name="to"/>) is mostly about: the week
    /// with the most of its time in the report's window (Monday's report: last week; a Friday report: this week).
    /// </summary>
    public static DateOnly WeekMostCovered(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var best = Periods.WeekStart(Periods.LocalDate(to, zone));
        var most = TimeSpan.Zero;
        for (var monday = Periods.WeekStart(Periods.LocalDate(from, zone)); Periods.StartOf(monday, zone) < to; monday = monday.AddDays(7))
        {
            var start = Periods.StartOf(monday, zone);
            var end = Periods.StartOf(monday.AddDays(7), zone);
            var covered = (end < to ? end : to) - (start > from ? start : from);
            if (covered > most) (best, most) = (monday, covered);
        }
        return best;
    }
}
