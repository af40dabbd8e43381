using GrowthBot.Charts;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Resources;

/// <summary>
/// The words on the charts and their alt text (<c>Resources/Charts.resx</c>). The renderer writes no word of its own; the
/// alt text states the numbers the picture shows, so a screen reader (and the text shown when Slack has no picture) gets
/// the same facts.
/// </summary>
public sealed partial class Wording
{
    private ChartFormat? _chartFormat;

    /// <summary>Numbers on a chart as <see cref="Number"/> writes them; dates short, "5 Oct", "5.10.".</summary>
    public ChartFormat ChartFormat => _chartFormat ??= new ChartFormat(value => Number(ToDecimal(value)), ShortDate);

    /// <summary>A day on a chart's axis and in its alt text: "5 Oct", "5.10.".</summary>
    public string ShortDate(DateOnly date) => date.ToString(Text(ChartText.DateFormat), Culture);

    /// <summary>The key-result trend: its check-ins against the plan from baseline to target.</summary>
    public KeyResultTrendText TrendText(KeyResult kr, KeyResultPlan plan)
    {
        var name = $"{kr.ShortId} {kr.Name}";
        return new(name, kr.Unit, Text(ChartText.TrendCheckedIn), Text(ChartText.TrendPlan), Text(ChartText.TrendWeekTarget),
            facts => string.Join(" ",
                Text(ChartText.TrendAlt, ("kr", name), ("latest", Quantity(facts.Latest.Value, kr.Unit)), ("latestDate", ShortDate(facts.Latest.Date)),
                    ("target", Quantity(facts.Target, kr.Unit)), ("end", ShortDate(plan.End)), ("baseline", Quantity(facts.Baseline, kr.Unit)),
                    ("lower", LowerIsBetter(facts.LowerIsBetter))),
                facts.CheckIns == 1
                    ? Text(ChartText.TrendOneCheckIn, ("date", ShortDate(facts.First.Date)))
                    : Text(ChartText.TrendCheckIns, ("checkIns", Count(facts.CheckIns, Counted.CheckIn)), ("checkInsNumber", Number(facts.CheckIns)),
                        ("first", ShortDate(facts.First.Date)), ("last", ShortDate(facts.Latest.Date))),
                facts.ThisWeek is { } week
                    ? Text(ChartText.TrendExpectedWeek, ("expected", Quantity(facts.ExpectedByNow, kr.Unit)), ("today", ShortDate(facts.Today)),
                        ("week", Quantity(week.Value, kr.Unit)), ("weekDate", ShortDate(week.Date)))
                    : Text(ChartText.TrendExpected, ("expected", Quantity(facts.ExpectedByNow, kr.Unit)), ("today", ShortDate(facts.Today)))));
    }

    /// <summary>The weekly pace: what each week added against the week's target; weeks after <paramref name="thisWeek"/> are still to come.</summary>
    public WeeklyPaceText PaceText(KeyResult kr, DateOnly thisWeek)
    {
        var name = $"{kr.ShortId} {kr.Name}";
        return new(Text(ChartText.PaceTitle, ("kr", name)), kr.Unit, Text(ChartText.PaceDone), Text(ChartText.PaceTarget),
            facts =>
                Text(ChartText.PaceAlt, ("kr", name), ("onTarget", Number(facts.WeeksOnTarget)), ("weeks", Count(facts.WeeksWithBoth, Counted.Week)),
                    ("weeksNumber", Number(facts.WeeksWithBoth)), ("lower", LowerIsBetter(facts.LowerIsBetter))) + " " +
                string.Join("; ", facts.Weeks.Select(w =>
                {
                    var (date, value) = (("date", (object?)ShortDate(w.WeekStart)),
                        ("value", (object?)(w.Actual is { } actual ? Quantity(actual, kr.Unit) : Text(w.WeekStart > thisWeek ? ChartText.ToCome : ChartText.NoCheckIn))));
                    return w.Target is { } target ? Text(ChartText.PaceWeekTarget, date, value, ("target", Quantity(target, kr.Unit))) : Text(ChartText.PaceWeek, date, value);
                })) + ".");
    }

    /// <summary>The experiment scoreboard: concluded experiments per week by outcome.</summary>
    public ExperimentScoreboardText ScoreboardText() => new(
        Text(ChartText.ScoreTitle), Text(ChartText.ScoreAxis), Label(Outcome.Worked), Label(Outcome.DidNotWork), Label(Outcome.Inconclusive),
        facts =>
            Text(ChartText.ScoreAlt, ("total", Count(facts.Total, Counted.ConcludedExperiment)), ("totalNumber", Number(facts.Total)),
                ("weeks", Count(facts.Weeks.Count, Counted.Week)), ("weeksNumber", Number(facts.Weeks.Count)),
                ("worked", Number(facts.Worked)), ("didNotWork", Number(facts.DidNotWork)), ("inconclusive", Number(facts.Inconclusive))) + " " +
            string.Join("; ", facts.Weeks.Where(w => w.Total > 0).Select(w => Text(ChartText.ScoreWeek, ("date", ShortDate(w.WeekStart)), ("outcomes", List(
                new[] { (w.Worked, ChartText.WorkedCount), (w.DidNotWork, ChartText.DidNotWorkCount), (w.Inconclusive, ChartText.InconclusiveCount) }
                    .Where(o => o.Item1 > 0).Select(o => Text(o.Item2, ("count", Number(o.Item1))))))))) + ".");

    /// <summary>" (lower is better)" after a chart's first sentence, when the key result is to go down.</summary>
    private string LowerIsBetter(bool lowerIsBetter) => lowerIsBetter ? Text(ChartText.LowerIsBetter) : "";

    /// <summary>A number as drawn: the chart rounds to what <see cref="Number"/> shows; beyond decimal's range it cannot come (the renderer holds values to ±10^15).</summary>
    private static decimal ToDecimal(double value) => (decimal)Math.Round(value, 2);

    private string Quantity(double value, string unit) => Quantity(ToDecimal(value), unit);
}
