using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Reports;

/// <summary>A key result with how far it is from its baseline to its target (the rule is <see cref="Progress"/>).</summary>
public sealed record KeyResultProgress(KeyResult KeyResult)
{
    public int Percent => KeyResult.Percent();
}

/// <summary>
/// The time a report covers, [Start, End): from where the team's previous report ended to the moment this one is
/// built (or, for a scheduled report, the moment it was due). The team's first report covers the 7 days before.
/// </summary>
public sealed record ReportPeriod(DateTimeOffset Start, DateTimeOffset End, bool IsFirst)
{
    public static readonly TimeSpan FirstReport = TimeSpan.FromDays(7);

    /// <summary>The period of the report that follows one ending at <paramref name="previousEnd"/> (none: the team's first).</summary>
    public static ReportPeriod After(DateTimeOffset? previousEnd, DateTimeOffset end) =>
        previousEnd is { } start ? new ReportPeriod(start, end, false) : new ReportPeriod(end - FirstReport, end, true);

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;
}

/// <summary>A running experiment as the report's status line shows it: day N of M and how its tasks stand.</summary>
public sealed record RunningExperiment(Experiment Experiment, int Day, int Days, TaskCounts Tasks)
{
    public bool PastEnd => Day > Days;
}

/// <summary>What sales said about one experiment's leads (in a report's period, or lately on the App Home).</summary>
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

/// <summary>A reply in a report thread, with the experiment it is about when it is about one.</summary>
public sealed record ReportComment(ThreadComment Comment, Experiment? Experiment);

/// <summary>The weekly report as data: built by <see cref="WeeklyReportBuilder"/>, rendered to Slack elsewhere.</summary>
public sealed record WeeklyReport
{
    public required ReportPeriod Period { get; init; }
    /// <summary>When it was built: win rates count up to here, running experiments are as they are here.</summary>
    public DateTimeOffset Now { get; init; }
    public string? ObjectiveTitle { get; init; }
    /// <summary>The North Star number: the first key result of the current objective.</summary>
    public KeyResultProgress? MainGoal { get; init; }
    public IReadOnlyList<KeyResultProgress> KeyResults { get; init; } = [];
    /// <summary>Each key result's weeks against its period at <see cref="Now"/>; null without an objective.</summary>
    public OkrPace? Pace { get; init; }
    /// <summary>The Monday of the week the report is mostly about (Monday's report: last week), whose target it reports.</summary>
    public DateOnly? PaceWeek { get; init; }
    /// <summary>The team's KPI definitions, so a key result shows what it counts.</summary>
    public IReadOnlyList<Kpi> Kpis { get; init; } = [];
    /// <summary>Concluded in the period, oldest first.</summary>
    public IReadOnlyList<Experiment> Concluded { get; init; } = [];
    public IReadOnlyList<RunningExperiment> Running { get; init; } = [];
    public IReadOnlyList<Experiment> NextUp { get; init; } = [];
    public IReadOnlyList<(BlockReason Reason, int Count)> BlockersByReason { get; init; } = [];
    public int Postponements { get; init; }
    public IReadOnlyList<(string OwnerId, int Count)> PostponementsByPerson { get; init; } = [];
    /// <summary>Every experiment concluded up to <see cref="Now"/>.</summary>
    public WinRate WinRateAllTime { get; init; }
    /// <summary>Experiments concluded in the 28 days up to <see cref="Now"/>.</summary>
    public WinRate WinRateLast4Weeks { get; init; }
    /// <summary>Sales' ratings and replies given in the period, per experiment.</summary>
    public IReadOnlyList<LeadFeedbackSummary> SalesFeedback { get; init; } = [];
    /// <summary>Sales' replies in the period that name no single experiment.</summary>
    public IReadOnlyList<ThreadComment> SalesOnTheReport { get; init; } = [];
    /// <summary>Everyone else's replies in report threads in the period.</summary>
    public IReadOnlyList<ReportComment> OtherComments { get; init; } = [];
    /// <summary>Experiments sales are asked about in the thread: marked as bringing leads and running at some point of the period.</summary>
    public IReadOnlyList<Experiment> AskAbout { get; init; } = [];
    /// <summary>Whether the team records money at all (a budget, spend or results anywhere): otherwise the report says nothing of it.</summary>
    public bool TracksMoney { get; init; }
    /// <summary>Spent on all experiments in the period (<see cref="Spending.InPeriod"/>).</summary>
    public decimal PeriodSpend { get; init; }
    /// <summary>The period's blended cost per result of the main goal; null without a main goal.</summary>
    public BlendedCost? Blended { get; init; }
    /// <summary>The same for the previous report's period; null for the team's first report or without a main goal.</summary>
    public BlendedCost? PreviousBlended { get; init; }
    /// <summary>The latest pipeline check-in up to <see cref="Now"/>, compared with the one before it; null before the first.</summary>
    public PipelineMove? Pipeline { get; init; }
}

