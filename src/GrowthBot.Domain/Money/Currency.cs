namespace GrowthBot.Domain.Money;

/// <summary>A team's currency: its ISO 4217 code and the symbol amounts are shown with ("€500", "500 kr").</summary>
/// <param name="SymbolFirst">Whether the symbol goes before the amount (€500) or after it (500 kr).</param>
public sealed record Currency(string Code, string Symbol, bool SymbolFirst)
{
    public static readonly Currency Euro = new("EUR", "€", true);

    /// <summary>The currencies <c>/growth settings</c> offers, the default first.</summary>
    public static readonly IReadOnlyList<Currency> Choices =
    [
        Euro,
        new("USD", "$", true),
        new("GBP", "£", true),
        new("SEK", "kr", false),
        new("NOK", "kr", false),
        new("DKK", "kr", false),
        new("CHF", "CHF", true),
        new("PLN", "zł", false),
        new("CZK", "Kč", false),
        new("TRY", "₺", true),
        new("RUB", "₽", false),
        new("UAH", "₴", false),
        new("INR", "₹", true),
        new("JPY", "¥", true),
        new("CNY", "CN¥", true),
        new("CAD", "CA$", true),
        new("AUD", "A$", true),
        new("BRL", "R$", true),
    ];

    /// <summary>The currency of <paramref name="code"/>, or the euro when none or an unknown one is saved.</summary>
    public static Currency Of(string? code) =>
        Choices.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? Euro;
}
