using ScottPlot;
using ScottPlot.Hatches;

namespace GrowthBot.Charts;

/// <summary>How many experiments were concluded in one week, by outcome.</summary>
public readonly record struct ScoreboardWeek(DateOnly WeekStart, int Worked, int DidNotWork, int Inconclusive)
{
    public int Total => Worked + DidNotWork + Inconclusive;
}

/// <summary>
/// Concluded experiments per week. Weeks may come in any order, with gaps (a week without conclusions can be left
/// out) or twice (they are added up); weeks outside the chart's window are not drawn.
/// </summary>
/// <param name="ThisWeekStart">The first day of the current week: the chart's last column.</param>
public sealed record ExperimentScoreboard(DateOnly ThisWeekStart, IReadOnlyList<ScoreboardWeek> Weeks);

/// <summary>The words on the scoreboard and its alt text, in the team's language.</summary>
/// <param name="Title">E.g. "Experiments concluded per week".</param>
/// <param name="ValueAxis">E.g. "experiments"; empty for none.</param>
/// <param name="AltText">Writes the sentence a screen reader reads, from the numbers the chart shows.</param>
public sealed record ExperimentScoreboardText(
    string Title,
    string ValueAxis,
    string WorkedLegend,
    string DidNotWorkLegend,
    string InconclusiveLegend,
    Func<ExperimentScoreboardFacts, string> AltText);

/// <summary>What the scoreboard shows, as numbers, for the alt text.</summary>
/// <param name="Weeks">Every week of the window, oldest first, with zeros for weeks without conclusions.</param>
public sealed record ExperimentScoreboardFacts(IReadOnlyList<ScoreboardWeek> Weeks, int Worked, int DidNotWork, int Inconclusive)
{
    public int Total => Worked + DidNotWork + Inconclusive;
}

/// <summary>
/// Experiment scoreboard: the last <see cref="WeeksShown"/> weeks, a stacked bar per week of the experiments concluded
/// in it: worked (green, plain), did not work (vermillion, striped), inconclusive (grey, dotted), each part labelled
/// with its count where it is tall enough. No concluded experiment in the window gives no chart
/// (<see cref="NoChartReason.NoData"/>).
/// </summary>
public static class ExperimentScoreboardChart
{
    public const int WeeksShown = 12;

    /// <summary>More experiments than this in one week is a wrong number, not a busy team; it gives <see cref="NoChartReason.InvalidData"/>.</summary>
    public const int MaxPerWeek = 100_000;

    /// <summary>Draws the chart. Never throws: see <see cref="ChartResult"/>.</summary>
    public static ChartResult Render(ExperimentScoreboard data, ExperimentScoreboardText text, ChartFormat format) => ChartCanvas.Guard(() =>
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);

        var weeks = Window(data);
        if (weeks is null) return ChartResult.None(NoChartReason.InvalidData);
        var facts = new ExperimentScoreboardFacts(weeks, weeks.Sum(w => w.Worked), weeks.Sum(w => w.DidNotWork), weeks.Sum(w => w.Inconclusive));
        if (facts.Total == 0) return ChartResult.None(NoChartReason.NoData);
        var altText = text.AltText(facts);

        var high = weeks.Max(w => w.Total);
        var (_, top) = ChartCanvas.ValueRange([high], fromZero: true);

        using var plot = ChartCanvas.NewPlot(text.Title, text.ValueAxis);
        ChartCanvas.ValueTicks(plot, format, integersOnly: true);

        var dataWidth = ChartCanvas.DataWidth(format, 0, top);
        var pixelsPerCount = (ChartCanvas.Height - 150) / top;
        var outcomes = new (Func<ScoreboardWeek, int> Count, Color Fill, Color Hatch, IHatch? Pattern, string Legend)[]
        {
            (w => w.Worked, ChartCanvas.BluishGreen, ChartCanvas.BluishGreen, null, text.WorkedLegend),
            (w => w.DidNotWork, ChartCanvas.Vermillion, Color.FromHex("#F2B38A"), new Striped(StripeDirection.DiagonalUp), text.DidNotWorkLegend),
            (w => w.Inconclusive, Color.FromHex("#C7C7C7"), Color.FromHex("#6E6E6E"), new Dots(), text.InconclusiveLegend),
        };

        var bases = new double[weeks.Count];
        foreach (var (count, fill, hatch, pattern, legend) in outcomes)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < weeks.Count; i++)
            {
                var n = count(weeks[i]);
                if (n == 0) continue;
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bases[i],
                    Value = bases[i] + n,
                    Size = 0.7,
                    FillColor = fill,
                    FillHatch = pattern,
                    FillHatchColor = hatch,
                    LineColor = ChartCanvas.Background,
                    LineWidth = 1,
                    // The count sits in its part when the part is tall enough for a line of text.
                    Label = n * pixelsPerCount >= 18 ? format.Number(n) : "",
                    CenterLabel = true,
                });
                bases[i] += n;
            }
            if (bars.Count > 0)
            {
                var barPlot = plot.Add.Bars(bars);
                var labels = barPlot.ValueLabelStyle;
                labels.FontName = ChartFont.Name;
                labels.FontSize = 12;
                labels.Bold = true;
                labels.ForeColor = ChartCanvas.Ink;
                // A white box behind the count keeps it readable on stripes and dots alike.
                labels.BackgroundColor = ChartCanvas.Background;
                labels.PixelPadding = new PixelPadding(3, 3, 1, 1);
                labels.BorderRadius = 3;
            }
            if (!string.IsNullOrWhiteSpace(legend))
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = legend,
                    FillColor = fill,
                    FillHatch = pattern,
                    FillHatchColor = hatch,
                    OutlineColor = ChartCanvas.SoftInk,
                    OutlineWidth = 1,
                });
            }
        }

        plot.Axes.SetLimits(-0.6, weeks.Count - 0.4, 0, top);
        ChartCanvas.PositionTicks(plot, weeks.Select((w, i) => ((double)i, format.Date(w.WeekStart))).ToList(), dataWidth / weeks.Count, 1);
        if (plot.Legend.ManualItems.Count > 0) plot.ShowLegend(Edge.Bottom);
        return ChartCanvas.Finish(plot, altText);
    });

    /// <summary>
    /// The <see cref="WeeksShown"/> seven-day columns ending with <see cref="ExperimentScoreboard.ThisWeekStart"/>; each
    /// given week is added to the column its start falls in, and negative counts (nonsense) count as none. Null when a
    /// column holds more than <see cref="MaxPerWeek"/>.
    /// </summary>
    private static List<ScoreboardWeek>? Window(ExperimentScoreboard data)
    {
        var first = data.ThisWeekStart.AddDays(-7 * (WeeksShown - 1));
        var counts = new long[WeeksShown, 3];
        foreach (var week in data.Weeks ?? [])
        {
            var offset = week.WeekStart.DayNumber - first.DayNumber;
            if (offset < 0 || offset >= 7 * WeeksShown) continue;
            counts[offset / 7, 0] += Math.Max(0, week.Worked);
            counts[offset / 7, 1] += Math.Max(0, week.DidNotWork);
            counts[offset / 7, 2] += Math.Max(0, week.Inconclusive);
        }
        var columns = new List<ScoreboardWeek>(WeeksShown);
        for (var i = 0; i < WeeksShown; i++)
        {
            if (counts[i, 0] + counts[i, 1] + counts[i, 2] > MaxPerWeek) return null;
            columns.Add(new ScoreboardWeek(first.AddDays(7 * i), (int)counts[i, 0], (int)counts[i, 1], (int)counts[i, 2]));
        }
        return columns;
    }
}