/// <summary>Everything the report is built from, read by the caller for one period.</summary>
public sealed record WeeklyReportInput
{
    public required ReportPeriod Period { get; init; }
    public required DateTimeOffset Now { get; init; }
    /// <summary>Today in the team's time zone, for "day N of M".</summary>
    public required DateOnly Today { get; init; }
    /// <summary>
    /// Every open experiment, every one concluded or abandoned in the period and the 28 days before <see cref="Now"/>,
    /// and every one the period's ratings and replies name; the whole history will do too.
    /// </summary>
    public IReadOnlyList<Experiment> Experiments { get; init; } = [];
    /// <summary>Counted over the whole history up to <see cref="Now"/>; null counts <see cref="Experiments"/>, which must then be all of it.</summary>
    public ExperimentTotals? Totals { get; init; }
    public Objective? Objective { get; init; }
    public IReadOnlyList<KeyResult> KeyResults { get; init; } = [];
    public OkrPace? Pace { get; init; }
    /// <summary>The team's time zone, in which the report's weeks run Monday to Sunday.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
    public IReadOnlyList<Kpi> Kpis { get; init; } = [];
    /// <summary>Blockers and postponements recorded in the period.</summary>
    public IReadOnlyList<TaskBlock> Blocks { get; init; } = [];
    public IReadOnlyList<Postponement> Postponements { get; init; } = [];
    /// <summary>Tasks per experiment id; an experiment without tasks is missing.</summary>
    public IReadOnlyDictionary<long, TaskCounts> Tasks { get; init; } = new Dictionary<long, TaskCounts>();
    /// <summary>Ratings first given and replies written in the period.</summary>
    public IReadOnlyList<LeadRating> Ratings { get; init; } = [];
    public IReadOnlyList<ThreadComment> Comments { get; init; } = [];
    /// <summary>Every spend total recorded before the period's end.</summary>
    public IReadOnlyList<SpendEntry> Spend { get; init; } = [];
    /// <summary>
    /// Check-ins of the North Star key result: at least its latest before each end of the period and of the previous one
    /// (its value there, <see cref="Spending.ValueAt"/>); the whole history will do too.
    /// </summary>
    public IReadOnlyList<CheckIn> CheckIns { get; init; } = [];
    /// <summary>The period of the report before this one; null when this is the team's first.</summary>
    public ReportPeriod? PreviousPeriod { get; init; }
    /// <summary>The two latest pipeline check-ins up to <see cref="Now"/>, newest first.</summary>
    public IReadOnlyList<PipelineCheckIn> PipelineCheckIns { get; init; } = [];
}

public static class WeeklyReportBuilder
{
    public const int NextUpCount = 3;
    public static readonly TimeSpan WinRateRecent = TimeSpan.FromDays(28);

