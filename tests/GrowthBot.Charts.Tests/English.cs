using System.Globalization;

namespace GrowthBot.Charts.Tests;

/// <summary>
/// The words the app would pass in for an English-speaking team: test data only, the renderer has no words of its own.
/// </summary>
internal static class English
{
    public static readonly ChartFormat Format = ChartFormat.For(CultureInfo.GetCultureInfo("en-GB"));

    public static string Number(double value) => Format.Number(value);
    public static string Date(DateOnly date) => Format.Date(date);

    public static KeyResultTrendText Trend(string name = "New leads", string unit = "leads") => new(
        name, unit, "Checked in", "Baseline → target", "This week's target",
        f => $"{name}: {Number(f.Latest.Value)} of {Number(f.Target)} (baseline {Number(f.Baseline)}), " +
             $"{f.CheckIns} check-in{(f.CheckIns == 1 ? "" : "s")} from {Date(f.First.Date)} to {Date(f.Latest.Date)}; " +
             $"on the line to target it should be {Number(Math.Round(f.ExpectedByNow))} by now" +
             (f.ThisWeek is { } week ? $", and {Number(week.Value)} by {Date(week.Date)}" : "") +
             (f.LowerIsBetter ? " (lower is better)" : ""));

    public static WeeklyPaceText Pace(string name = "New leads per week", string unit = "leads") => new(
        name, unit, "Done", "Weekly target",
        f => $"{name}: on target in {f.WeeksOnTarget} of {f.WeeksWithBoth} weeks. " + string.Join("; ", f.Weeks.Select(w =>
            $"week of {Date(w.WeekStart)}: " + (w.Actual is { } a ? Number(a) : "not checked in") + (w.Target is { } t ? $" of {Number(t)}" : ""))));

    public static ExperimentScoreboardText Scoreboard() => new(
        "Experiments concluded per week", "experiments", "Worked", "Did not work", "Inconclusive",
        f => $"{f.Total} experiments concluded in the last {f.Weeks.Count} weeks: {f.Worked} worked, {f.DidNotWork} did not work, " +
             $"{f.Inconclusive} inconclusive. " + string.Join("; ", f.Weeks.Where(w => w.Total > 0).Select(w =>
                 $"week of {Date(w.WeekStart)}: {w.Worked} worked, {w.DidNotWork} did not, {w.Inconclusive} inconclusive")));
}

/// <summary>The numbers of a team six weeks into its quarter.</summary>
internal static class Samples
{
    public static readonly DateOnly PeriodStart = new(2026, 10, 5);
    public static readonly DateOnly PeriodEnd = new(2026, 12, 31);
    public static readonly DateOnly Today = new(2026, 11, 9);

    public static readonly TrendPoint[] LeadCheckIns =
    [
        new(new(2026, 10, 5), 2), new(new(2026, 10, 12), 5), new(new(2026, 10, 19), 9),
        new(new(2026, 10, 26), 14), new(new(2026, 11, 2), 19), new(new(2026, 11, 9), 26),
    ];

    public static KeyResultTrend Trend(TrendPoint? thisWeek = null) =>
        new(PeriodStart, PeriodEnd, 0, 100, LeadCheckIns, Today, thisWeek);

    public static WeeklyPace Pace()
    {
        double?[] actuals = [2, 3, 4, 5, 5, 7];
        var weeks = new List<PaceWeek>();
        for (var i = 0; i < 13; i++)
            weeks.Add(new PaceWeek(PeriodStart.AddDays(7 * i), i < actuals.Length ? actuals[i] : null, 8));
        return new WeeklyPace(weeks, LowerIsBetter: false);
    }

    public static ExperimentScoreboard Scoreboard()
    {
        var thisWeek = new DateOnly(2026, 11, 9);
        int[][] counts = [[1, 0, 0], [0, 1, 1], [2, 1, 0], [0, 0, 0], [1, 2, 1], [3, 0, 1], [0, 1, 0], [2, 2, 1], [1, 0, 2], [0, 0, 0], [4, 1, 0], [1, 1, 1]];
        return new ExperimentScoreboard(thisWeek, counts.Select((c, i) =>
            new ScoreboardWeek(thisWeek.AddDays(-7 * (11 - i)), c[0], c[1], c[2])).ToList());
    }
}
