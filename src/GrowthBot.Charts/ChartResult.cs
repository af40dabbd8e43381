using System.Diagnostics.CodeAnalysis;

namespace GrowthBot.Charts;

/// <summary>A rendered chart: PNG bytes for the upload and the sentence a screen reader reads instead of the picture.</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height, string AltText);

/// <summary>Why a chart has no picture. The caller shows its text instead (the progress bar, the numbers).</summary>
public enum NoChartReason
{
    /// <summary>Nothing to draw yet: no check-ins, no weeks with a number, no concluded experiment in the window.</summary>
    NoData,

    /// <summary>The numbers cannot be drawn honestly: not finite, or beyond ±<see cref="ChartLimits.MaxMagnitude"/>.</summary>
    InvalidData,

    /// <summary>Drawing or the caller's alt-text function threw; <see cref="ChartResult.Error"/> holds it for the log.</summary>
    RenderFailed,
}

/// <summary>
/// What every <c>Render</c> method returns, and never throws instead: a picture, or no picture with the reason.
/// A failure inside ScottPlot, SkiaSharp or the caller's alt-text function comes back as
/// <see cref="NoChartReason.RenderFailed"/> with the exception, so a report or a home tab that shows a chart never
/// fails because of it: log <see cref="Error"/>, show the text instead.
/// </summary>
public sealed class ChartResult
{
    private ChartResult(ChartImage? image, NoChartReason? reason, Exception? error)
    {
        Image = image;
        Reason = reason;
        Error = error;
    }

    /// <summary>The picture, or null when there is none (then <see cref="Reason"/> says why).</summary>
    public ChartImage? Image { get; }

    /// <summary>Why there is no picture; null when there is one.</summary>
    public NoChartReason? Reason { get; }

    /// <summary>What went wrong, for <see cref="NoChartReason.RenderFailed"/> only.</summary>
    public Exception? Error { get; }

    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool HasImage => Image is not null;

    internal static ChartResult Drawn(ChartImage image) => new(image, null, null);

    internal static ChartResult None(NoChartReason reason) => new(null, reason, null);

    internal static ChartResult Failed(Exception error) => new(null, NoChartReason.RenderFailed, error);

    public override string ToString() => HasImage
        ? $"chart {Image.Width}×{Image.Height}, {Image.Png.Length} bytes"
        : $"no chart: {Reason}" + (Error is null ? "" : $" ({Error.GetType().Name}: {Error.Message})");
}
