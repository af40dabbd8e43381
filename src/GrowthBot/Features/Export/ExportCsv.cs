using System.Globalization;
using System.Text;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Export;
using GrowthBot.Storage;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using static GrowthBot.Domain.Export.Csv;
using static GrowthBot.Resources.ExportText;

namespace GrowthBot.Features.Export;

/// <summary>One CSV file of the export: its file name, the title Slack shows, its name inside a sentence, its content.</summary>
public sealed record CsvFile(string FileName, string Title, string Name, string Content, int Rows)
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
/// <c>yyyy-MM-dd</c>, numbers with a decimal point; people are Slack user ids. File names and column headers are in the
/// language of the person who exports (<c>words</c>); the columns' order and the values are the same for everyone (statuses,
/// outcomes and reasons as their stable codes), so two people's exports can be compared and joined.
/// </summary>
public sealed class ExportCsv(ExperimentStore experiments, TaskStore tasks, LearningStore learnings, OkrStore okrs, KpiStore kpis, IcpStore icp,
    PipelineStore pipeline, TeamSettingsService teamSettings, TeamClock clock)
{
    public async Task<IReadOnlyList<CsvFile>> Build(string teamId, Wording words, CancellationToken cancellationToken)
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
            File(words, FileExperiments, TitleExperiments, NameExperiments,
                [ColumnId, ColumnName, ColumnStatus, ColumnFunnelStage, ColumnHypothesis, ColumnMetric, ColumnKeyResult, ColumnImpact,
                 ColumnConfidence, ColumnEase, ColumnIceScore, ColumnOwner, ColumnStartDate, ColumnEndDate, ColumnOutcome, ColumnResult,
                 ColumnLearning, ColumnDecision, ColumnNextStep, ColumnBringsLeads, ColumnCreatedBy, ColumnCreatedAtUtc, ColumnConcludedAtUtc, ColumnCurrency, ColumnBudget, ColumnSpent, ColumnResults, ColumnResultUnit, ColumnCostPerResult],
                allExperiments.Select(e => Row(e.ShortId, Text(e.Name), e.Status.ToString(), e.Stage.ToString(), Text(e.Hypothesis), Text(e.Metric),
                    e.KeyResultId is { } k && keyResults.TryGetValue(k, out var kr) ? kr.ShortId : null,
                    Int(e.Ice.Impact), Int(e.Ice.Confidence), Int(e.Ice.Ease), e.Ice.ScoreText, e.OwnerId, Day(e.StartDate), Day(e.EndDate),
                    e.Outcome?.ToString(), Text(e.Result), Text(e.Learning), e.Decision?.ToString(), Text(e.NextStep), YesNo(e.BringsLeads),
                    e.CreatedBy, Time(e.CreatedAt), Time(e.ConcludedAt), currency, Money(e.Budget), Money(e.Spent), e.Results?.ToString(CultureInfo.InvariantCulture),
                    Text(e.ResultUnit), Money(e.CostPerResult)))),
            File(words, FileTasks, TitleTasks, NameTasks,
                [ColumnId, ColumnTitle, ColumnExperiment, ColumnOwner, ColumnStatus, ColumnOriginalDueDate, ColumnDueDate, ColumnPostponements,
                 ColumnBlocked, ColumnBlockerReason, ColumnBlockerNote, ColumnBlockedSinceUtc, ColumnNotes, ColumnCreatedBy, ColumnCreatedAtUtc,
                 ColumnDoneAtUtc, ColumnDoneBy],
                allTasks.Select(t => Row(t.ShortId, Text(t.Title), ExperimentOf(t.ExperimentId), t.OwnerId, t.Status.ToString(), Day(t.OriginalDueDate),
                    Day(t.DueDate), Int(t.Postponements), YesNo(t.IsBlocked), t.Blocker?.Reason.ToString(), Text(t.Blocker?.Note),
                    Time(t.Blocker?.CreatedAt), Text(t.Notes), t.CreatedBy, Time(t.CreatedAt), Time(t.DoneAt), t.DoneBy))),
            File(words, FileTaskBlockers, TitleTaskBlockers, NameTaskBlockers,
                [ColumnTask, ColumnTaskTitle, ColumnReason, ColumnNote, ColumnBlockedBy, ColumnBlockedAtUtc, ColumnResolvedAtUtc, ColumnResolvedBy],
                blocks.Select(b => Row(b.Task.ShortId, Text(b.Task.Title), b.Block.Reason.ToString(), Text(b.Block.Note), b.Block.CreatedBy,
                    Time(b.Block.CreatedAt), Time(b.Block.ResolvedAt), b.Block.ResolvedBy))),
            File(words, FileTaskPostponements, TitleTaskPostponements, NameTaskPostponements,
                [ColumnTask, ColumnTaskTitle, ColumnFromDate, ColumnToDate, ColumnReason, ColumnPostponedBy, ColumnPostponedAtUtc],
                postponements.Select(p => Row(p.Task.ShortId, Text(p.Task.Title), Day(p.Postponement.FromDate), Day(p.Postponement.ToDate),
                    Text(p.Postponement.Reason), p.Postponement.CreatedBy, Time(p.Postponement.CreatedAt)))),
            File(words, FileLearnings, TitleLearnings, NameLearnings,
                [ColumnId, ColumnKind, ColumnText, ColumnExperiment, ColumnLoggedBy, ColumnLoggedAtUtc],
                allLearnings.OrderBy(l => l.Number).Select(l => Row(l.ShortId, l.Kind.ToString(), Text(l.Text), ExperimentOf(l.ExperimentId), l.CreatedBy, Time(l.CreatedAt)))),
            File(words, FileCheckIns, TitleCheckIns, NameCheckIns,
                [ColumnKeyResult, ColumnKeyResultName, ColumnValue, ColumnPreviousValue, ColumnTarget, ColumnUnit, ColumnConfidence, ColumnNote,
                 ColumnCheckedInBy, ColumnCheckedInAtUtc],
                checkIns.Select(c =>
                {
                    var kr = keyResults.GetValueOrDefault(c.KeyResultId);
                    return Row(kr?.ShortId, Text(kr?.Name), Num(c.Value), Num(c.PreviousValue), kr is null ? null : Num(kr.Target), Text(kr?.Unit),
                        c.Confidence.ToString(), Text(c.Note), c.CreatedBy, Time(c.CreatedAt));
                })),
            // The current objective's weeks so far: each key result's target (set by hand or the default) and what was done.
            File(words, FileWeeklyTargets, TitleWeeklyTargets, NameWeeklyTargets,
                [ColumnKeyResult, ColumnKeyResultName, ColumnPeriod, ColumnPeriodStart, ColumnPeriodEnd, ColumnWeekStart, ColumnWeek, ColumnTarget, ColumnSetBy,
                 ColumnDefaultTarget, ColumnDone, ColumnUnit],
                (pace?.KeyResults ?? []).SelectMany(k => k.Weeks.Select(w => Row(k.KeyResult.ShortId, Text(k.KeyResult.Name), Text(pace!.Objective.Period),
                    Day(k.Period.Start), Day(k.Period.End), Day(w.WeekStart), Int(w.Number), Num(w.Target), w.SetBy, Num(w.DefaultTarget),
                    w.Done is { } done ? Num(done) : null, Text(k.KeyResult.Unit))))),
            File(words, FileKpis, TitleKpis, NameKpis,
                [ColumnId, ColumnName, ColumnDefinition, ColumnMeasurement, ColumnOwner, ColumnUnit, ColumnDirection, ColumnCreatedBy, ColumnCreatedAtUtc,
                 ColumnUpdatedBy, ColumnUpdatedAtUtc],
                allKpis.Select(k => Row(k.ShortId, Text(k.Name), Text(k.Definition), Text(k.Measurement), k.OwnerId, Text(k.Unit), k.Direction.ToString(),
                    k.CreatedBy, Time(k.CreatedAt), k.UpdatedBy, Time(k.UpdatedAt)))),
            File(words, FileIcp, TitleIcp, NameIcp,
                [ColumnDecisionMakersTitles, ColumnBuyers, ColumnUsers, ColumnCompanySize, ColumnIndustries, ColumnRegions, ColumnNotes, ColumnUpdatedBy, ColumnUpdatedAtUtc],
                profile is null ? [] : [Row(Text(profile.Titles), Text(profile.Buyers), Text(profile.Users), Text(profile.CompanySize), Text(profile.Industries),
                    Text(profile.Regions), Text(profile.Notes), profile.UpdatedBy, Time(profile.UpdatedAt))]),
            File(words, FileSpend, TitleSpend, NameSpend,
                [ColumnExperiment, ColumnExperimentName, ColumnCurrency, ColumnSpentInAll, ColumnResults, ColumnRecordedBy, ColumnRecordedAtUtc],
                spend.Select(s => Row(ExperimentOf(s.ExperimentId), Text(names.GetValueOrDefault(s.ExperimentId)), currency, Money(s.Spent),
                    s.Results?.ToString(CultureInfo.InvariantCulture), s.RecordedBy, Time(s.RecordedAt)))),
            File(words, FilePipeline, TitlePipeline, NamePipeline,
                [ColumnOpenOpportunities, ColumnAverageDealSize, ColumnCurrency, ColumnWinRatePercent, ColumnSalesCycleDays, ColumnVelocityPerDay, ColumnCheckedInBy, ColumnCheckedInAtUtc],
                checkInsOfPipeline.Select(p => Row(Int(p.OpenOpportunities), Money(p.AverageDealSize), currency, Num(p.WinRate), Int(p.SalesCycleDays), Money(p.Velocity),
                    p.CreatedBy, Time(p.CreatedAt)))),
        ];
    }

    private static CsvFile File(Wording words, ExportText file, ExportText title, ExportText name, IReadOnlyList<ExportText> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var list = rows.ToList();
        return new CsvFile(words.Text(file), words.Text(title), words.Text(name), Write(header.Select(h => words.Text(h)).ToList(), list), list.Count);
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
