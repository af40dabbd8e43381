namespace GrowthBot.Domain.Common;

/// <summary>
/// The one language-free reading of text that search and "have we tested this before?" share. A text's words (runs of
/// letters and digits, lower-cased) are cut to a stem by their length alone: the last letter off, at most five letters
/// kept, at least three. Inflected and compound forms then share a stem in any language, with no word list:
/// "цена", "цены", "цену" → "цен"; "hinnoittelu", "hinnoittelusivun" → "hinno"; "campaign", "campaigns" → "campa";
/// "müşteri", "müşterilere" → "müşte". Words under three letters are left out (the trigram index cannot find them, and
/// in every language most of them are "we", "if", "ja", "и", "om", "ve"). A number stays whole: 2026 is not 202.
/// docs/decisions/0012-language-free-search.md says why truncation, and why five.
/// </summary>
public static class WordStems
{
    /// <summary>The shortest word kept, and the shortest stem.</summary>
    public const int MinLength = 3;

    /// <summary>The longest stem.</summary>
    public const int MaxLength = 5;

    /// <summary>The distinct stems of <paramref name="text"/>, in the order their words first appear.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        var stems = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return stems;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length) in Words(text))
        {
            if (length < MinLength) continue;
            var stem = Stem(text.AsSpan(start, length));
            if (seen.Add(stem)) stems.Add(stem);
        }
        return stems;
    }

    /// <summary>Where the words of <paramref name="text"/> are: each run of letters and digits, as its start and length.</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            yield return (start, i - start);
            start = -1;
        }
    }

    /// <summary>
    /// Whether two stems stand for one word: equal, or one the start of the other ("цен" of "ценой" is "цено", of
    /// "цена" is "цен"), so a word whose last letters changed more than one letter still meets its other forms.
    /// </summary>
    public static bool Match(string a, string b) =>
        a.Length <= b.Length ? b.StartsWith(a, StringComparison.Ordinal) : a.StartsWith(b, StringComparison.Ordinal);

    private static string Stem(ReadOnlySpan<char> word)
    {
        var allDigits = true;
        foreach (var c in word) allDigits &= char.IsDigit(c);
        var length = allDigits ? word.Length : Math.Clamp(word.Length - 1, MinLength, MaxLength);
        return word[..length].ToString().ToLowerInvariant();
    }
}
