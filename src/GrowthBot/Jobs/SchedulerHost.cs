using GrowthBot.Common;
using GrowthBot.Storage;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace GrowthBot.Jobs;

/// <summary>
/// Starts Quartz (its store is the app's database; on PostgreSQL a cluster of every instance sharing it), gives every
/// job its cron trigger in the team's time zone, and runs the catch-up once Slack has said which workspace the bot is
/// in, so a post missed while the bot was down is made now, if its period is still current. Saved settings apply
/// without a restart. Reports to /health as "scheduler", with this instance's id and whether it is clustered.
/// </summary>
public sealed class SchedulerHost(
    IServiceProvider services, IOptionsMonitor<GrowthBotOptions> options, TeamSettingsService teamSettings, SlackIdentity identity,
    ScheduledPosts posts, SlackBackgroundWork background, Database database, ILogger<SchedulerHost> logger) : IHostedLifecycleService, IHealthCheck
{
    private readonly IReadOnlyList<ScheduledJob> _jobs = Schedule.For(database.Dialect.IsPostgres);
    private readonly CancellationTokenSource _stopping = new();
    private IScheduler? _scheduler;

    public bool Enabled => options.CurrentValue.Schedule.Enabled;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After every hosted service has started, so SlackConnection's auth.test has (normally) answered: the triggers
    /// follow the installed team's saved settings, not the environment's defaults, and the startup catch-up knows
    /// which team to post for.
    /// </summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("Scheduled posts are off (GrowthBot__Schedule__Enabled=false)");
            return;
        }
        _scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var teamKnown = identity.Known;
        await Reschedule(CurrentSettings(), cancellationToken);
        await _scheduler.Start(cancellationToken);
        teamSettings.Saved += Rescheduled;
        background.Track(Task.Run(() => CatchUpOnceSlackAnswered(teamKnown), CancellationToken.None));
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        teamSettings.Saved -= Rescheduled;
        if (_scheduler is { } scheduler) await scheduler.Shutdown(true, cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The installed team's settings once auth.test answered; until then the environment's defaults.</summary>
    private TeamSettings CurrentSettings() => identity.TeamId is { } team ? teamSettings.For(team) : teamSettings.Defaults;

    /// <summary>
    /// Quartz's own misfire handling is DoNothing (below); this explicit check decides what was missed. With one workspace it
    /// waits for auth.test, because a team that saved no settings is only known from it: run earlier, it would find no team.
    /// When Slack was unreachable at startup the triggers were made from the defaults; they follow the team's settings now.
    /// </summary>
    private async Task CatchUpOnceSlackAnswered(bool teamKnownAtStart)
    {
        try
        {
            await teamSettings.WhenTeamsKnown(_stopping.Token);
            if (!teamKnownAtStart) await Reschedule(CurrentSettings(), _stopping.Token);
            await posts.Run(Schedule.CatchUp, background.Stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested || background.Stopping.IsCancellationRequested)
        {
            // Stopped before Slack answered: nothing to catch up with.
        }
    }

    /// <summary>(Re)creates every trigger from the team's current settings: used at startup and on save.</summary>
    private async Task Reschedule(TeamSettings settings, CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler) return;
        foreach (var job in _jobs)
        {
            var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
                .WithIdentity(new TriggerKey(job.Key.Name, job.Key.Group))
                .ForJob(job.Key)
                // DoNothing: a firing missed while the bot was down is not replayed by Quartz; the catch-up
                // (at startup and every few minutes) posts it once if its period is still current.
                .WithSchedule(CronScheduleBuilder.Create(job.Cron(settings)).InTimeZone(settings.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .StartNow()
                .Build();
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        }
        logger.LogInformation("Scheduled posts in {Zone}: weekly report '{Report}'", settings.Zone.Id, settings.WeeklyReportCron);
    }

    /// <summary>Saved settings apply without a restart; queued, because the save is a modal waiting for its ack.</summary>
    private void Rescheduled(TeamSettings settings) =>
        background.Run($"rescheduling for team {settings.TeamId}", (_, ct) => Reschedule(settings, ct));

    /// <summary>
    /// The <c>scheduler</c> entry of /health: running, when each job fires next, this instance's id in the scheduler,
    /// whether it shares the triggers with other instances (clustered, on PostgreSQL) and how many are alive.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (ok, detail) = await Check(cancellationToken);
        var data = new Dictionary<string, object> { ["detail"] = detail };
        if (_scheduler is { } scheduler)
        {
            data["instance"] = scheduler.SchedulerInstanceId;
            var clustered = (await scheduler.GetMetadata(cancellationToken)).JobStoreClustered;
            data["clustered"] = clustered;
            // The instances the cluster counts as alive, this one included: an operator sees a dead one drop out.
            if (clustered) data["nodes"] = (await scheduler.QueryClusterNodes(cancellationToken)).Count(n => n.State != ClusterNodeState.Failed);
        }
        return ok ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data);
    }

    private async Task<(bool Ok, string Detail)> Check(CancellationToken cancellationToken)
    {
        if (!Enabled) return (true, "off");
        if (_scheduler is not { } scheduler) return (false, "not started");
        var next = new List<string>();
        foreach (var job in _jobs)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Key.Name, job.Key.Group), cancellationToken);
            next.Add($"{job.Name} {trigger?.NextFireTimeUtc?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") ?? "never"}");
        }
        var running = scheduler.Status == SchedulerStatus.Running;
        return (running, $"{(running ? "running" : scheduler.Status.ToString().ToLowerInvariant())}, {next.Count} jobs; next: {string.Join(", ", next)}");
    }
}
