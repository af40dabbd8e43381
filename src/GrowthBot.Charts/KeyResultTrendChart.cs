using ScottPlot;

namespace GrowthBot.Charts;

/// <summary>A value on a day: a check-in, or the target planned for a day.</summary>
public readonly record struct TrendPoint(DateOnly Date, double Value);

/// <summary>
/// One key result over its objective's period.
/// </summary>
/// <param name="PeriodStart">The objective's first day; the plan line starts here at <paramref name="Baseline"/>.</param>
/// <param name="PeriodEnd">The objective's last day; the plan line ends here at <paramref name="Target"/>.</param>
/// <param name="CheckIns">Every check-in, in any order; values that cannot be drawn (see <see cref="ChartLimits.MaxMagnitude"/>) are left out.</param>
/// <param name="Today">The team's today, for "where the plan says we should be by now".</param>
/// <param name="ThisWeek">This week's target, when weekly targets are set: the value planned by the week's last day.</param>
public sealed record KeyResultTrend(
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    double Baseline,
    double Target,
    IReadOnlyList<TrendPoint> CheckIns,
    DateOnly Today,
    TrendPoint? ThisWeek = null);

/// <summary>The words on the trend chart and its alt text, in the team's language. An empty legend label hides that entry.</summary>
/// <param name="Title">Usually the key result's name, e.g. "New leads".</param>
/// <param name="ValueAxis">The unit, e.g. "leads"; empty for none.</param>
/// <param name="CheckInsLegend">The check-in line, e.g. "Checked in".</param>
/// <param name="PlanLegend">The straight line from baseline to target, e.g. "Baseline → target".</param>
/// <param name="ThisWeekLegend">The mark of this week's target, e.g. "This week's target".</param>
/// <param name="AltText">Writes the sentence a screen reader reads, from the numbers the chart shows.</param>
public sealed record KeyResultTrendText(
    string Title,
    string ValueAxis,
    string CheckInsLegend,
    string PlanLegend,
    string ThisWeekLegend,
    Func<KeyResultTrendFacts, string> AltText);

/// <summary>What the trend chart shows, as numbers, for the alt text.</summary>
/// <param name="LowerIsBetter">The target is below the baseline (fewer churned customers, lower cost per lead).</param>
/// <param name="CheckIns">How many check-ins are drawn.</param>
/// <param name="First">The earliest check-in.</param>
/// <param name="Latest">The latest check-in (by date; the last given on a tie).</param>
/// <param name="ExpectedByNow">The plan line's value on <paramref name="Today"/>, held to the period.</param>
/// <param name="ThisWeek">This week's target, when one was given.</param>
public sealed record KeyResultTrendFacts(
    double Baseline,
    double Target,
    bool LowerIsBetter,
    int CheckIns,
    TrendPoint First,
    TrendPoint Latest,
    DateOnly Today,
    double ExpectedByNow,
    TrendPoint? ThisWeek);

/// <summary>
/// Key-result trend: the check-ins as a line with dots against the dashed straight line from baseline to target, and
/// this week's target as a diamond. No check-ins gives no chart (<see cref="NoChartReason.NoData"/>).
/// </summary>
public static class KeyResultTrendChart
{
    /// <summary>Draws the chart. Never throws: see <see cref="ChartResult"/>.</summary>
    public static ChartResult Render(KeyResultTrend data, KeyResultTrendText text, ChartFormat format) => ChartCanvas.Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        if (!ChartLimits.IsDrawable(data.Baseline) || !ChartLimits.IsDrawable(data.Target)) return ChartResult.None(NoChartReason.InvalidData);
        if (data.ThisWeek is { } week && !ChartLimits.IsDrawable(week.Value)) return ChartResult.None(NoChartReason.InvalidData);

        var given = data.CheckIns ?? [];
        var points = given.Where(p => ChartLimits.IsDrawable(p.Value)).OrderBy(p => p.Date).ToList();
        if (points.Count == 0) return ChartResult.None(given.Count == 0 ? NoChartReason.NoData : NoChartReason.InvalidData);

        var facts = Facts(data, points);
        var altText = text.AltText(facts);

        var start = data.PeriodStart;
        var hasPeriod = data.PeriodEnd > data.PeriodStart;
        double X(DateOnly date) => date.DayNumber - start.DayNumber;

        var dates = new List<DateOnly> { data.PeriodStart, hasPeriod ? data.PeriodEnd : data.PeriodStart };
        dates.AddRange(points.Select(p => p.Date));
        if (data.ThisWeek is { } mark) dates.Add(mark.Date);
        var first = dates.Min();
        var last = dates.Max();
        if (last.DayNumber - first.DayNumber < 6)
        {
            // A few days' data still gets a week-wide axis, so one point is not squeezed against an edge.
            var widen = (6 - (last.DayNumber - first.DayNumber) + 1) / 2;
            first = first.AddDays(-widen);
            last = last.AddDays(widen);
        }

