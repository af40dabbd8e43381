using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Okrs;

/// <summary>Where a key result stands against its period's pace.</summary>
public enum PaceStatus
{
    /// <summary>The period has not begun: no week has a target yet.</summary>
    NotStarted,
    OnPace,
    /// <summary>Below the straight line from the baseline to the target at the start of this week.</summary>
    Behind,
    /// <summary>The target is reached (while the period runs).</summary>
    Reached,
    /// <summary>The period is over; its result is <see cref="KeyResultPace.Reached"/> or not.</summary>
    Ended,
}

/// <summary>
/// One week of a key result's period. Amounts are toward the target, so they are positive for a key result that should
/// go down too (churn down 0.3 points is 0.3).
/// </summary>
/// <param name="WeekStart">The week's Monday.</param>
/// <param name="Number">1 for the period's first week.</param>
/// <param name="Target">What the week should bring: set by hand, or the default (see <see cref="KeyResultPace"/>).</param>
/// <param name="SetBy">Who set <paramref name="Target"/> with <c>/okr week</c>; null for the default.</param>
/// <param name="DefaultTarget">The default, whether or not a target was set by hand.</param>
/// <param name="Done">What the week's check-ins moved, from the value the week started at to its last check-in; null when no check-in fell in it.</param>
/// <param name="StartValue">The key result's value when the week began.</param>
public sealed record PaceWeek(DateOnly WeekStart, int Number, decimal Target, string? SetBy, decimal DefaultTarget, decimal? Done, decimal StartValue)
{
    public bool SetByHand => SetBy is not null;

    /// <summary>The week brought at least its target (a week without check-ins has not, unless its target is 0).</summary>
    public bool MetTarget => (Done ?? 0) >= Target;
}

/// <summary>
/// A key result's weekly goals under its period's goal (the God-view dashboard's "weekly goals against quarterly
/// goals"), all in the team's time zone:
/// <list type="bullet">
/// <item>Weeks run Monday to Sunday; a check-in counts toward the week it was made in.</item>
/// <item>A week's default target is what was left when the week began divided by the weeks left, that week included:
/// (target − value at the week's start) ÷ (weeks of the period from this one to the last). It stays the same all week,
/// whatever the week's check-ins. For a key result counted in whole numbers (baseline, target and every check-in whole)
/// it is rounded up to a whole number, otherwise up to two decimals, so the weeks' targets add up to at least the goal.
/// When lower is better the target is how far the value should go down. Nothing left: 0.</item>
/// <item>A target set by hand for a week (<c>/okr week</c>) replaces the default for that week only.</item>
/// <item>On pace: the current value is at least where a straight line from the baseline (at the period's first
/// Monday) to the target (at the end of its last Sunday) stands at the start of this week, i.e. after the period's
/// completed weeks. Otherwise it is behind by the difference (rounded up to a whole number for whole numbers).</item>
/// </list>
/// docs/decisions/0010-weekly-targets-and-pace.md says why it is defined this way.
/// </summary>
public sealed record KeyResultPace
{
    public required KeyResult KeyResult { get; init; }
    public required OkrPeriod Period { get; init; }
    /// <summary>Baseline, target and every check-in are whole numbers: targets and shortfalls are rounded up to whole numbers.</summary>
    public bool WholeUnits { get; init; }
    /// <summary>The period's weeks up to and including the current one (all of them once it ended, none before it began).</summary>
    public IReadOnlyList<PaceWeek> Weeks { get; init; } = [];
    /// <summary>The week <see cref="Calculate"/> was asked about, while the period runs.</summary>
    public PaceWeek? ThisWeek { get; init; }
    /// <summary>Where the straight line stands at the start of this week (at the end of the period once it ended).</summary>
    public decimal Expected { get; init; }
    /// <summary>How far the current value is behind <see cref="Expected"/>, toward the target; 0 when on pace.</summary>
    public decimal Behind { get; init; }
    public PaceStatus Status { get; init; }

    public bool LowerIsBetter => KeyResult.LowerIsBetter;

    /// <summary>The current value is at the target or beyond it.</summary>
    public bool Reached => Toward(KeyResult.Target, KeyResult.Current) <= 0;

