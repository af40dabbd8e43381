namespace GrowthBot.Domain.Experiments;

/// <summary>
/// The success and fail boards: experiments concluded in the last <see cref="Days"/> days, grouped by outcome (worked,
/// did not work, inconclusive), the most recently concluded first. Failed attempts are on the board as learnings.
/// </summary>
public sealed record ExperimentBoard(IReadOnlyList<Experiment> Worked, IReadOnlyList<Experiment> DidNotWork, IReadOnlyList<Experiment> Inconclusive)
{
    public const int Days = 90;

    public int Count => Worked.Count + DidNotWork.Count + Inconclusive.Count;

    /// <summary>The board as of <paramref name="now"/>: concluded at or after now − 90 days, and not after now.</summary>
    public static ExperimentBoard Of(IEnumerable<Experiment> experiments, DateTimeOffset now)
    {
        var window = TimeSpan.FromDays(Days);
        var since = now - DateTimeOffset.MinValue > window ? now - window : DateTimeOffset.MinValue;
        var recent = experiments
            .Where(e => e.Status == ExperimentStatus.Concluded && e.Outcome is not null && e.ConcludedAt is { } at && at >= since && at <= now)
            .OrderByDescending(e => e.ConcludedAt).ThenByDescending(e => e.Number).ToList();
        return new ExperimentBoard(
            recent.Where(e => e.Outcome == Outcome.Worked).ToList(),
            recent.Where(e => e.Outcome == Outcome.DidNotWork).ToList(),
            recent.Where(e => e.Outcome == Outcome.Inconclusive).ToList());
    }
}
