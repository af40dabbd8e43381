namespace GrowthBot.Domain.Experiments;

/// <summary>Worked ÷ concluded; abandoned ideas are not experiments that ran, so they do not count.</summary>
public readonly record struct WinRate(int Worked, int Concluded)
{
    /// <summary>Rounded percentage, or null when nothing has been concluded yet.</summary>
    public int? Percent => Concluded == 0 ? null : (int)Math.Round(Worked * 100m / Concluded, MidpointRounding.AwayFromZero);

    public static WinRate Of(IEnumerable<Experiment> experiments)
    {
        var concluded = experiments.Where(e => e.Status == ExperimentStatus.Concluded && e.Outcome is not null).ToList();
        return new WinRate(concluded.Count(e => e.Outcome == Outcome.Worked), concluded.Count);
    }
}

/// <summary>
/// Counts over a team's whole experiment history, which the database counts so that the report and the App Home read
/// only the experiments they show (open ones, recent ones) instead of every row the team ever wrote.
/// </summary>
/// <param name="Any">Whether the team has any experiment at all, whatever its status.</param>
/// <param name="WinRate">Over the experiments concluded up to the moment counted.</param>
/// <param name="Backlog">How many backlog ideas work on each stage, every stage in funnel order (zeros too).</param>
public readonly record struct ExperimentTotals(bool Any, WinRate WinRate, IReadOnlyList<(FunnelStage Stage, int Count)> Backlog)
{
    /// <summary>The same counts over a complete list, concluded up to <paramref name="upTo"/>.</summary>
    public static ExperimentTotals Of(IReadOnlyCollection<Experiment> experiments, DateTimeOffset upTo) =>
        new(experiments.Count > 0, WinRate.Of(experiments.Where(e => e.ConcludedAt is { } at && at <= upTo)), ExperimentRates.FunnelSpread(experiments));

    /// <summary>How many ideas wait in the backlog.</summary>
    public int BacklogCount => Backlog.Sum(s => s.Count);
}

/// <summary>The team's experiment rhythm: win rate, velocity, and where in the funnel the backlog sits.</summary>
public static class ExperimentRates
{
    /// <summary>Velocity is averaged over this many weeks: long enough to smooth one quiet week, short enough to show a change.</summary>
    public const int VelocityWeeks = 4;

    public static WinRate WinRate(IEnumerable<Experiment> experiments) => Experiments.WinRate.Of(experiments);

    /// <summary>
    /// Experiments concluded per week over the <paramref name="weeks"/> weeks ending with <paramref name="today"/>
    /// (today and the 7 × weeks − 1 days before it), rounded to one decimal.
    /// </summary>
    public static decimal Velocity(IEnumerable<Experiment> experiments, DateOnly today, int weeks = VelocityWeeks)
    {
        if (weeks <= 0) throw new ArgumentOutOfRangeException(nameof(weeks), "Velocity needs at least one week.");
        var from = today.AddDays(-7 * weeks + 1);
        var count = experiments.Count(e =>
            e.Status == ExperimentStatus.Concluded
            && e.ConcludedAt is { } at
            && DateOnly.FromDateTime(at.UtcDateTime) is var day && day >= from && day <= today);
        return Math.Round((decimal)count / weeks, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>How many backlog ideas work on each AARRR stage, every stage listed in funnel order (zeros too).</summary>
    public static IReadOnlyList<(FunnelStage Stage, int Count)> FunnelSpread(IEnumerable<Experiment> experiments) =>
        FunnelSpread(experiments.Where(e => e.Status == ExperimentStatus.Backlog).GroupBy(e => e.Stage).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>Every stage in funnel order with its count of backlog ideas from <paramref name="counts"/> (zeros too).</summary>
    public static IReadOnlyList<(FunnelStage Stage, int Count)> FunnelSpread(IReadOnlyDictionary<FunnelStage, int> counts) =>
        Enum.GetValues<FunnelStage>().Select(s => (s, counts.GetValueOrDefault(s))).ToList();
}
