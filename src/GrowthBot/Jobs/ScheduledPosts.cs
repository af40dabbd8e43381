using GrowthBot.Common;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Jobs;

/// <summary>
/// What each job does, for every team, each part isolated: one team's or one job's failure is logged and the
/// rest carries on. Every part checks for itself what is due and not delivered yet, so running it again
/// (a retry, the catch-up sweep, a restart) never posts anything twice.
/// </summary>
public sealed class ScheduledPosts(
    TeamSettingsService teamSettings, WeeklyReportPoster report, TaskNudger nudges, OkrCheckInPoster checkIns, ExperimentDuePoster due,
    ILogger<ScheduledPosts> logger)
{
    public Task WeeklyReport(CancellationToken cancellationToken) => ForEachTeam("weekly report", t => report.RunIfDue(t, cancellationToken), cancellationToken);

    public Task TaskNudges(CancellationToken cancellationToken) => ForEachTeam("task nudges", t => nudges.Run(t, cancellationToken), cancellationToken);

    public Task OkrCheckIn(CancellationToken cancellationToken) => ForEachTeam("OKR check-in", t => checkIns.RunIfDue(t, cancellationToken), cancellationToken);

    public Task ExperimentDue(CancellationToken cancellationToken) => ForEachTeam("experiment due", t => due.RunIfDue(t, cancellationToken), cancellationToken);

    /// <summary>Everything that is due now and not delivered: after downtime, after Slack outages.</summary>
    public async Task CatchUp(CancellationToken cancellationToken)
    {
        await WeeklyReport(cancellationToken);
        await OkrCheckIn(cancellationToken);
        await ExperimentDue(cancellationToken);
        await TaskNudges(cancellationToken);
    }

    private async Task ForEachTeam(string what, Func<string, Task> run, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> teams;
        try
        {
            teams = teamSettings.Teams();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Scheduled {What}: could not read the teams; trying again at the next run", what);
            return;
        }
        foreach (var team in teams)
        {
            try
            {
                await run(team);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Scheduled {What} for team {Team} failed; the next run tries again", what, team);
            }
        }
    }
}
