namespace GrowthBot.Domain.Okrs;

/// <summary>How far a key result has come from its baseline towards its target.</summary>
public static class Progress
{
    public const int BarWidth = 10;

    /// <summary>
    /// (current − baseline) ÷ (target − baseline), as a whole percentage clamped to 0–100. Works for targets
    /// below the baseline too (churn from 8 % down to 5 %): both differences are then negative.
    /// </summary>
    public static int Percent(decimal baseline, decimal target, decimal current)
    {
        if (target == baseline) return current == target ? 100 : 0;
        var ratio = (current - baseline) / (target - baseline);
        var percent = Math.Floor(ratio * 100m);
        return (int)Math.Clamp(percent, 0m, 100m);
    }

    public static int Percent(this KeyResult kr) => Percent(kr.Baseline, kr.Target, kr.Current);

    /// <summary>A text bar that reads in any font: <c>▓▓▓░░░░░░░</c> for 26 % over ten cells.</summary>
    public static string Bar(int percent, int width = BarWidth)
    {
        if (width <= 0) return "";
        var filled = (int)Math.Round(Math.Clamp(percent, 0, 100) * width / 100m, MidpointRounding.AwayFromZero);
        return new string('▓', filled) + new string('░', width - filled);
    }
}