        var values = points.Select(p => p.Value).Append(data.Baseline).Append(data.Target);
        if (data.ThisWeek is { } target) values = values.Append(target.Value);
        var (low, high) = ChartCanvas.ValueRange(values, fromZero: false);

        using var plot = ChartCanvas.NewPlot(text.Title, text.ValueAxis);
        ChartCanvas.ValueTicks(plot, format);

        var plan = hasPeriod
            ? plot.Add.Line(X(data.PeriodStart), data.Baseline, X(data.PeriodEnd), data.Target)
            : plot.Add.Line(X(first), data.Target, X(last), data.Target);
        plan.LineColor = ChartCanvas.SoftInk;
        plan.LineWidth = 2;
        plan.LinePattern = LinePattern.Dashed;
        plan.MarkerSize = 0;
        plan.LegendText = text.PlanLegend ?? "";

        var line = plot.Add.Scatter(points.Select(p => X(p.Date)).ToArray(), points.Select(p => p.Value).ToArray(), ChartCanvas.Blue);
        line.LineWidth = 3;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = points.Count > 60 ? 4 : 9;
        line.LegendText = text.CheckInsLegend ?? "";

        if (data.ThisWeek is { } thisWeek)
        {
            var diamond = plot.Add.Marker(X(thisWeek.Date), thisWeek.Value, MarkerShape.FilledDiamond, 15, ChartCanvas.Vermillion);
            diamond.LegendText = text.ThisWeekLegend ?? "";
        }

        var latest = facts.Latest;
        var label = plot.Add.Text(format.Number(latest.Value), X(latest.Date), latest.Value);
        label.LabelFontName = ChartFont.Name;
        label.LabelFontSize = 14;
        label.LabelBold = true;
        label.LabelFontColor = ChartCanvas.Blue;
        label.LabelBackgroundColor = ChartCanvas.Background.WithAlpha(220);
        label.LabelPadding = 2;
        // Above the point, and to its left when it sits in the right part of the axis so it stays inside the frame.
        var nearRight = X(latest.Date) > X(first) + 0.8 * (X(last) - X(first));
        label.Alignment = nearRight ? Alignment.LowerRight : Alignment.LowerCenter;
        label.OffsetY = -8;
        label.OffsetX = nearRight ? -4 : 0;

        var days = last.DayNumber - first.DayNumber;
        var pad = Math.Max(0.5, days * 0.03);
        plot.Axes.SetLimits(X(first) - pad, X(last) + pad, low, high);

        var dataWidth = ChartCanvas.DataWidth(format, low, high);
        // Daily ticks for a few days, weekly for a period; whole weeks at most ~60 ticks, so a stray date years away
        // costs no more than a quarter does (PositionTicks then writes only the labels that fit).
        var stepDays = days <= 10 ? 1 : 7 * Math.Max(1, (int)Math.Ceiling(days / 7.0 / 60));
        var ticks = new List<(double, string)>();
        for (var day = data.PeriodStart; day <= last; day = day.AddDays(stepDays))
            if (day >= first) ticks.Add((X(day), format.Date(day)));
        for (var day = data.PeriodStart.AddDays(-stepDays); day >= first; day = day.AddDays(-stepDays))
            ticks.Insert(0, (X(day), format.Date(day)));
        ChartCanvas.PositionTicks(plot, ticks, dataWidth / (days + 2 * pad), stepDays);

        if (HasLegend(text, data.ThisWeek is not null)) plot.ShowLegend(Edge.Bottom);
        return ChartCanvas.Finish(plot, altText);
    });

    private static bool HasLegend(KeyResultTrendText text, bool thisWeek) =>
        !string.IsNullOrWhiteSpace(text.CheckInsLegend) || !string.IsNullOrWhiteSpace(text.PlanLegend) ||
        thisWeek && !string.IsNullOrWhiteSpace(text.ThisWeekLegend);

    private static KeyResultTrendFacts Facts(KeyResultTrend data, List<TrendPoint> sorted)
    {
        double expected;
        if (data.PeriodEnd <= data.PeriodStart || data.Today >= data.PeriodEnd) expected = data.Target;
        else if (data.Today <= data.PeriodStart) expected = data.Baseline;
        else
        {
            var share = (double)(data.Today.DayNumber - data.PeriodStart.DayNumber) / (data.PeriodEnd.DayNumber - data.PeriodStart.DayNumber);
            expected = data.Baseline + (data.Target - data.Baseline) * share;
        }
        return new KeyResultTrendFacts(data.Baseline, data.Target, data.Target < data.Baseline, sorted.Count,
            sorted[0], sorted[^1], data.Today, expected, data.ThisWeek);
    }
}
