using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Experiments;

/// <summary>One past experiment that looks like a new one, with how alike they are (0–1).</summary>
public sealed record SimilarExperiment(Experiment Experiment, double Score);

/// <summary>
/// How many of a team's experiments hold each stem (<see cref="WordStems"/>), and how many experiments there are: what
/// tells a telling word from one the whole team writes ("we", "that", the words of its hypothesis template), in whatever
/// language the team writes, with no list of words.
/// </summary>
public sealed class StemRarity(int experiments, IReadOnlyDictionary<string, int> holding)
{
    /// <summary>
    /// Experiments imagined beside the team's own, holding none of its stems: in a team of two, a word both use may
    /// still be telling; only a history long enough shows which words everyone writes.
    /// </summary>
    public const int Prior = 4;

    public int Experiments { get; } = Math.Max(1, experiments);

    /// <summary>How many experiments hold <paramref name="stem"/>; one when nobody counted it (a word of the older experiment's only).</summary>
    public int Holding(string stem) => holding.TryGetValue(stem, out var count) ? Math.Clamp(count, 1, Experiments) : 1;

    /// <summary>How much sharing <paramref name="stem"/> says (inverse document frequency): little for a stem most experiments hold.</summary>
    public double Weight(string stem) => Math.Log((double)(Experiments + Prior) / Holding(stem));

    /// <summary>Whether sharing <paramref name="stem"/> counts towards <see cref="ExperimentSimilarity.MinSharedWords"/>: at most half the experiments hold it.</summary>
    public bool IsTelling(string stem) => Holding(stem) * 2 <= Experiments + Prior;

    /// <summary>The rarity of stems counted in <paramref name="experiments"/> (a team's, the new one among them).</summary>
    public static StemRarity Of(IReadOnlyCollection<Experiment> experiments)
    {
        var holding = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in experiments)
            foreach (var stem in ExperimentSimilarity.Stems(e))
                holding[stem] = holding.GetValueOrDefault(stem) + 1;
        return new StemRarity(experiments.Count, holding);
    }
}

/// <summary>
/// "Have we tested this before?": experiments are alike when the stems of their names and hypotheses overlap, each
/// stem weighted by how rare it is in the team, so "LinkedIn ads to CMOs" and "CMO LinkedIn ad campaign" are alike,
/// and so are "Hinnoittelusivun A/B-testi" and "Hinnoittelusivu uusiksi", but the words every hypothesis of the team
/// uses never make two experiments alike.
/// </summary>
public static class ExperimentSimilarity
{
    /// <summary>
    /// At least this share of the smaller text's weight must be shared (a weighted overlap coefficient; for two experiments
    /// the mean of their names' and their whole texts')… Lower than an overlap of whole words would need: an inflected
    /// language's stems meet less often, and the weights already keep the words everyone writes from counting.
    /// </summary>
    public const double MinOverlap = 0.25;

    /// <summary>…and at least this many telling stems, so two experiments never match on one word alone.</summary>
    public const int MinSharedWords = 2;

    /// <summary>How many similar experiments a confirmation lists.</summary>
    public const int DefaultMax = 3;

    /// <summary>The stems an experiment is compared by: its name's and hypothesis's.</summary>
    public static IReadOnlyList<string> Stems(Experiment e) => WordStems.Of($"{e.Name} {e.Hypothesis}");

    /// <summary>How alike <paramref name="a"/> and <paramref name="b"/> are (0–1), and how many telling stems they share.</summary>
    public static (double Score, int Shared) Compare(IReadOnlyList<string> a, IReadOnlyList<string> b, StemRarity rarity)
    {
        if (a.Count == 0 || b.Count == 0) return (0, 0);
        double sharedWeight = 0;
        var shared = 0;
        foreach (var stem in a)
        {
            if (!b.Any(other => WordStems.Match(stem, other))) continue;
            sharedWeight += rarity.Weight(stem);
            if (rarity.IsTelling(stem)) shared++;
        }
        var smaller = Math.Min(a.Sum(rarity.Weight), b.Sum(rarity.Weight));
        return (smaller <= 0 ? 0 : Math.Min(1, sharedWeight / smaller), shared);
    }

    /// <summary>Whether two experiments' stems are alike enough to show one when the other is logged.</summary>
    public static bool AreSimilar(IReadOnlyList<string> a, IReadOnlyList<string> b, StemRarity rarity)
    {
        var (score, shared) = Compare(a, b, rarity);
        return shared >= MinSharedWords && score >= MinOverlap;
    }

    /// <summary>
    /// The experiments of <paramref name="others"/> most like <paramref name="candidate"/> (by name and hypothesis),
    /// best first; concluded ones first among equals, because their outcome is what the team wants to see. The names
    /// count as much as the whole texts: a name says what the idea is, a hypothesis says it in many more words.
    /// <paramref name="rarity"/> is the team's (the store counts it); without it, it is counted in the experiments given.
    /// </summary>
    public static IReadOnlyList<SimilarExperiment> FindSimilar(Experiment candidate, IEnumerable<Experiment> others, StemRarity? rarity = null,
        int max = DefaultMax)
    {
        var team = others.Where(o => o.TeamId == candidate.TeamId && o.Id != candidate.Id).ToList();
        rarity ??= StemRarity.Of([candidate, .. team]);
        var stems = Stems(candidate);
        var name = WordStems.Of(candidate.Name);
        return team
            .Select(o => (Experiment: o, Text: Compare(stems, Stems(o), rarity), Name: Compare(name, WordStems.Of(o.Name), rarity)))
            .Select(o => (o.Experiment, o.Text.Shared, Score: (o.Text.Score + o.Name.Score) / 2))
            .Where(o => o.Shared >= MinSharedWords && o.Score >= MinOverlap)
            .Select(o => new SimilarExperiment(o.Experiment, o.Score))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Experiment.Status == ExperimentStatus.Concluded ? 0 : 1)
            .ThenByDescending(s => s.Experiment.Number)
            .Take(max)
            .ToList();
    }
}
