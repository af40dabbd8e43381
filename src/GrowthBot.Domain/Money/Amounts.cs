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
    /// a valid amount, otherwise what is wrong with it.
    /// </summary>
    public static Problem? Read(string? text, out decimal value)
    {
        value = 0;
        var trimmed = (text ?? "").Trim();
        // People paste amounts with their currency: "€800", "800 EUR", "500 kr".
        var bare = trimmed;
        foreach (var mark in Currency.Choices.SelectMany(c => new[] { c.Code, c.Symbol }).Distinct().OrderByDescending(m => m.Length))
            bare = bare.Replace(mark, "", StringComparison.OrdinalIgnoreCase);
        if (!DecimalText.TryParse(bare.Trim().TrimStart('+'), out var parsed))
            return new Problem(ProblemCode.AmountNotANumber, [("typed", ValidationErrors.Typed(trimmed))]);
        if (parsed < 0) return new Problem(ProblemCode.AmountNegative);
        if (parsed > Max) return new Problem(ProblemCode.AmountTooLarge, [("max", Max)]);
        value = Math.Round(parsed, 2, MidpointRounding.AwayFromZero);
        return null;
    }

    /// <summary>Whole minor units (cents) of an amount, as stored.</summary>
    public static long ToCents(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromCents(long cents) => cents / 100m;
}
