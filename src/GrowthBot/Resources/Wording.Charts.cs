using GrowthBot.Charts;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Resources;

/// <summary>
/// The words on the charts and their alt text. The renderer writes no word of its own; the alt text states the numbers
/// the picture shows, so a screen reader (and the text shown when Slack has no picture) gets the same facts.
/// </summary>
public sealed partial class Wording
{
    private ChartFormat? _chartFormat;

    /// <summary>Numbers on a chart as <see cref="Number"/> writes them; dates short, "5 Oct".</summary>
    public ChartFormat ChartFormat => _chartFormat ??= new ChartFormat(value => Number(ToDecimal(value)), ShortDate);

    /// <summary>A day on a chart's axis and in its alt text: "5 Oct".</summary>
    public string ShortDate(DateOnly date) => date.ToString("d MMM", Culture);

    /// <summary>The key-result trend: its check-ins against the plan from baseline to target.</summary>
    public KeyResultTrendText TrendText(KeyResult kr, KeyResultPlan plan) => new(
        $"{kr.ShortId} {kr.Name}", kr.Unit, "Checked in", "Baseline → target", "This week's target",
        facts =>
            $"Trend of {kr.ShortId} {kr.Name}: {Quantity(facts.Latest.Value, kr.Unit)} on {ShortDate(facts.Latest.Date)}, " +
            $"target {Quantity(facts.Target, kr.Unit)} by {ShortDate(plan.End)} from a baseline of {Quantity(facts.Baseline, kr.Unit)}" +
            (facts.LowerIsBetter ? " (lower is better)" : "") + ". " +
            (facts.CheckIns == 1
                ? $"1 check-in, on {ShortDate(facts.First.Date)}. "
                : $"{Count(facts.CheckIns, Counted.CheckIn)} from {ShortDate(facts.First.Date)} to {ShortDate(facts.Latest.Date)}. ") +
            $"On the straight line from baseline to target it would be {Quantity(facts.ExpectedByNow, kr.Unit)} by today ({ShortDate(facts.Today)})" +
            (facts.ThisWeek is { } week ? $"; this week's target is {Quantity(week.Value, kr.Unit)} by {ShortDate(week.Date)}." : "."));

    /// <summary>The weekly pace: what each week added against the week's target; weeks after <paramref name="thisWeek"/> are still to come.</summary>
    public WeeklyPaceText PaceText(KeyResult kr, DateOnly thisWeek) => new(
        $"{kr.ShortId} {kr.Name} per week", kr.Unit, "Done", "Weekly target",
        facts =>
            $"{kr.ShortId} {kr.Name} per week: on target in {Number(facts.WeeksOnTarget)} of {Count(facts.WeeksWithBoth, Counted.Week)}" +
            (facts.LowerIsBetter ? " (lower is better)" : "") + ". " +
            string.Join("; ", facts.Weeks.Select(w => $"Week of {ShortDate(w.WeekStart)}: " +
                (w.Actual is { } actual ? Quantity(actual, kr.Unit) : w.WeekStart > thisWeek ? "to come" : "no check-in") +
                (w.Target is { } target ? $" (target {Quantity(target, kr.Unit)})" : ""))) + ".");

    /// <summary>The experiment scoreboard: concluded experiments per week by outcome.</summary>
    public ExperimentScoreboardText ScoreboardText() => new(
        "Experiments concluded per week", "experiments", Label(Outcome.Worked), Label(Outcome.DidNotWork), Label(Outcome.Inconclusive),
        facts =>
            $"{Count(facts.Total, Counted.ConcludedExperiment)} in the last {Count(facts.Weeks.Count, Counted.Week)}: " +
            $"{Number(facts.Worked)} worked, {Number(facts.DidNotWork)} didn't work, {Number(facts.Inconclusive)} inconclusive. " +
            string.Join("; ", facts.Weeks.Where(w => w.Total > 0).Select(w => $"Week of {ShortDate(w.WeekStart)}: " + List(
                new[] { (w.Worked, "worked"), (w.DidNotWork, "didn't work"), (w.Inconclusive, "inconclusive") }
                    .Where(o => o.Item1 > 0).Select(o => $"{Number(o.Item1)} {o.Item2}")))) + ".");

    /// <summary>A number as drawn: the chart rounds to what <see cref="Number"/> shows; beyond decimal's range it cannot come (the renderer holds values to ±10^15).</summary>
    private static decimal ToDecimal(double value) => (decimal)Math.Round(value, 2);

    private string Quantity(double value, string unit) => Quantity(ToDecimal(value), unit);
}