    public static WeeklyReport Build(WeeklyReportInput input)
    {
        var period = input.Period;
        var concluded = input.Experiments
            .Where(e => e.Status == ExperimentStatus.Concluded && e.ConcludedAt is { } at && period.Contains(at))
            .OrderBy(e => e.ConcludedAt).ThenBy(e => e.Number).ToList();
        var running = input.Experiments.Where(e => e.Status == ExperimentStatus.Running).OrderBy(e => e.EndDate).ThenBy(e => e.Number).ToList();
        var keyResults = input.KeyResults.OrderBy(k => k.Number).Select(k => new KeyResultProgress(k)).ToList();
        var upToNow = input.Experiments.Where(e => e.ConcludedAt is { } at && at <= input.Now).ToList();
        var northStar = input.KeyResults.OrderBy(k => k.Number).FirstOrDefault();
        var pipeline = input.PipelineCheckIns.Where(p => p.CreatedAt <= input.Now).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(2).ToList();

        return new WeeklyReport
        {
            Period = period,
            Now = input.Now,
            ObjectiveTitle = input.Objective?.Title,
            MainGoal = keyResults.FirstOrDefault(),
            KeyResults = keyResults,
            Pace = input.Pace,
            PaceWeek = input.Pace is null ? null : OkrPace.WeekMostCovered(period.Start, period.End, input.Zone),
            Kpis = input.Kpis,
            Concluded = concluded,
            Running = running.Select(e => new RunningExperiment(e,
                input.Today.DayNumber - e.StartDate.DayNumber + 1, e.EndDate.DayNumber - e.StartDate.DayNumber + 1,
                input.Tasks.GetValueOrDefault(e.Id) ?? TaskCounts.None)).ToList(),
            NextUp = input.Experiments.Where(e => e.Status == ExperimentStatus.Backlog)
                .OrderByDescending(e => e.Ice.Score).ThenBy(e => e.Number).Take(NextUpCount).ToList(),
            BlockersByReason = input.Blocks.GroupBy(b => b.Reason).Select(g => (g.Key, g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key).ToList(),
            Postponements = input.Postponements.Count,
            PostponementsByPerson = input.Postponements.GroupBy(p => p.CreatedBy).Select(g => (g.Key, g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList(),
            WinRateAllTime = (input.Totals ?? ExperimentTotals.Of(input.Experiments, input.Now)).WinRate,
            WinRateLast4Weeks = WinRate.Of(upToNow.Where(e => e.ConcludedAt > input.Now - WinRateRecent)),
            SalesFeedback = SalesFeedback(input),
            SalesOnTheReport = input.Comments.Where(c => c.FromSales && c.ExperimentId is null && period.Contains(c.CreatedAt)).OrderBy(c => c.CreatedAt).ToList(),
            OtherComments = input.Comments.Where(c => !c.FromSales && period.Contains(c.CreatedAt)).OrderBy(c => c.CreatedAt)
                .Select(c => new ReportComment(c, c.ExperimentId is { } id ? input.Experiments.FirstOrDefault(e => e.Id == id) : null)).ToList(),
            AskAbout = concluded.Concat(running.Where(e => e.StartedAt is not { } started || started < period.End))
                .Where(e => e.BringsLeads).OrderBy(e => e.Number).ToList(),
            TracksMoney = input.Spend.Count > 0 || input.Experiments.Any(e => e.HasMoney),
            PeriodSpend = Spending.InPeriod(input.Spend, period.Start, period.End),
            Blended = northStar is null ? null : Spending.Blended(input.Spend, northStar, input.CheckIns, period.Start, period.End),
            PreviousBlended = northStar is null || input.PreviousPeriod is not { } previous ? null
                : Spending.Blended(input.Spend, northStar, input.CheckIns, previous.Start, previous.End),
            Pipeline = PipelineMove.Of(pipeline.ElementAtOrDefault(0), pipeline.ElementAtOrDefault(1)),
        };
    }

    /// <summary>Ratings and sales' replies about single experiments, each in the one period it was first given in.</summary>
    private static IReadOnlyList<LeadFeedbackSummary> SalesFeedback(WeeklyReportInput input)
    {
        var byId = input.Experiments.ToDictionary(e => e.Id);
        var feedback = input.Ratings.Where(r => input.Period.Contains(r.CreatedAt)).Select(LeadFeedback.Of)
            .Concat(input.Comments.Where(c => c.FromSales && input.Period.Contains(c.CreatedAt)).Select(LeadFeedback.Of).OfType<LeadFeedback>())
            .Where(f => byId.ContainsKey(f.ExperimentId)).OrderBy(f => f.CreatedAt).ToList();
        return feedback.Select(f => f.ExperimentId).Distinct().Select(id => LeadFeedbackSummary.Of(byId[id], feedback))
            .OrderBy(s => s.Experiment.Number).ToList();
    }
}
