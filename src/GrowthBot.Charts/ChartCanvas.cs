using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace GrowthBot.Charts;

/// <summary>
/// The look every chart shares, and the guard around drawing. Colours are from the Okabe–Ito palette (safe for the
/// common colour-vision deficiencies) and each series also differs in shape: solid vs dashed lines, circles vs
/// diamonds, plain vs hatched fills. The background is opaque white: Slack shows an image as it is on both its light
/// and dark themes, and dark lines on white read on both, where a transparent image would not.
/// </summary>
internal static class ChartCanvas
{
    public const int Width = 800;
    public const int Height = 400;

    public static readonly Color Background = Colors.White;
    public static readonly Color Ink = Color.FromHex("#1A1A1A");
    public static readonly Color SoftInk = Color.FromHex("#4D4D4D");
    public static readonly Color GridLine = Color.FromHex("#E3E3E3");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Grey = Color.FromHex("#999999");

    private const float TitleSize = 18;
    private const float AxisLabelSize = 14;
    private const float TickSize = 13;
    private const float LegendSize = 13;

    /// <summary>
    /// Runs a chart's drawing and turns anything it throws into <see cref="NoChartReason.RenderFailed"/>: the
    /// contract of every public <c>Render</c>.
    /// </summary>
    public static ChartResult Guard(Func<ChartResult> render)
    {
        try
        {
            return render();
        }
        catch (Exception e)
        {
            return ChartResult.Failed(e);
        }
    }

    public static Plot NewPlot(string? title, string? valueAxis)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.FigureBackground.Color = Background;
        plot.DataBackground.Color = Background;

        var titleLabel = plot.Axes.Title.Label;
        titleLabel.Text = title ?? "";
        titleLabel.FontName = ChartFont.Name;
        titleLabel.FontSize = TitleSize;
        titleLabel.Bold = true;
        titleLabel.ForeColor = Ink;

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = ChartFont.Name;
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = SoftInk;
            axis.TickLabelStyle.FontName = ChartFont.Name;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = SoftInk;
            axis.MajorTickStyle.Color = SoftInk;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = SoftInk;
        }
        plot.Axes.Right.FrameLineStyle.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.IsVisible = false;
        plot.Axes.Left.Label.Text = valueAxis ?? "";
        plot.Grid.MajorLineColor = GridLine;
        plot.Grid.XAxisStyle.MajorLineStyle.IsVisible = false;

        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = Ink;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Background;
        return plot;
    }

    /// <summary>Value ticks in the caller's number format, at round numbers ScottPlot picks.</summary>
    public static void ValueTicks(Plot plot, ChartFormat format, bool integersOnly = false) =>
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = format.Number,
            IntegerTicksOnly = integersOnly,
            MinorTickGenerator = new EvenlySpacedMinorTickGenerator(0),
        };

    /// <summary>Labels under fixed positions; when they would overlap, only every n-th is written.</summary>
    public static void PositionTicks(Plot plot, IReadOnlyList<(double Position, string Label)> ticks, double pixelsPerUnit, double unitsBetween)
    {
        var widest = ticks.Count == 0 ? 0 : ticks.Max(t => TextWidth(t.Label, TickSize));
        var step = Math.Max(1, (int)Math.Ceiling((widest + 12) / Math.Max(1, pixelsPerUnit * unitsBetween)));
        var generator = new NumericManual();
        for (var i = 0; i < ticks.Count; i++)
        {
            if (i % step == 0) generator.AddMajor(ticks[i].Position, ticks[i].Label);
        }
        plot.Axes.Bottom.TickGenerator = generator;
    }

    /// <summary>Width of the data area once the value axis and its labels take their share (an estimate, for tick spacing).</summary>
    public static double DataWidth(ChartFormat format, double low, double high)
    {
        var label = Math.Max(TextWidth(format.Number(low), TickSize), TextWidth(format.Number(high), TickSize));
        return Width - label - 70;
    }

    public static float TextWidth(string text, float size)
    {
        using var font = new SKFont(ChartFont.Regular, size);
        return font.MeasureText(text);
    }

    /// <summary>
    /// The value range to show: every value with a margin, zero included where bars start from it, and a band around
    /// a single value so a flat line sits in the middle instead of on an edge.
    /// </summary>
    public static (double Low, double High) ValueRange(IEnumerable<double> values, bool fromZero)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }
        if (fromZero || double.IsInfinity(low))
        {
            low = Math.Min(low, 0);
            high = Math.Max(high, 0);
        }
        var magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
        var span = high - low;
        if (span <= magnitude * 1e-9)
        {
            var pad = magnitude == 0 ? 1 : magnitude * 0.1;
            return fromZero && low >= 0 ? (0, high + pad) : fromZero && high <= 0 ? (low - pad, 0) : (low - pad, high + pad);
        }
        var margin = span * 0.08;
        return (fromZero && low >= 0 ? low : low - margin, fromZero && high <= 0 ? high : high + margin);
    }

    /// <summary>Draws the plot and wraps it with the caller's alt text, held to Slack's length limit.</summary>
    public static ChartResult Finish(Plot plot, string? altText)
    {
        if (string.IsNullOrWhiteSpace(altText))
            return ChartResult.Failed(new ArgumentException("The alt-text function returned no text; a chart without alt text is not shown."));
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        var alt = altText.Trim();
        if (alt.Length > ChartLimits.MaxAltTextLength)
        {
            var cut = ChartLimits.MaxAltTextLength - 1;
            if (char.IsHighSurrogate(alt[cut - 1])) cut--;
            alt = alt[..cut].TrimEnd() + "…";
        }
        return ChartResult.Drawn(new ChartImage(png, Width, Height, alt));
    }
}
