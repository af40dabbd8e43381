using System.Globalization;

namespace GrowthBot.Domain.Common;

/// <summary>
/// Numbers as people type them in any of GrowthBot's languages: <c>1 200</c>, <c>1,200.5</c>, <c>1.200,5</c>, a decimal comma as
/// in <c>12,5</c>, and the minus sign U+2212 that Finnish and Swedish texts use (people copy numbers from the bot's own messages).
/// One comma or one point alone is a decimal separator (<c>1.200</c> is 1.2, as the modals' hints say), whatever the language.
/// </summary>
public static class DecimalText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('\u2212', '-');
        int commas = t.Count(c => c == ','), points = t.Count(c => c == '.');
        if (commas > 0 && points > 0)
        {
            // Both: the last one is the decimal separator, the other groups thousands (1,200.5 and 1.200,5).
            var (group, separator) = t.LastIndexOf(',') > t.LastIndexOf('.') ? ('.', ',') : (',', '.');
            if (t.Count(c => c == separator) > 1) return false;
            t = t.Replace(group.ToString(), "").Replace(separator, '.');
        }
        else if (commas > 0)
        {
            // A lone comma is a decimal comma (12,5); several group thousands (1,200,000).
            t = commas == 1 ? t.Replace(',', '.') : t.Replace(",", "");
        }
        else if (points > 1)
        {
            // Several points group thousands (1.200.000), but only in groups of three: 1.2.3 is no number.
            var groups = t.TrimStart('-', '+').Split('.');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) return false;
            t = t.Replace(".", "");
        }
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A number without trailing zeros: 26, 12.5, -3.</summary>
    public static string Format(decimal value) => Format(value, CultureInfo.InvariantCulture);

    /// <summary>A number without trailing zeros or thousands separators, with <paramref name="culture"/>'s decimal separator: 12,5 in Finnish.</summary>
    public static string Format(decimal value, CultureInfo culture) => value.ToString("0.####", culture);
}
