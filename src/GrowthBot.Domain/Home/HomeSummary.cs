using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Home;

/// <summary>Everything the App Home is built from, as the stores hold it.</summary>
public sealed record HomeInputs
{
    public required string ViewerId { get; init; }
    public required DateOnly Today { get; init; }
    public Objective? Objective { get; init; }
    public IReadOnlyList<KeyResult> KeyResults { get; init; } = [];
    /// <summary>Each key result's week against its period; null without an objective.</summary>
    public OkrPace? Pace { get; init; }
    /// <summary>The team's KPI definitions, so a key result shows what it counts.</summary>
    public IReadOnlyList<Kpi> Kpis { get; init; } = [];
    /// <summary>
    /// Every open experiment, every one concluded or abandoned in the <see cref="ExperimentBoard.Days"/> days up to
    /// <see cref="Now"/> (the boards; velocity's weeks lie within them), and every one <see cref="Feedback"/> names; the
    /// whole history will do too.
    /// </summary>
    public IReadOnlyList<Experiment> Experiments { get; init; } = [];
    /// <summary>Counted over the whole history; null counts <see cref="Experiments"/>, which must then be all of it.</summary>
    public ExperimentTotals? Totals { get; init; }
    public IReadOnlyList<GrowthTask> OpenTasks { get; init; } = [];
    /// <summary>The latest learnings, newest first.</summary>
    public IReadOnlyList<Learning> Learnings { get; init; } = [];
    /// <summary>Sales' recent lead-quality feedback, any order.</summary>
    public IReadOnlyList<LeadFeedback> Feedback { get; init; } = [];
    /// <summary>The two latest pipeline check-ins, newest first.</summary>
    public IReadOnlyList<PipelineCheckIn> PipelineCheckIns { get; init; } = [];
    /// <summary>Now, for the success and fail boards' 90 days.</summary>
    public DateTimeOffset Now { get; init; }
}

/// <summary>A key result with its progress from baseline to target.</summary>
public sealed record KeyResultLine(KeyResult KeyResult, int Percent);

/// <summary>
/// The "God view" as data: what one person sees on the App Home today. Lists are complete and ordered by
/// importance; the view decides how many fit and summarises the rest.
/// </summary>
public sealed record HomeSummary
{
    public required string ViewerId { get; init; }
    public required DateOnly Today { get; init; }
    public Objective? Objective { get; init; }
    /// <summary>The main key result (the first one), shown as the North Star's progress.</summary>
    public KeyResultLine? NorthStar { get; init; }
    public IReadOnlyList<KeyResultLine> KeyResults { get; init; } = [];
    public OkrPace? Pace { get; init; }
    public IReadOnlyList<Kpi> Kpis { get; init; } = [];
    /// <summary>Running experiments, the soonest end date first.</summary>
    public IReadOnlyList<Experiment> Running { get; init; } = [];
    /// <summary>The viewer's open tasks: blocked and overdue first, then by due date.</summary>
    public IReadOnlyList<GrowthTask> MyTasks { get; init; } = [];
    /// <summary>Blocked or overdue tasks of the whole team, the longest waiting first.</summary>
    public IReadOnlyList<GrowthTask> NeedsAttention { get; init; } = [];
    public WinRate WinRate { get; init; }
    /// <summary>Experiments concluded per week over the last <see cref="ExperimentRates.VelocityWeeks"/> weeks.</summary>
    public decimal Velocity { get; init; }
    public IReadOnlyList<(FunnelStage Stage, int Count)> FunnelSpread { get; init; } = [];
    public int BacklogCount { get; init; }
    public IReadOnlyList<Learning> Learnings { get; init; } = [];
    /// <summary>What sales said about each experiment's leads, the most recently rated experiment first.</summary>
    public IReadOnlyList<LeadFeedbackSummary> LeadFeedback { get; init; } = [];

    /// <summary>The latest pipeline check-in with its change since the one before; null before the first.</summary>
    public PipelineMove? Pipeline { get; init; }
    /// <summary>Experiments concluded in the last 90 days by outcome.</summary>
    public ExperimentBoard Board { get; init; } = new([], [], []);

    /// <summary>Nothing set up yet: the home welcomes the team instead of showing empty sections.</summary>
    public bool IsEmptyWorkspace { get; init; }

    public static HomeSummary Build(HomeInputs inputs)
    {
        var today = inputs.Today;
        var keyResults = inputs.KeyResults.OrderBy(k => k.Number).Select(k => new KeyResultLine(k, k.Percent())).ToList();
        var open = inputs.OpenTasks.Where(t => t.IsOpen).ToList();
        bool NeedsAction(GrowthTask t) => t.IsBlocked || t.IsOverdue(today);
        var rated = inputs.Feedback.Select(f => f.ExperimentId).ToHashSet();
        var experiments = inputs.Experiments.Where(e => rated.Contains(e.Id)).DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        var totals = inputs.Totals ?? new ExperimentTotals(inputs.Experiments.Count > 0, WinRate.Of(inputs.Experiments), ExperimentRates.FunnelSpread(inputs.Experiments));

        return new HomeSummary
        {
            ViewerId = inputs.ViewerId,
            Today = today,
            Objective = inputs.Objective,
            NorthStar = keyResults.FirstOrDefault(),
            KeyResults = keyResults,
            Pace = inputs.Pace,
            Kpis = inputs.Kpis,
            Running = inputs.Experiments.Where(e => e.Status == ExperimentStatus.Running).OrderBy(e => e.EndDate).ThenBy(e => e.Number).ToList(),
            MyTasks = open.Where(t => t.OwnerId == inputs.ViewerId)
                .OrderBy(t => NeedsAction(t) ? 0 : 1).ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList(),
            NeedsAttention = open.Where(NeedsAction)
                .OrderBy(t => t.DueDate).ThenBy(t => t.Number).ToList(),
            WinRate = totals.WinRate,
            Velocity = ExperimentRates.Velocity(inputs.Experiments, today),
            FunnelSpread = totals.Backlog,
            BacklogCount = totals.BacklogCount,
            Learnings = inputs.Learnings,
            LeadFeedback = inputs.Feedback.GroupBy(f => f.ExperimentId)
                .Select(g => (Experiment: experiments.GetValueOrDefault(g.Key), Latest: g.Max(f => f.CreatedAt), Feedback: g))
                .Where(x => x.Experiment is not null)
                .OrderByDescending(x => x.Latest).ThenByDescending(x => x.Experiment!.Number)
                .Select(x => LeadFeedbackSummary.Of(x.Experiment!, x.Feedback)).ToList(),
            Pipeline = PipelineMove.Of(inputs.PipelineCheckIns.ElementAtOrDefault(0), inputs.PipelineCheckIns.ElementAtOrDefault(1)),
            Board = ExperimentBoard.Of(inputs.Experiments, inputs.Now),
            IsEmptyWorkspace = inputs.Objective is null && !totals.Any && open.Count == 0 && inputs.Learnings.Count == 0,
        };
    }
}
