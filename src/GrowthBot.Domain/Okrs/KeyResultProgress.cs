using System.Globalization;

namespace GrowthBot.Domain.Okrs;

/// <summary>
/// How far a key result has come from its baseline towards its target: (current − baseline) ÷ (target − baseline),
/// clamped to 0–100 %. Works for targets below the baseline too (churn from 10 % down to 5 %).
/// </summary>
public static class KeyResultProgress
{
    public static int Percent(KeyResult keyResult) => Percent(keyResult.Baseline, keyResult.Target, keyResult.Current);

    public static int Percent(decimal baseline, decimal target, decimal current)
    {
        // A target equal to the baseline has no distance to be part-way along: it is reached or not.
        if (target == baseline) return current >= target ? 100 : 0;
        var share = (current - baseline) / (target - baseline) * 100m;
        return (int)Math.Clamp(Math.Round(share, MidpointRounding.AwayFromZero), 0m, 100m);
    }

    /// <summary>A text progress bar, e.g. <c>███░░░░░░░</c> for 30 % over 10 cells.</summary>
    public static string Bar(int percent, int width = 10)
    {
        if (width <= 0) return "";
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) * width / 100m, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', width - filled);
    }

    /// <summary>The main-goal phrase of the reports, e.g. <c>26/100 new leads</c>.</summary>
    public static string Fraction(KeyResult keyResult)
    {
        var unit = string.IsNullOrWhiteSpace(keyResult.Unit) ? "" : " " + keyResult.Unit.Trim();
        return $"{Number(keyResult.Current)}/{Number(keyResult.Target)}{unit}";
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
