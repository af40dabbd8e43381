using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Money;

/// <summary>
/// Money as people type it and as it is stored. Amounts are decimals in the team's currency, kept to the cent:
/// the database holds whole minor units (cents) as integers, so no float ever rounds a budget.
/// </summary>
public static class Amounts
{
    /// <summary>The largest amount accepted (a billion): a typo with six extra zeros is caught, not stored.</summary>
    public const decimal Max = 1_000_000_000m;

    /// <summary>
    /// Reads an amount as typed (<c>250</c>, <c>1 200,50</c>, <c>€800</c>) into <paramref name="value"/>; null when it is
    /// a valid amount, otherwise what to tell the person.
    /// </summary>
    public static string? Read(string? text, out decimal value)
    {
        value = 0;
        var trimmed = (text ?? "").Trim();
        // People paste amounts with their currency: "€800", "800 EUR", "500 kr".
        var bare = trimmed;
        foreach (var mark in Currency.Choices.SelectMany(c => new[] { c.Code, c.Symbol }).Distinct().OrderByDescending(m => m.Length))
            bare = bare.Replace(mark, "", StringComparison.OrdinalIgnoreCase);
        if (!DecimalText.TryParse(bare.Trim().TrimStart('+'), out var parsed))
            return $"\"{Shorten(trimmed)}\" is not an amount. Type a number, e.g. 800 or 1 250,50.";
        if (parsed < 0) return "An amount can't be negative.";
        if (parsed > Max) return $"That is more than {DecimalText.Format(Max)}; please check the amount.";
        value = Math.Round(parsed, 2, MidpointRounding.AwayFromZero);
        return null;
    }

    /// <summary>Whole minor units (cents) of an amount, as stored.</summary>
    public static long ToCents(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromCents(long cents) => cents / 100m;

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