    /// <summary>The week starting <paramref name="monday"/>, if it is one of <see cref="Weeks"/>.</summary>
    public PaceWeek? Week(DateOnly monday) => Weeks.FirstOrDefault(w => w.WeekStart == monday);

    /// <summary>
    /// The pace of <paramref name="keyResult"/> over <paramref name="period"/> at <paramref name="now"/>, from its
    /// <paramref name="checkIns"/> (any order; others' are ignored) and the targets set by hand for it.
    /// </summary>
    public static KeyResultPace Calculate(KeyResult keyResult, OkrPeriod period, IEnumerable<CheckIn> checkIns,
        IEnumerable<WeeklyTarget> handSet, TimeZoneInfo zone, DateTimeOffset now)
    {
        var history = checkIns.Where(c => c.KeyResultId == keyResult.Id && c.CreatedAt <= now).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var setByHand = handSet.Where(t => t.KeyResultId == keyResult.Id).GroupBy(t => t.WeekStart).ToDictionary(g => g.Key, g => g.MaxBy(t => t.SetAt)!);
        var whole = IsWhole(keyResult.Baseline) && IsWhole(keyResult.Target) && history.All(c => IsWhole(c.Value));
        var today = Periods.LocalDate(now, zone);
        var weeks = period.Weeks;
        var pace = new KeyResultPace { KeyResult = keyResult, Period = period, WholeUnits = whole };
        if (!period.HasStarted(today)) return pace with { Expected = keyResult.Baseline, Status = PaceStatus.NotStarted };

        var ended = period.HasEnded(today);
        // Weeks completed before today's: all of them once the period is over.
        var completed = ended ? weeks.Count : period.WeekNumber(today) - 1;
        var shown = new List<PaceWeek>();
        for (var i = 0; i < Math.Min(completed + 1, weeks.Count); i++)
        {
            var start = Periods.StartOf(weeks[i], zone);
            var end = Periods.StartOf(weeks[i].AddDays(7), zone);
            var startValue = ValueAt(history, start, keyResult.Baseline);
            var last = history.LastOrDefault(c => c.CreatedAt >= start && c.CreatedAt < end);
            var byDefault = Default(Toward(keyResult.Target, startValue, keyResult), weeks.Count - i, whole);
            var hand = setByHand.GetValueOrDefault(weeks[i]);
            shown.Add(new PaceWeek(weeks[i], i + 1, hand?.Target ?? byDefault, hand?.SetBy, byDefault,
                last is null ? null : Toward(last.Value, startValue, keyResult), startValue));
        }

        var expected = keyResult.Baseline + (keyResult.Target - keyResult.Baseline) * completed / weeks.Count;
        var shortfall = Toward(expected, keyResult.Current, keyResult);
        var behind = shortfall <= 0 ? 0 : RoundUp(shortfall, whole);
        var reached = Toward(keyResult.Target, keyResult.Current, keyResult) <= 0;
        return pace with
        {
            Weeks = shown,
            ThisWeek = ended ? null : shown[^1],
            Expected = expected,
            Behind = behind,
            Status = ended ? PaceStatus.Ended : reached ? PaceStatus.Reached : behind > 0 ? PaceStatus.Behind : PaceStatus.OnPace,
        };
    }

    /// <summary>The default target of a week: <paramref name="left"/> ÷ <paramref name="weeksLeft"/>, rounded up; 0 when nothing is left.</summary>
    public static decimal Default(decimal left, int weeksLeft, bool wholeUnits) =>
        left <= 0 || weeksLeft <= 0 ? 0 : RoundUp(left / weeksLeft, wholeUnits);

    /// <summary>How far <paramref name="to"/> is from <paramref name="from"/> in the key result's good direction.</summary>
    private static decimal Toward(decimal to, decimal from, KeyResult keyResult) => keyResult.LowerIsBetter ? from - to : to - from;

    private decimal Toward(decimal to, decimal from) => Toward(to, from, KeyResult);

    private static decimal ValueAt(List<CheckIn> history, DateTimeOffset instant, decimal baseline) =>
        history.LastOrDefault(c => c.CreatedAt < instant)?.Value ?? baseline;

    private static decimal RoundUp(decimal amount, bool whole) =>
        whole ? Math.Ceiling(amount) : Math.Ceiling(amount * 100m) / 100m;

    private static bool IsWhole(decimal value) => value == Math.Truncate(value);
}
