using GrowthBot.Common;
using GrowthBot.Storage;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace GrowthBot.Jobs;

/// <summary>
/// Starts Quartz (its store is the app's database; on PostgreSQL a cluster of every instance sharing it), gives every
/// job its cron trigger in the team's time zone, and runs the catch-up once at startup so a post missed while the bot
/// was down is made now, if its period is still current. <see cref="Reschedule"/> applies saved settings without a
/// restart. Reports to /health as "scheduler", with this instance's id and whether it is clustered.
/// </summary>
public sealed class SchedulerHost(
    IServiceProvider services, IOptionsMonitor<GrowthBotOptions> options, TeamSettingsService teamSettings, SlackIdentity identity,
    ScheduledPosts posts, SlackBackgroundWork background, Database database, ILogger<SchedulerHost> logger) : IHostedService, IHealthCheck
{
    private readonly IReadOnlyList<ScheduledJob> _jobs = Schedule.For(database.Dialect.IsPostgres);
    private IScheduler? _scheduler;

    public bool Enabled => options.CurrentValue.Schedule.Enabled;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("Scheduled posts are off (GrowthBot__Schedule__Enabled=false)");
            return;
        }
        _scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await Reschedule(identity.TeamId is { } team ? teamSettings.For(team) : teamSettings.Defaults, cancellationToken);
        await _scheduler.Start(cancellationToken);
        teamSettings.Saved += Rescheduled;
        // Quartz's own misfire handling is DoNothing (below); this explicit check decides what was missed.
        background.Track(Task.Run(() => posts.Run(Schedule.CatchUp, background.Stopping), CancellationToken.None));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        teamSettings.Saved -= Rescheduled;
        if (_scheduler is { } scheduler) await scheduler.Shutdown(true, cancellationToken);
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
