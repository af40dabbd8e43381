using System.Globalization;

namespace GrowthBot.Domain.Common;

/// <summary>The short, stable ids people type: E12 for experiments, T40 for tasks, L3 for learnings, K2 for key results.</summary>
public static class ShortId
{
    public const char Experiment = 'E';
    public const char Task = 'T';
    public const char Learning = 'L';
    public const char KeyResult = 'K';

    public static string Format(char prefix, int number) => $"{prefix}{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>E12</c>, <c>e12</c>, <c>#E12</c> or a bare <c>12</c> as number 12; a key result also as <c>KR12</c>, as OKR people write it.</summary>
    public static bool TryParse(string? text, char prefix, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim().TrimStart('#');
        if (span.Length > 0 && char.ToUpperInvariant(span[0]) == prefix) span = span[1..];
        if (prefix == KeyResult && span.Length > 0 && char.ToUpperInvariant(span[0]) == 'R') span = span[1..];
        return span.Length is > 0 and <= 9
            && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
