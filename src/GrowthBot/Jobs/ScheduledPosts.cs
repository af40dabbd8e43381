using GrowthBot.Common;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GrowthBot.Jobs;

/// <summary>
/// What Quartz runs for each job of the <see cref="Schedule"/>: its posts for every team, each team on its own, so
/// one team's or one job's failure is logged and the rest carries on. Every poster checks for itself what is due
/// and not delivered yet, so running a job again (a retry, the catch-up sweep, a restart) never posts twice.
/// Each team's posts run in its <see cref="SlackTeamScope"/>, so they go out with that team's token.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledPosts(IServiceProvider services, TeamSettingsService teamSettings, ILogger<ScheduledPosts> logger) : IJob
{
    /// <summary>The trigger's data naming the team a per-team trigger fires for.</summary>
    public const string TeamKey = "team";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = Schedule.Of(context.JobDetail.Key);
        if (context.Trigger.JobDataMap.GetString(TeamKey) is { Length: > 0 } team) await RunFor(job, team, cancellationToken);
        else await Run(job, cancellationToken);
    }

    /// <summary>Makes <paramref name="job"/>'s due posts for one team, when it is still one the bot serves.</summary>
    public async Task RunFor(ScheduledJob job, string team, CancellationToken cancellationToken)
    {
        if (!(await teamSettings.Teams(cancellationToken)).Contains(team, StringComparer.Ordinal)) return;
        await PostFor(job, team, cancellationToken);
    }

    /// <summary>Makes <paramref name="job"/>'s due posts for every team; the catch-up makes every job's. A job done once (the backup) is done.</summary>
    public async Task Run(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (job.RunOnce is { } once)
        {
            try
            {
                await once(services, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Scheduled {Job} failed; it runs again at its next time", job.Name);
            }
            return;
        }
        // Another instance on the same database may have saved a team's settings: the sweep reads them afresh, so every
        // instance follows them within one catch-up interval.
        if (job == Schedule.CatchUp) await teamSettings.Load(cancellationToken);
        foreach (var posting in job.PostFor is null ? Schedule.Posts : [job])
        {
            foreach (var team in await teamSettings.Teams(cancellationToken)) await PostFor(posting, team, cancellationToken);
        }
    }

    private async Task PostFor(ScheduledJob posting, string team, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = SlackTeamScope.Enter(team);
            await posting.PostFor!(services, team, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Scheduled {Job} for team {Team} failed; the next run tries again", posting.Name, team);
        }
    }
}
