using System.Globalization;
using System.Text;
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
/// Everything the team recorded, as CSV files a spreadsheet opens cleanly: experiments, tasks, blockers,
/// postponements, learnings and key-result check-ins. Times are UTC (<c>yyyy-MM-dd HH:mm:ss</c>), dates
/// <c>yyyy-MM-dd</c>, numbers with a decimal point; people are Slack user ids. File names and column headers are in the
/// language of the person who exports (<c>words</c>); the columns' order and the values are the same for everyone (statuses,
/// outcomes and reasons as their stable codes), so two people's exports can be compared and joined.
/// </summary>
public sealed class ExportCsv(ExperimentStore experiments, TaskStore tasks, LearningStore learnings, OkrStore okrs)
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
        var experimentIds = allExperiments.ToDictionary(e => e.Id, e => e.ShortId);
        string? ExperimentOf(long? id) => id is { } i ? experimentIds.GetValueOrDefault(i) : null;

        return
        [
            File(words, FileExperiments, TitleExperiments, NameExperiments,
                [ColumnId, ColumnName, ColumnStatus, ColumnFunnelStage, ColumnHypothesis, ColumnMetric, ColumnKeyResult, ColumnImpact,
                 ColumnConfidence, ColumnEase, ColumnIceScore, ColumnOwner, ColumnStartDate, ColumnEndDate, ColumnOutcome, ColumnResult,
                 ColumnLearning, ColumnDecision, ColumnNextStep, ColumnBringsLeads, ColumnCreatedBy, ColumnCreatedAtUtc, ColumnConcludedAtUtc],
                allExperiments.Select(e => Row(e.ShortId, Text(e.Name), e.Status.ToString(), e.Stage.ToString(), Text(e.Hypothesis), Text(e.Metric),
                    e.KeyResultId is { } k && keyResults.TryGetValue(k, out var kr) ? kr.ShortId : null,
                    Int(e.Ice.Impact), Int(e.Ice.Confidence), Int(e.Ice.Ease), e.Ice.ScoreText, e.OwnerId, Day(e.StartDate), Day(e.EndDate),
                    e.Outcome?.ToString(), Text(e.Result), Text(e.Learning), e.Decision?.ToString(), Text(e.NextStep), YesNo(e.BringsLeads),
                    e.CreatedBy, Time(e.CreatedAt), Time(e.ConcludedAt)))),
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

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
