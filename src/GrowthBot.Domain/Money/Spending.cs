using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Money;

/// <summary>An experiment's spend as recorded at one moment: the total so far, not an increment.</summary>
public sealed record SpendEntry(long Id, long ExperimentId, decimal Spent, int? Results, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A blended cost per result over one period: what was spent and how much the North Star key result grew.</summary>
/// <param name="PerResult">Spend ÷ growth, to the cent; null when the key result did not grow.</param>
public sealed record BlendedCost(decimal Spend, decimal Growth, decimal? PerResult);

/// <summary>The money rules the report and the App Home follow, as the README states them.</summary>
public static class Spending
{
    /// <summary>
    /// What was spent in [<paramref name="start"/>, <paramref name="end"/>): for each experiment, its total recorded
    /// before <paramref name="end"/> minus its total recorded before <paramref name="start"/> (0 when none), summed.
    /// A total corrected downwards counts as negative spend in the period it was corrected.
    /// </summary>
    public static decimal InPeriod(IEnumerable<SpendEntry> entries, DateTimeOffset start, DateTimeOffset end) =>
        entries.GroupBy(e => e.ExperimentId).Sum(g => TotalBefore(g, end) - TotalBefore(g, start));

    /// <summary>
    /// The value of <paramref name="keyResult"/> at <paramref name="at"/>: its latest check-in before then, or its baseline.
    /// </summary>
    public static decimal ValueAt(KeyResult keyResult, IEnumerable<CheckIn> checkIns, DateTimeOffset at) =>
        checkIns.Where(c => c.KeyResultId == keyResult.Id && c.CreatedAt < at).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).LastOrDefault()?.Value
        ?? keyResult.Baseline;

    /// <summary>
    /// Blended cost per result of [<paramref name="start"/>, <paramref name="end"/>): the period's spend ÷ the North
    /// Star key result's growth in it (its value at the end minus its value at the start); no figure without growth.
    /// </summary>
    public static BlendedCost Blended(IReadOnlyList<SpendEntry> entries, KeyResult northStar, IReadOnlyList<CheckIn> checkIns, DateTimeOffset start, DateTimeOffset end)
    {
        var spend = InPeriod(entries, start, end);
        var growth = ValueAt(northStar, checkIns, end) - ValueAt(northStar, checkIns, start);
        return new BlendedCost(spend, growth, growth > 0 ? Math.Round(spend / growth, 2, MidpointRounding.AwayFromZero) : null);
    }

    private static decimal TotalBefore(IEnumerable<SpendEntry> entries, DateTimeOffset at) =>
        entries.Where(e => e.RecordedAt < at).OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).LastOrDefault()?.Spent ?? 0m;
}
