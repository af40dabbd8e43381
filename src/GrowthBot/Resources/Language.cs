using System.Globalization;

namespace GrowthBot.Resources;

/// <summary>CLDR's cardinal plural categories: English uses One and Other; Russian adds Few and Many.</summary>
public enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

/// <summary>
/// A language GrowthBot speaks: its code (the satellite resources' culture, what people type in <c>/growth language fi</c>),
/// its name in itself, the culture numbers and dates follow, and its plural rule. Adding a language is one entry in
/// <see cref="All"/> plus its <c>.resx</c> files (README, "Languages").
/// </summary>
public sealed class Language
{
    private Language(string code, string name, string culture, IReadOnlyList<PluralCategory> categories, Func<decimal, PluralCategory> plural)
    {
        Code = code;
        Name = name;
        Culture = CultureInfo.GetCultureInfo(culture);
        Categories = categories;
        _plural = plural;
    }

    private readonly Func<decimal, PluralCategory> _plural;

    /// <summary>The two-letter code: <c>fi</c>.</summary>
    public string Code { get; }

    /// <summary>The language's name in itself, as people look for it in a list: <c>Suomi</c>.</summary>
    public string Name { get; }

    /// <summary>How numbers, percentages, weekday and month names are written (<c>fi-FI</c>); resources are looked up by it too.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The plural categories the language's texts distinguish; every plural key has one text for each.</summary>
    public IReadOnlyList<PluralCategory> Categories { get; }

    /// <summary>The category <paramref name="count"/> takes in this language (CLDR cardinal rules).</summary>
    public PluralCategory PluralOf(decimal count) => _plural(count);

    private static readonly PluralCategory[] OneOther = [PluralCategory.One, PluralCategory.Other];

    /// <summary>CLDR "one: i = 1 and v = 0": exactly 1, written without decimals; 1.5 and 0 are "other".</summary>
    private static PluralCategory OneIfExactlyOne(decimal n) => n == 1 && decimal.Truncate(n) == n ? PluralCategory.One : PluralCategory.Other;

    /// <summary>
    /// CLDR for Russian (integers; anything with a fraction is "other"): one ends in 1 but not 11 (1, 21, 101); few ends in
    /// 2–4 but not 12–14 (2, 22); many is the rest (0, 5–20, 25, 111).
    /// </summary>
    private static PluralCategory RussianRule(decimal n)
    {
        if (decimal.Truncate(n) != n) return PluralCategory.Other;
        var i = decimal.ToInt64(decimal.Truncate(Math.Abs(n)) % 100);
        var last = i % 10;
        if (last == 1 && i != 11) return PluralCategory.One;
        if (last is >= 2 and <= 4 && i is < 12 or > 14) return PluralCategory.Few;
        return PluralCategory.Many;
    }

    /// <summary>British English: day before month ("Mon 14 Dec"), 24-hour times, "26%". The neutral resources are English.</summary>
    public static readonly Language English = new("en", "English", "en-GB", OneOther, OneIfExactlyOne);
    public static readonly Language Finnish = new("fi", "Suomi", "fi-FI", OneOther, OneIfExactlyOne);
    public static readonly Language Swedish = new("sv", "Svenska", "sv-SE", OneOther, OneIfExactlyOne);
    public static readonly Language Russian = new("ru", "Русский", "ru-RU", [PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other], RussianRule);
    /// <summary>CLDR "one: n = 1"; a noun after a numeral stays singular, so the two texts are usually the same.</summary>
    public static readonly Language Turkish = new("tr", "Türkçe", "tr-TR", OneOther, n => n == 1 ? PluralCategory.One : PluralCategory.Other);

    /// <summary>Every language GrowthBot speaks, English (the default) first.</summary>
    public static readonly IReadOnlyList<Language> All = [English, Finnish, Swedish, Russian, Turkish];

    /// <summary>
    /// The language a code or Slack locale names (<c>fi</c>, <c>FI</c>, <c>fi-FI</c>, <c>fi_FI</c>, <c>en-US</c>); null when
    /// it names none GrowthBot speaks.
    /// </summary>
    public static Language? Find(string? codeOrLocale)
    {
        if (string.IsNullOrWhiteSpace(codeOrLocale)) return null;
        var code = codeOrLocale.Trim().Split('-', '_')[0];
        return All.FirstOrDefault(l => l.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => Code;
}
