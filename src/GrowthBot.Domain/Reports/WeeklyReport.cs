using System.Globalization;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Reports;

/// <summary>A key result with how far it is from its baseline to its target (the rule is <see cref="Progress"/>).</summary>
public sealed record KeyResultProgress(KeyResult KeyResult)
{
    public int Percent => KeyResult.Percent();
}

/// <summary>What sales said about one experiment's leads since the last report.</summary>
public sealed record LeadFeedbackSummary(Experiment Experiment, int Good, int Mixed, int Poor, IReadOnlyList<LeadQualityReason> Reasons, IReadOnlyList<string> Replies)
{
    /// <summary>Counts the ratings and gathers the reasons and thread replies among <paramref name="feedback"/> on <paramref name="experiment"/>.</summary>
    public static LeadFeedbackSummary Of(Experiment experiment, IEnumerable<LeadFeedback> feedback)
    {
        var about = feedback.Where(f => f.ExperimentId == experiment.Id).ToList();
        return new LeadFeedbackSummary(experiment,
            about.Count(f => f.Quality == LeadQuality.Good), about.Count(f => f.Quality == LeadQuality.Mixed), about.Count(f => f.Quality == LeadQuality.Poor),
            about.Where(f => f.Reason is not null).Select(f => f.Reason!.Value).Distinct().ToList(),
            about.Where(f => f.Source == FeedbackSource.ThreadReply && f.Text.Length > 0).Select(f => f.Text).ToList());
    }
}

/// <summary>The Monday report as data: built by <see cref="WeeklyReportBuilder"/>, rendered to Slack elsewhere.</summary>
public sealed record WeeklyReport
{
    /// <summary>The week covered, [From, To) in the team's time zone: the week before the report's week.</summary>
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public string? ObjectiveTitle { get; init; }
    /// <summary>The North Star number: the first key result of the current objective.</summary>
    public KeyResultProgress? MainGoal { get; init; }
    public IReadOnlyList<KeyResultProgress> KeyResults { get; init; } = [];
    public IReadOnlyList<Experiment> Concluded { get; init; } = [];
    public IReadOnlyList<Experiment> Running { get; init; } = [];
    public IReadOnlyList<Experiment> NextUp { get; init; } = [];
    public IReadOnlyList<(BlockReason Reason, int Count)> BlockersByReason { get; init; } = [];
    public int Postponements { get; init; }
    public IReadOnlyList<(string OwnerId, int Count)> PostponementsByPerson { get; init; } = [];
    public WinRate WinRateAllTime { get; init; }
    public WinRate WinRateLast4Weeks { get; init; }
    public IReadOnlyList<LeadFeedbackSummary> Feedback { get; init; } = [];
    /// <summary>Experiments sales are asked about in the thread: see <see cref="LeadSources.ProducedLeads"/>.</summary>
    public IReadOnlyList<Experiment> AskAbout { get; init; } = [];

    public bool IsQuiet => Concluded.Count == 0 && Running.Count == 0 && BlockersByReason.Count == 0 && Postponements == 0;
}

/// <summary>Everything the report is built from, read by the caller for one window.</summary>
public sealed record WeeklyReportInput
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>When the week started and ended as instants (team time zone), for instants stored in UTC.</summary>
    public required DateTimeOffset FromInstant { get; init; }
    public required DateTimeOffset ToInstant { get; init; }
    public IReadOnlyList<Experiment> Experiments { get; init; } = [];
    public Objective? Objective { get; init; }
    public IReadOnlyList<KeyResult> KeyResults { get; init; } = [];
    public IReadOnlyList<TaskBlock> Blocks { get; init; } = [];
    public IReadOnlyList<Postponement> Postponements { get; init; } = [];
    public IReadOnlyList<LeadFeedback> Feedback { get; init; } = [];
}

public static class WeeklyReportBuilder
{
    public const int NextUpCount = 3;

    public static WeeklyReport Build(WeeklyReportInput input)
    {
        var concluded = input.Experiments
            .Where(e => e.Status == ExperimentStatus.Concluded && e.ConcludedAt is { } at && at >= input.FromInstant && at < input.ToInstant)
            .OrderBy(e => e.ConcludedAt).ToList();
        var fourWeeksAgo = input.ToInstant.AddDays(-28);
        var keyResults = input.KeyResults.OrderBy(k => k.Number).Select(k => new KeyResultProgress(k)).ToList();
        var byId = input.Experiments.ToDictionary(e => e.Id);
        var feedback = input.Feedback
            .Where(f => byId.ContainsKey(f.ExperimentId))
            .GroupBy(f => f.ExperimentId)
            .Select(g => LeadFeedbackSummary.Of(byId[g.Key], g))
            .OrderBy(s => s.Experiment.Number).ToList();

        return new WeeklyReport
        {
            From = input.From,
            To = input.To,
            ObjectiveTitle = input.Objective?.Title,
            MainGoal = keyResults.FirstOrDefault(),
            KeyResults = keyResults,
            Concluded = concluded,
            Running = input.Experiments.Where(e => e.Status == ExperimentStatus.Running).OrderBy(e => e.EndDate).ThenBy(e => e.Number).ToList(),
            NextUp = input.Experiments.Where(e => e.Status == ExperimentStatus.Backlog)
                .OrderByDescending(e => e.Ice.Score).ThenBy(e => e.Number).Take(NextUpCount).ToList(),
            BlockersByReason = input.Blocks.GroupBy(b => b.Reason).Select(g => (g.Key, g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key).ToList(),
            Postponements = input.Postponements.Count,
            PostponementsByPerson = input.Postponements.GroupBy(p => p.CreatedBy).Select(g => (g.Key, g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList(),
            WinRateAllTime = WinRate.Of(input.Experiments.Where(e => e.ConcludedAt < input.ToInstant)),
            WinRateLast4Weeks = WinRate.Of(input.Experiments.Where(e => e.ConcludedAt >= fourWeeksAgo && e.ConcludedAt < input.ToInstant)),
            Feedback = feedback,
            AskAbout = concluded.Where(e => LeadSources.ProducedLeads(e, input.KeyResults)).ToList(),
        };
    }
}

/// <summary>
/// Which experiments "produced leads", so sales are asked about them and nobody else is pinged:
/// concluded with outcome Worked or Inconclusive (a failed experiment brought nothing worth judging), AND the
/// word "lead" appears in its key result's name or unit, its metric or its measured result
/// ("26 new leads", "Leads", "got one lead"). Whole words only: "misleading" does not count.
/// </summary>
public static partial class LeadSources
{
    public static bool ProducedLeads(Experiment experiment, IReadOnlyCollection<KeyResult> keyResults)
    {
        if (experiment.Status != ExperimentStatus.Concluded || experiment.Outcome is not (Outcome.Worked or Outcome.Inconclusive)) return false;
        var keyResult = keyResults.FirstOrDefault(k => k.Id == experiment.KeyResultId);
        return MentionsLeads(keyResult?.Name) || MentionsLeads(keyResult?.Unit) || MentionsLeads(experiment.Metric) || MentionsLeads(experiment.Result);
    }

    public static bool MentionsLeads(string? text) => text is not null && LeadWord().IsMatch(text);

    [GeneratedRegex(@"\blead(s)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadWord();
}
