using System.Globalization;

namespace GrowthBot.Domain.Common;

/// <summary>Numbers as people type them: <c>1 200</c>, <c>1,200.5</c>, or a decimal comma as in <c>12,5</c>.</summary>
public static class DecimalText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "");
        // A lone comma is a decimal comma (12,5); next to a point it separates thousands (1,200.5).
        t = t.Contains(',') && !t.Contains('.') && t.Count(c => c == ',') == 1 ? t.Replace(',', '.') : t.Replace(",", "");
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A number without trailing zeros: 26, 12.5, -3.</summary>
    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
