using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>
/// Reads what the weekly report needs for one period from the stores and builds it. The poster, the preview command
/// and the benchmark all build it through here, so what is previewed and measured is what is posted.
/// </summary>
public sealed class WeeklyReportReader(
    ExperimentStore experiments, TaskStore tasks, OkrStore okrs, KpiStore kpis, FeedbackStore feedback, ReportStore reports, PipelineStore pipeline)
{
    /// <summary>The report of <paramref name="period"/>, as it reads at <paramref name="now"/> (win rates, running experiments).</summary>
    public async Task<WeeklyReport> Build(string teamId, ReportPeriod period, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await experiments.All(teamId, cancellationToken);
        var okr = await okrs.Current(teamId, cancellationToken);
        var running = all.Where(e => e.Status == ExperimentStatus.Running).Select(e => e.Id).ToList();
        var (ratings, comments) = await feedback.InPeriod(teamId, period.Start, period.End, cancellationToken);
        return WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            Period = period,
            Now = now,
            Today = Periods.LocalDate(now, zone),
            Experiments = all,
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Pace = okr is null ? null : await okrs.Pace(teamId, zone, now, cancellationToken),
            Zone = zone,
            Kpis = okr is null ? [] : await kpis.All(teamId, cancellationToken),
            Blocks = (await tasks.BlocksRecorded(teamId, period.Start, period.End, cancellationToken)).Select(b => b.Block).ToList(),
            Postponements = (await tasks.PostponementsRecorded(teamId, period.Start, period.End, cancellationToken)).Select(p => p.Postponement).ToList(),
            Tasks = await tasks.CountsByExperiment(teamId, running, cancellationToken),
            Ratings = ratings,
            Comments = comments,
            Spend = await experiments.SpendRecorded(teamId, period.End, cancellationToken),
            CheckIns = okr is { KeyResults.Count: > 0 } ? await okrs.CheckInsBetween(teamId, DateTimeOffset.MinValue, period.End, cancellationToken) : [],
            PreviousPeriod = period.IsFirst ? null : await reports.PeriodEndingBy(teamId, period.Start, cancellationToken),
            PipelineCheckIns = await pipeline.Latest(teamId, period.End, 2, cancellationToken),
        });
    }
}
