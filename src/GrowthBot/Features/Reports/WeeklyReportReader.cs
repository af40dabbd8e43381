using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>
/// Reads what the weekly report needs from the stores and builds it: the report that would be posted now, of
/// the week before the current one (Monday to Sunday in the team's zone). The poster, the preview command and
/// the benchmark all build it through here, so what is measured is what is posted.
/// </summary>
public sealed class WeeklyReportReader(ExperimentStore experiments, TaskStore tasks, OkrStore okrs, FeedbackStore feedback)
{
    public async Task<WeeklyReport> Build(string teamId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var monday = Periods.WeekStart(Periods.LocalDate(now, zone));
        var from = monday.AddDays(-7);
        var fromInstant = Periods.StartOf(from, zone);
        var toInstant = Periods.StartOf(monday, zone);
        var okr = await okrs.Current(teamId, cancellationToken);
        return WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            From = from,
            To = monday,
            FromInstant = fromInstant,
            ToInstant = toInstant,
            Experiments = await experiments.All(teamId, cancellationToken),
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Blocks = (await tasks.BlocksRecorded(teamId, fromInstant, toInstant, cancellationToken)).Select(b => b.Block).ToList(),
            Postponements = (await tasks.PostponementsRecorded(teamId, fromInstant, toInstant, cancellationToken)).Select(p => p.Postponement).ToList(),
            // Feedback given since last week's report went out (its thread is answered during the week).
            Feedback = await feedback.Between(teamId, fromInstant, now.AddTicks(1), cancellationToken),
        });
    }
}
