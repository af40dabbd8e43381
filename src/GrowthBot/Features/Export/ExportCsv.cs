using System.Globalization;
using System.Text;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Export;
using GrowthBot.Storage;
using static GrowthBot.Domain.Export.Csv;

namespace GrowthBot.Features.Export;

/// <summary>One CSV file of the export.</summary>
public sealed record CsvFile(string FileName, string Title, string Content, int Rows)
{
    /// <summary>
    /// UTF-8 with a byte-order mark: Excel reads BOM-less CSV in the machine's legacy code page and garbles
    /// "Välimäki" or "→"; Google Sheets, LibreOffice and Numbers ignore the mark.
    /// </summary>
    public byte[] Bytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Content)];
}

/// <summary>
/// Everything the team recorded, as CSV files a spreadsheet opens cleanly: experiments (with budget, spend and results),
/// tasks, blockers, postponements, learnings, key-result check-ins, the current period's weekly targets, KPI definitions,
/// the ideal customer profile, spend history and pipeline check-ins. Times are UTC (<c>yyyy-MM-dd HH:mm:ss</c>), dates
/// <c>yyyy-MM-dd</c>, numbers with a decimal point; people are Slack user ids.
/// </summary>
public sealed class ExportCsv(ExperimentStore experiments, TaskStore tasks, LearningStore learnings, OkrStore okrs, KpiStore kpis, IcpStore icp,
    PipelineStore pipeline, TeamSettingsService teamSettings, TeamClock clock)
{
    public async Task<IReadOnlyList<CsvFile>> Build(string teamId, CancellationToken cancellationToken)
    {
        var allExperiments = await experiments.All(teamId, cancellationToken);
        var allTasks = await tasks.All(teamId, cancellationToken);
        var blocks = await tasks.BlocksRecorded(teamId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
        var postponements = await tasks.PostponementsRecorded(teamId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
        var allLearnings = await learnings.Latest(teamId, int.MaxValue, cancellationToken);
        var keyResults = (await okrs.AllKeyResults(teamId, cancellationToken)).ToDictionary(k => k.Id);
        var checkIns = await okrs.CheckInsBetween(teamId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);
        var pace = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken);
        var allKpis = await kpis.All(teamId, cancellationToken);
        var profile = await icp.Get(teamId, cancellationToken);
        var experimentIds = allExperiments.ToDictionary(e => e.Id, e => e.ShortId);
        var names = allExperiments.ToDictionary(e => e.Id, e => e.Name);
        var spend = await experiments.SpendRecorded(teamId, DateTimeOffset.MaxValue, cancellationToken);
        var checkInsOfPipeline = await pipeline.All(teamId, cancellationToken);
        var currency = teamSettings.For(teamId).Currency.Code;
        string? ExperimentOf(long? id) => id is { } i ? experimentIds.GetValueOrDefault(i) : null;

        return
        [
            File("experiments.csv", "Experiments",
                ["id", "name", "status", "funnel_stage", "hypothesis", "metric", "key_result", "impact", "confidence", "ease", "ice_score",
                 "owner", "start_date", "end_date", "outcome", "result", "learning", "decision", "next_step", "brings_leads",
                 "created_by", "created_at_utc", "concluded_at_utc", "currency", "budget", "spent", "results", "result_unit", "cost_per_result"],
                allExperiments.Select(e => Row(e.ShortId, Text(e.Name), e.Status.ToString(), e.Stage.ToString(), Text(e.Hypothesis), Text(e.Metric),
                    e.KeyResultId is { } k && keyResults.TryGetValue(k, out var kr) ? kr.ShortId : null,
                    Int(e.Ice.Impact), Int(e.Ice.Confidence), Int(e.Ice.Ease), e.Ice.ScoreText, e.OwnerId, Day(e.StartDate), Day(e.EndDate),
                    e.Outcome?.ToString(), Text(e.Result), Text(e.Learning), e.Decision?.ToString(), Text(e.NextStep), YesNo(e.BringsLeads),
                    e.CreatedBy, Time(e.CreatedAt), Time(e.ConcludedAt), currency, Money(e.Budget), Money(e.Spent), e.Results?.ToString(CultureInfo.InvariantCulture),
                    Text(e.ResultUnit), Money(e.CostPerResult)))),
            File("tasks.csv", "Tasks",
                ["id", "title", "experiment", "owner", "status", "original_due_date", "due_date", "postponements", "blocked", "blocker_reason",
                 "blocker_note", "blocked_since_utc", "notes", "created_by", "created_at_utc", "done_at_utc", "done_by"],
                allTasks.Select(t => Row(t.ShortId, Text(t.Title), ExperimentOf(t.ExperimentId), t.OwnerId, t.Status.ToString(), Day(t.OriginalDueDate),
                    Day(t.DueDate), Int(t.Postponements), YesNo(t.IsBlocked), t.Blocker?.Reason.ToString(), Text(t.Blocker?.Note),
                    Time(t.Blocker?.CreatedAt), Text(t.Notes), t.CreatedBy, Time(t.CreatedAt), Time(t.DoneAt), t.DoneBy))),
            File("task_blockers.csv", "Task blockers",
                ["task", "task_title", "reason", "note", "blocked_by", "blocked_at_utc", "resolved_at_utc", "resolved_by"],
                blocks.Select(b => Row(b.Task.ShortId, Text(b.Task.Title), b.Block.Reason.ToString(), Text(b.Block.Note), b.Block.CreatedBy,
                    Time(b.Block.CreatedAt), Time(b.Block.ResolvedAt), b.Block.ResolvedBy))),
            File("task_postponements.csv", "Task postponements",
                ["task", "task_title", "from_date", "to_date", "reason", "postponed_by", "postponed_at_utc"],
                postponements.Select(p => Row(p.Task.ShortId, Text(p.Task.Title), Day(p.Postponement.FromDate), Day(p.Postponement.ToDate),
                    Text(p.Postponement.Reason), p.Postponement.CreatedBy, Time(p.Postponement.CreatedAt)))),
            File("learnings.csv", "Learnings",
                ["id", "kind", "text", "experiment", "logged_by", "logged_at_utc"],
                allLearnings.OrderBy(l => l.Number).Select(l => Row(l.ShortId, l.Kind.ToString(), Text(l.Text), ExperimentOf(l.ExperimentId), l.CreatedBy, Time(l.CreatedAt)))),
            File("check_ins.csv", "Key-result check-ins",
                ["key_result", "key_result_name", "value", "previous_value", "target", "unit", "confidence", "note", "checked_in_by", "checked_in_at_utc"],
                checkIns.Select(c =>
                {
                    var kr = keyResults.GetValueOrDefault(c.KeyResultId);
                    return Row(kr?.ShortId, Text(kr?.Name), Num(c.Value), Num(c.PreviousValue), kr is null ? null : Num(kr.Target), Text(kr?.Unit),
                        c.Confidence.ToString(), Text(c.Note), c.CreatedBy, Time(c.CreatedAt));
                })),
            // The current objective's weeks so far: each key result's target (set by hand or the default) and what was done.
            File("weekly_targets.csv", "Weekly targets",
                ["key_result", "key_result_name", "period", "period_start", "period_end", "week_start", "week", "target", "set_by", "default_target", "done", "unit"],
                (pace?.KeyResults ?? []).SelectMany(k => k.Weeks.Select(w => Row(k.KeyResult.ShortId, Text(k.KeyResult.Name), Text(pace!.Objective.Period),
                    Day(k.Period.Start), Day(k.Period.End), Day(w.WeekStart), Int(w.Number), Num(w.Target), w.SetBy, Num(w.DefaultTarget),
                    w.Done is { } done ? Num(done) : null, Text(k.KeyResult.Unit))))),
            File("kpis.csv", "KPI definitions",
                ["id", "name", "definition", "measurement", "owner", "unit", "direction", "created_by", "created_at_utc", "updated_by", "updated_at_utc"],
                allKpis.Select(k => Row(k.ShortId, Text(k.Name), Text(k.Definition), Text(k.Measurement), k.OwnerId, Text(k.Unit), k.Direction.ToString(),
                    k.CreatedBy, Time(k.CreatedAt), k.UpdatedBy, Time(k.UpdatedAt)))),
            File("icp.csv", "Ideal customer profile",
                ["decision_makers_titles", "buyers", "users", "company_size", "industries", "regions", "notes", "updated_by", "updated_at_utc"],
                profile is null ? [] : [Row(Text(profile.Titles), Text(profile.Buyers), Text(profile.Users), Text(profile.CompanySize), Text(profile.Industries),
                    Text(profile.Regions), Text(profile.Notes), profile.UpdatedBy, Time(profile.UpdatedAt))]),
            File("spend.csv", "Spend",
                ["experiment", "experiment_name", "currency", "spent_in_all", "results", "recorded_by", "recorded_at_utc"],
                spend.Select(s => Row(ExperimentOf(s.ExperimentId), Text(names.GetValueOrDefault(s.ExperimentId)), currency, Money(s.Spent),
                    s.Results?.ToString(CultureInfo.InvariantCulture), s.RecordedBy, Time(s.RecordedAt)))),
            File("pipeline.csv", "Pipeline",
                ["open_opportunities", "average_deal_size", "currency", "win_rate_percent", "sales_cycle_days", "velocity_per_day", "checked_in_by", "checked_in_at_utc"],
                checkInsOfPipeline.Select(p => Row(Int(p.OpenOpportunities), Money(p.AverageDealSize), currency, Num(p.WinRate), Int(p.SalesCycleDays), Money(p.Velocity),
                    p.CreatedBy, Time(p.CreatedAt)))),
        ];
    }

    private static CsvFile File(string name, string title, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var list = rows.ToList();
        return new CsvFile(name, title, Write(header, list), list.Count);
    }

    private static IReadOnlyList<string?> Row(params string?[] fields) => fields;

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Num(decimal n) => DecimalText.Format(n);

    /// <summary>An amount with a decimal point and two decimals, without a symbol (the currency is its own column).</summary>
    private static string? Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
