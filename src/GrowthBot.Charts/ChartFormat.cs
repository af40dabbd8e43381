using System.Globalization;

namespace GrowthBot.Charts;

/// <summary>
/// How numbers and dates are written on a chart and handed to its alt text, in the team's language. The renderer
/// writes no word of its own: tick labels, value labels and dates all go through these two functions.
/// </summary>
/// <param name="Number">A value as people read it, e.g. <c>1 250</c> or <c>12,5</c>.</param>
/// <param name="Date">A day on a date axis, short, e.g. <c>5 Oct</c> or <c>5. lokak.</c>.</param>
public sealed record ChartFormat(Func<double, string> Number, Func<DateOnly, string> Date)
{
    /// <summary>
    /// Numbers with the culture's digit grouping and up to two decimals, written out in full (a screen reader and a
    /// translator both handle <c>1 000 000 000 000</c>; an English "1T" is neither); dates as the culture's
    /// month-and-day pattern with the month abbreviated.
    /// </summary>
    public static ChartFormat For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var datePattern = culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal);
        return new ChartFormat(
            value =>
            {
                var text = value.ToString("#,0.##", culture);
                // Rounding a small negative to zero must not print "-0".
                return text == (culture.NumberFormat.NegativeSign + "0") ? 0.ToString(culture) : text;
            },
            date => date.ToString(datePattern, culture));
    }
}

/// <summary>Bounds the renderer holds every input to.</summary>
public static class ChartLimits
{
    /// <summary>
    /// The largest magnitude drawn (10^15): beyond it doubles no longer hold whole numbers exactly and no key result
    /// means anything; such input gives <see cref="NoChartReason.InvalidData"/>.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>Slack's limit for an image block's <c>alt_text</c>; longer alt text is cut with an ellipsis.</summary>
    public const int MaxAltTextLength = 2000;

    internal static bool IsDrawable(double value) => double.IsFinite(value) && Math.Abs(value) <= MaxMagnitude;
}
