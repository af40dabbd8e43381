using ScottPlot;
using SkiaSharp;

namespace GrowthBot.Charts;

/// <summary>
/// The one typeface every chart draws with: DejaVu Sans (regular and bold) embedded in this assembly, so text renders
/// the same on a developer's machine and on a Debian-slim image with no fonts installed, in every language the app
/// speaks (Latin with Finnish, Swedish and Turkish letters, and Cyrillic).
/// </summary>
internal static class ChartFont
{
    /// <summary>A family name no installed font has, so only <see cref="Resolver"/> can answer it and nothing falls back.</summary>
    public const string Name = "GrowthBot Charts Sans";

    public const string LicenseResource = "GrowthBot.Charts.Fonts.LICENSE-DejaVu.txt";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("GrowthBot.Charts.Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("GrowthBot.Charts.Fonts.DejaVuSans-Bold.ttf"));
    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>
    /// ScottPlot keeps fonts in process-wide state (<see cref="Fonts"/>), and a label takes its font name when it is
    /// created: this must run before the first <see cref="Plot"/> is made, and only once.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (_registered) return;
        lock (Gate)
        {
            if (_registered) return;
            _ = Regular;
            _ = Bold;
            Fonts.FontResolvers.Insert(0, new Resolver());
            Fonts.Default = Name;
            Fonts.Sans = Name;
            // A label with a typeface object ignores its Bold flag; leaving this null makes every label ask the resolver.
            Fonts.DefaultFontStyle = null;
            _registered = true;
        }
    }

    private static SKTypeface Load(string resource)
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The chart font {resource} is not embedded in {typeof(ChartFont).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        // From a copy of the bytes: Skia reads glyphs lazily for as long as the typeface lives, after the stream is gone.
        using var data = SKData.CreateCopy(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The chart font {resource} could not be read.");
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Name ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
    }
}
