using System.Globalization;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Okrs;

/// <summary>What one week of a period should add to a key result (negative when lower is better).</summary>
public readonly record struct WeekTarget(DateOnly WeekStart, decimal Target);

/// <summary>What one week did add: the change from the value before it to its last check-in; null for a week without a check-in.</summary>
public readonly record struct WeekActual(DateOnly WeekStart, decimal? Change);

/// <summary>A day's value of a key result, from a check-in.</summary>
public readonly record struct DayValue(DateOnly Day, decimal Value);

/// <summary>
/// The plan a key result is measured against: the objective's days, from the baseline to the target, and what each
/// week of it should bring. Until weekly targets can be set (<see cref="WeeklyTargetsSet"/> false) every week carries
/// an even share of the way, which is the straight line from baseline to target; a team's own weekly targets replace
/// those shares through <see cref="WithWeeklyTargets"/> and then also mark "this week's target" on the trend.
/// </summary>
public sealed partial record KeyResultPlan(DateOnly Start, DateOnly End, decimal Baseline, decimal Target, IReadOnlyList<WeekTarget> Weeks, bool WeeklyTargetsSet)
{
    /// <summary>The straight line over the period: each of its weeks gets an equal share of target − baseline.</summary>
    public static KeyResultPlan Straight(DateOnly start, DateOnly end, decimal baseline, decimal target)
    {
        if (end < start) (start, end) = (end, start);
        var weekStarts = WeekStarts(start, end);
        var share = (target - baseline) / weekStarts.Count;
        return new KeyResultPlan(start, end, baseline, target, weekStarts.Select(w => new WeekTarget(w, share)).ToList(), false);
    }

    /// <summary>
    /// The plan for <paramref name="kr"/> over its objective's period: its first and last day, or for an objective set
    /// before periods had dates, the days its name says (see <see cref="ObjectivePeriod"/>).
    /// </summary>
    public static KeyResultPlan For(KeyResult kr, Objective objective, DateOnly today)
    {
        var (start, end) = objective is { StartsOn: { } first, EndsOn: { } last } ? (first, last) : ObjectivePeriod(objective.Period, today);
        return Straight(start, end, kr.Baseline, kr.Target);
    }

    /// <summary>Where this week's own target puts the key result at the week's end (its value at the week's start plus the target).</summary>
    public DayValue? ThisWeekTarget { get; init; }

    /// <summary>
    /// The team's own weekly targets (by week start) in place of the even shares; weeks not given keep theirs.
    /// <paramref name="thisWeek"/>, when given, is where this week's target puts the key result, which the trend marks.
    /// </summary>
    public KeyResultPlan WithWeeklyTargets(IReadOnlyDictionary<DateOnly, decimal> targets, DayValue? thisWeek = null) =>
        this with
        {
            Weeks = Weeks.Select(w => targets.TryGetValue(w.WeekStart, out var t) ? w with { Target = t } : w).ToList(), WeeklyTargetsSet = true,
            ThisWeekTarget = thisWeek,
        };

    /// <summary>
    /// Where the plan says the key result should stand by the end of <paramref name="today"/>'s week: this week's own
    /// target when it was given, else the baseline plus the targets of every week up to and including it. Null when the
    /// week is outside the period.
    /// </summary>
    public DayValue? ThisWeek(DateOnly today)
    {
        var week = Periods.WeekStart(today);
        if (ThisWeekTarget is { } set && Periods.WeekStart(set.Day) == week) return set;
        if (!Weeks.Any(w => w.WeekStart == week)) return null;
        var end = week.AddDays(6) < End ? week.AddDays(6) : End;
        return new DayValue(end, Baseline + Weeks.Where(w => w.WeekStart <= week).Sum(w => w.Target));
    }

    /// <summary>
    /// What each week of the period up to <paramref name="today"/>'s week added: its last check-in minus the value
    /// before the week (the last earlier check-in, else the baseline). A week without a check-in has no actual.
    /// </summary>
    public IReadOnlyList<WeekActual> Actuals(IEnumerable<DayValue> checkIns, DateOnly today)
    {
        // A stable sort: check-ins of one day stay in the order given (the order they were made).
        var sorted = checkIns.OrderBy(c => c.Day).ToList();
        var thisWeek = Periods.WeekStart(today);
        var actuals = new List<WeekActual>();
        foreach (var week in Weeks.Where(w => w.WeekStart <= thisWeek))
        {
            var weekEnd = week.WeekStart.AddDays(7);
            var earlier = sorted.FindLastIndex(c => c.Day < week.WeekStart);
            var before = earlier >= 0 ? sorted[earlier].Value : Baseline;
            var inWeek = sorted.Where(c => c.Day >= week.WeekStart && c.Day < weekEnd).ToList();
            actuals.Add(new WeekActual(week.WeekStart, inWeek.Count == 0 ? null : inWeek[^1].Value - before));
        }
        return actuals;
    }

    /// <summary>
    /// The days an objective's period names: "Q4 2026", "2026 Q4", "Q4/2026", "H1 2026", "2026" or "FY2026". Anything
    /// else (the field is free text) is taken as the calendar quarter of <paramref name="today"/>, the usual OKR period.
    /// </summary>
    public static (DateOnly Start, DateOnly End) ObjectivePeriod(string? text, DateOnly today)
    {
        var period = text?.Trim() ?? "";
        if (QuarterFirst().Match(period) is { Success: true } q1) return Quarter(Year(q1.Groups["year"].Value), int.Parse(q1.Groups["q"].Value, CultureInfo.InvariantCulture));
        if (YearFirst().Match(period) is { Success: true } q2) return Quarter(Year(q2.Groups["year"].Value), int.Parse(q2.Groups["q"].Value, CultureInfo.InvariantCulture));
        if (Half().Match(period) is { Success: true } h)
        {
            var year = Year(h.Groups["year"].Value);
            return h.Groups["h"].Value == "1" ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));
        }
        if (WholeYear().Match(period) is { Success: true } y)
        {
            var year = Year(y.Groups["year"].Value);
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
        return Quarter(today.Year, (today.Month - 1) / 3 + 1);
    }

    private static (DateOnly, DateOnly) Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, 3 * (quarter - 1) + 1, 1);
        return (start, start.AddMonths(3).AddDays(-1));
    }

    private static int Year(string digits) => Math.Clamp(int.Parse(digits, CultureInfo.InvariantCulture), 1, 9998);

    private static List<DateOnly> WeekStarts(DateOnly start, DateOnly end)
    {
        var weeks = new List<DateOnly>();
        for (var week = Periods.WeekStart(start); week <= end; week = week.AddDays(7)) weeks.Add(week);
        return weeks;
    }

    [GeneratedRegex(@"\bQ(?<q>[1-4])\s*[-/ ]?\s*(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterFirst();

    [GeneratedRegex(@"\b(?<year>\d{4})\s*[-/ ]?\s*Q(?<q>[1-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"\bH(?<h>[12])\s*[-/ ]?\s*(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Half();

    [GeneratedRegex(@"^(?:FY\s*)?(?<year>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex WholeYear();
}
