using System.Globalization;

namespace GrowthBot.Domain.Common;

/// <summary>
/// The short, stable ids people type: E12 for experiments, T40 for tasks, L3 for learnings, KR2 for key results and
/// K3 for KPI definitions. Key results were K2 before KPIs existed; <see cref="TryParseKeyResult"/> still reads that
/// form, so old messages, buttons and habits keep working.
/// </summary>
public static class ShortId
{
    public const string Experiment = "E";
    public const string Task = "T";
    public const string Learning = "L";
    public const string KeyResult = "KR";
    public const string Kpi = "K";

    public static string Format(string prefix, int number) => $"{prefix}{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>E12</c>, <c>e12</c>, <c>#E12</c> or a bare <c>12</c> as number 12.</summary>
    public static bool TryParse(string? text, string prefix, out int number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim().TrimStart('#');
        if (span.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) span = span[prefix.Length..];
        return span.Length is > 0 and <= 9
            && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }

    /// <summary>A key result's id: <c>KR2</c>, the older <c>K2</c>, or a bare <c>2</c>.</summary>
    public static bool TryParseKeyResult(string? text, out int number) =>
        TryParse(text, KeyResult, out number) || TryParse(text, Kpi, out number);
}
