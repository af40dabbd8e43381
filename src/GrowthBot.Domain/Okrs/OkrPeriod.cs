using System.Globalization;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Okrs;

/// <summary>What kind of period an objective runs over, which names its review: monthly, quarterly or other.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Other,
}

/// <summary>
/// The days an objective runs, <see cref="Start"/> to <see cref="End"/> inclusive, in the team's time zone. Its weeks
/// are the Monday-to-Sunday weeks that overlap it (as the God-view dashboard counts weeks): a period starting on a
/// Thursday has that whole week as its first, so every check-in of the period falls in one of its weeks.
/// </summary>
public sealed partial record OkrPeriod(DateOnly Start, DateOnly End)
{
    public const int MinDays = 7;
    public const int MaxDays = 366;

    /// <summary>The calendar quarter containing <paramref name="date"/>: the default period.</summary>
    public static OkrPeriod QuarterOf(DateOnly date)
    {
        var first = new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);
        return new OkrPeriod(first, first.AddMonths(3).AddDays(-1));
    }

    public static OkrPeriod MonthOf(DateOnly date)
    {
        var first = new DateOnly(date.Year, date.Month, 1);
        return new OkrPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    public PeriodKind Kind =>
        this == QuarterOf(Start) ? PeriodKind.Quarter : this == MonthOf(Start) ? PeriodKind.Month : PeriodKind.Other;

    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>Monday of the period's first week.</summary>
    public DateOnly FirstWeek => Periods.WeekStart(Start);

    /// <summary>Monday of the period's last week.</summary>
    public DateOnly LastWeek => Periods.WeekStart(End);

    public int WeekCount => (LastWeek.DayNumber - FirstWeek.DayNumber) / 7 + 1;

    /// <summary>The Monday of each of the period's weeks, first to last.</summary>
    public IReadOnlyList<DateOnly> Weeks => Enumerable.Range(0, WeekCount).Select(i => FirstWeek.AddDays(7 * i)).ToList();

    /// <summary>1 for the period's first week; 0 or less before it, more than <see cref="WeekCount"/> after it.</summary>
    public int WeekNumber(DateOnly date) => (Periods.WeekStart(date).DayNumber - FirstWeek.DayNumber) / 7 + 1;

    public bool HasStarted(DateOnly today) => today >= Start;

    public bool HasEnded(DateOnly today) => today > End;

    /// <summary>The period after this one: the next month or quarter, or as many days again for any other period.</summary>
    public OkrPeriod Next() => Kind switch
    {
        PeriodKind.Quarter => QuarterOf(End.AddDays(1)),
        PeriodKind.Month => MonthOf(End.AddDays(1)),
        _ => new OkrPeriod(End.AddDays(1), End.AddDays(Days)),
    };

    /// <summary>
    /// The period of an objective set before objectives had dates: the quarter its name gives ("Q4 2026", "2026 Q4"),
    /// else the calendar quarter it was set in.
    /// </summary>
    public static OkrPeriod Infer(string name, DateOnly setOn)
    {
        var match = QuarterName().Match(name);
        if (match.Success)
        {
            var quarter = int.Parse(match.Groups["q"].Success ? match.Groups["q"].Value : match.Groups["q2"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(match.Groups["y"].Success ? match.Groups["y"].Value : match.Groups["y2"].Value, CultureInfo.InvariantCulture);
            return QuarterOf(new DateOnly(year, quarter * 3 - 2, 1));
        }
        return QuarterOf(setOn);
    }

    /// <summary>The period an objective runs over: its dates, or for an older objective without them, <see cref="Infer"/>.</summary>
    public static OkrPeriod Of(Objective objective, TimeZoneInfo zone) =>
        objective is { StartsOn: { } start, EndsOn: { } end } ? new OkrPeriod(start, end) : Infer(objective.Period, Periods.LocalDate(objective.CreatedAt, zone));

    [GeneratedRegex(@"\bQ(?<q>[1-4])\s*[/-]?\s*(?<y>(19|20)\d\d)\b|\b(?<y2>(19|20)\d\d)\s*[/-]?\s*Q(?<q2>[1-4])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterName();
}
