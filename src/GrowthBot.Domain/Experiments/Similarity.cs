namespace GrowthBot.Domain.Experiments;

/// <summary>One past experiment that looks like a new one, with how alike they are (0–1).</summary>
public sealed record SimilarExperiment(Experiment Experiment, double Score);

/// <summary>
/// "Have we tested this before?": experiments are alike when the words of their names and hypotheses
/// overlap. Words are lower-cased, stop words and one-letter words dropped, and a plural "s" cut, so
/// "LinkedIn ads to CMOs" and "CMO LinkedIn ad test" share "linkedin", "ad" and "cmo".
/// </summary>
public static class ExperimentSimilarity
{
    /// <summary>At least this share of the smaller word set must be shared (overlap coefficient)…</summary>
    public const double MinOverlap = 0.34;

    /// <summary>…and at least this many words, so two experiments never match on one common word alone.</summary>
    public const int MinSharedWords = 2;

    /// <summary>How many similar experiments a confirmation lists.</summary>
    public const int DefaultMax = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "but", "by", "can", "could", "do", "does", "for", "from", "get", "gets", "had", "has", "have",
        "how", "if", "in", "into", "is", "it", "its", "more", "most", "new", "not", "of", "on", "or", "our", "out", "over",
        "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "try",
        "up", "us", "via", "was", "we", "were", "when", "which", "who", "will", "with", "would", "you", "your",
        "expect", "think", "believe", "test", "testing", "experiment",
    };

    /// <summary>The normalised, meaningful words of a text.</summary>
    public static IReadOnlySet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return words;
        var current = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (current.Length > 0)
            {
                var word = Normalise(current.ToString());
                if (word.Length > 1 && !StopWords.Contains(word)) words.Add(word);
                current.Clear();
            }
        }
        return words;
    }

    /// <summary>Overlap coefficient |A ∩ B| ÷ min(|A|, |B|), and the number of shared words.</summary>
    public static (double Score, int Shared) Compare(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return (0, 0);
        var shared = a.Count(b.Contains);
        return ((double)shared / Math.Min(a.Count, b.Count), shared);
    }

    /// <summary>Whether two word sets are alike enough to show one when the other is logged.</summary>
    public static bool AreSimilar(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var (score, shared) = Compare(a, b);
        return shared >= MinSharedWords && score >= MinOverlap;
    }

    /// <summary>
    /// The experiments of <paramref name="others"/> most like <paramref name="candidate"/> (by name and hypothesis),
    /// best first; concluded ones first among equals, because their outcome is what the team wants to see.
    /// </summary>
    public static IReadOnlyList<SimilarExperiment> FindSimilar(Experiment candidate, IEnumerable<Experiment> others, int max = DefaultMax)
    {
        var words = WordsOf(candidate);
        return others
            .Where(o => o.TeamId == candidate.TeamId && o.Id != candidate.Id)
            .Select(o => (Experiment: o, Words: WordsOf(o)))
            .Where(o => AreSimilar(words, o.Words))
            .Select(o => new SimilarExperiment(o.Experiment, Compare(words, o.Words).Score))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Experiment.Status == ExperimentStatus.Concluded ? 0 : 1)
            .ThenByDescending(s => s.Experiment.Number)
            .Take(max)
            .ToList();
    }

    private static IReadOnlySet<string> WordsOf(Experiment e) => Words($"{e.Name} {e.Hypothesis}");

    // A light stemmer: enough to match "ads"/"ad", "campaigns"/"campaign", "companies"/"company".
    private static string Normalise(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length >= 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)) return word[..^1];
        return word;
    }
}
