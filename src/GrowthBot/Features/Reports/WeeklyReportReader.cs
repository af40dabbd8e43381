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
        var (ratings, comments) = await feedback.InPeriod(teamId, period.Start, period.End, cancellationToken);
        // The period's concluded experiments, the last four weeks' win rate, and whatever the feedback is about.
        var since = Min(period.Start, now - WeeklyReportBuilder.WinRateRecent);
        var named = ratings.Select(r => r.ExperimentId).Concat(comments.Where(c => c.ExperimentId is not null).Select(c => c.ExperimentId!.Value)).ToList();
        var (read, totals) = await experiments.Recent(teamId, since, named, now, cancellationToken);
        var okr = await okrs.Current(teamId, cancellationToken);
        var running = read.Where(e => e.Status == ExperimentStatus.Running).Select(e => e.Id).ToList();
        var previous = period.IsFirst ? null : await reports.PeriodEndingBy(teamId, period.Start, cancellationToken);
        // The blended cost per result needs the North Star's value at the period's ends and the previous period's: the
        // latest check-in before each, not the team's whole check-in history.
        var northStar = okr?.KeyResults.OrderBy(k => k.Number).FirstOrDefault();
        return WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            Period = period,
            Now = now,
            Today = Periods.LocalDate(now, zone),
            Experiments = read,
            Totals = totals,
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Pace = okr is null ? null : await okrs.Pace(teamId, okr, zone, now, cancellationToken),
            Zone = zone,
            Kpis = okr is null ? [] : await kpis.All(teamId, cancellationToken),
            Blocks = await tasks.BlocksIn(teamId, period.Start, period.End, cancellationToken),
            Postponements = await tasks.PostponementsIn(teamId, period.Start, period.End, cancellationToken),
            Tasks = await tasks.CountsByExperiment(teamId, running, cancellationToken),
            Ratings = ratings,
            Comments = comments,
            Spend = await experiments.SpendRecorded(teamId, period.End, cancellationToken),
            CheckIns = northStar is null ? [] : await okrs.LatestCheckInsBefore(teamId, northStar.Id, Boundaries(period, previous), cancellationToken),
            PreviousPeriod = previous,
            PipelineCheckIns = await pipeline.Latest(teamId, period.End, 2, cancellationToken),
        });
    }

    private static IEnumerable<DateTimeOffset> Boundaries(ReportPeriod period, ReportPeriod? previous) =>
        previous is null ? [period.Start, period.End] : [previous.Start, previous.End, period.Start, period.End];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
