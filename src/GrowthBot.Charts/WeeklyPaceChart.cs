using ScottPlot;

namespace GrowthBot.Charts;

/// <summary>One week of a key result: what was done and what the week's target was; either may be missing.</summary>
/// <param name="WeekStart">The week's first day.</param>
/// <param name="Actual">What the week brought; null for a week not yet checked in (or still to come).</param>
/// <param name="Target">The week's target; null where none was set.</param>
public readonly record struct PaceWeek(DateOnly WeekStart, double? Actual, double? Target);

/// <summary>The period's weeks for one key result, in any order.</summary>
/// <param name="LowerIsBetter">A week is on target when its actual is at or below the target (fewer churned customers).</param>
public sealed record WeeklyPace(IReadOnlyList<PaceWeek> Weeks, bool LowerIsBetter);

/// <summary>The words on the weekly-pace chart and its alt text, in the team's language.</summary>
/// <param name="Title">E.g. "New leads per week".</param>
/// <param name="ValueAxis">The unit, e.g. "leads"; empty for none.</param>
/// <param name="ActualLegend">The bars, e.g. "Done".</param>
/// <param name="TargetLegend">The target marks, e.g. "Weekly target".</param>
/// <param name="AltText">Writes the sentence a screen reader reads, from the numbers the chart shows.</param>
public sealed record WeeklyPaceText(
    string Title,
    string ValueAxis,
    string ActualLegend,
    string TargetLegend,
    Func<WeeklyPaceFacts, string> AltText);

/// <summary>One week as drawn, with whether it met its target (null when it has no actual or no target).</summary>
public readonly record struct PaceWeekFact(DateOnly WeekStart, double? Actual, double? Target, bool? OnTarget);

/// <summary>What the weekly-pace chart shows, as numbers, for the alt text.</summary>
/// <param name="Weeks">Every week drawn, oldest first.</param>
/// <param name="WeeksWithActual">Weeks that have an actual.</param>
/// <param name="WeeksOnTarget">Weeks whose actual met their target.</param>
/// <param name="WeeksWithBoth">Weeks that have both an actual and a target (the "of" in "3 of 5 weeks on target").</param>
public sealed record WeeklyPaceFacts(
    IReadOnlyList<PaceWeekFact> Weeks,
    bool LowerIsBetter,
    int WeeksWithActual,
    int WeeksOnTarget,
    int WeeksWithBoth);

/// <summary>
/// Weekly pace: a bar per week for what was done, and a short thick line across it for the week's target. No week
/// with an actual or a target gives no chart (<see cref="NoChartReason.NoData"/>).
/// </summary>
public static class WeeklyPaceChart
{
    /// <summary>Draws the chart. Never throws: see <see cref="ChartResult"/>.</summary>
    public static ChartResult Render(WeeklyPace data, WeeklyPaceText text, ChartFormat format) => ChartCanvas.Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);

        var weeks = (data.Weeks ?? []).OrderBy(w => w.WeekStart).ToList();
        if (!weeks.Any(w => w.Actual is not null || w.Target is not null)) return ChartResult.None(NoChartReason.NoData);
        if (weeks.Any(w => w.Actual is { } a && !ChartLimits.IsDrawable(a) || w.Target is { } t && !ChartLimits.IsDrawable(t)))
            return ChartResult.None(NoChartReason.InvalidData);

        var facts = Facts(weeks, data.LowerIsBetter);
        var altText = text.AltText(facts);

        var values = weeks.SelectMany(w => new[] { w.Actual, w.Target }).OfType<double>();
        var (low, high) = ChartCanvas.ValueRange(values, fromZero: true);

        using var plot = ChartCanvas.NewPlot(text.Title, text.ValueAxis);
        ChartCanvas.ValueTicks(plot, format);

        var dataWidth = ChartCanvas.DataWidth(format, low, high);
        var slot = dataWidth / Math.Max(1, weeks.Count);
        // Value labels above the bars only while there is room for them side by side.
        var widestLabel = weeks.Where(w => w.Actual is not null).Select(w => ChartCanvas.TextWidth(format.Number(w.Actual!.Value), 12)).DefaultIfEmpty(0).Max();
        var labelBars = widestLabel + 4 < slot * 0.95;

        var bars = new List<Bar>();
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Actual is not { } actual) continue;
            bars.Add(new Bar
            {
                Position = i,
                Value = actual,
                Size = 0.6,
                FillColor = ChartCanvas.Blue,
                LineWidth = 0,
                Label = labelBars ? format.Number(actual) : "",
            });
        }
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.ValueLabelStyle.FontName = ChartFont.Name;
            barPlot.ValueLabelStyle.FontSize = 12;
            barPlot.ValueLabelStyle.ForeColor = ChartCanvas.Ink;
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Target is not { } target) continue;
            var mark = plot.Add.Line(i - 0.42, target, i + 0.42, target);
            mark.LineColor = ChartCanvas.Vermillion;
            mark.LineWidth = 4;
            mark.MarkerSize = 0;
        }

        // Each week's target is its own line, so the legend is written once by hand rather than once per line.
        var legend = new List<LegendItem>();
        if (!string.IsNullOrWhiteSpace(text.ActualLegend) && bars.Count > 0)
            legend.Add(new LegendItem { LabelText = text.ActualLegend, FillColor = ChartCanvas.Blue, LineWidth = 0 });
        if (!string.IsNullOrWhiteSpace(text.TargetLegend) && weeks.Any(w => w.Target is not null))
            legend.Add(new LegendItem { LabelText = text.TargetLegend, LineColor = ChartCanvas.Vermillion, LineWidth = 4 });

        // Room for the value written above a bar (below it, for a negative one).
        var labelRoom = labelBars ? (high - low) * 0.06 : 0;
        if (high > 0) high += labelRoom;
        if (low < 0) low -= labelRoom;
        plot.Axes.SetLimits(-0.6, weeks.Count - 0.4, low, high);
        ChartCanvas.PositionTicks(plot, weeks.Select((w, i) => ((double)i, format.Date(w.WeekStart))).ToList(), slot, 1);

        if (legend.Count > 0)
        {
            plot.Legend.ManualItems.AddRange(legend);
            plot.ShowLegend(Edge.Bottom);
        }
        return ChartCanvas.Finish(plot, altText);
    });

    private static WeeklyPaceFacts Facts(List<PaceWeek> weeks, bool lowerIsBetter)
    {
        var drawn = weeks.Select(w => new PaceWeekFact(w.WeekStart, w.Actual, w.Target,
            w is { Actual: { } a, Target: { } t } ? (lowerIsBetter ? a <= t : a >= t) : null)).ToList();
        return new WeeklyPaceFacts(drawn, lowerIsBetter,
            drawn.Count(w => w.Actual is not null),
            drawn.Count(w => w.OnTarget == true),
            drawn.Count(w => w.OnTarget is not null));
    }
}
