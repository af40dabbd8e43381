using GrowthBot.Common;
using GrowthBot.Storage;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;
using GrowthBot.Slack;
using GrowthBot.Slack.Workspaces;

namespace GrowthBot.Jobs;

/// <summary>
/// Starts Quartz (its store is the app's database; on PostgreSQL a cluster of every instance sharing it), gives each
/// team its own trigger for every job that posts, at the team's days and times in its time zone (so two workspaces
/// reporting on different days each get theirs on time), and runs the catch-up once Slack has said which workspace the bot is
/// in, so a post missed while the bot was down is made now, if its period is still current. Saved settings apply
/// without a restart. Reports to /health as "scheduler", with this instance's id and whether it is clustered.
/// </summary>
public sealed class SchedulerHost(
    IServiceProvider services, IOptionsMonitor<GrowthBotOptions> options, IOptions<SlackOptions> slack, TeamSettingsService teamSettings,
    SlackIdentity identity, SlackInstallations installations, ScheduledPosts posts, SlackBackgroundWork background, Database database, ILogger<SchedulerHost> logger) : IHostedLifecycleService, IHealthCheck
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
        var teamsKnown = identity.Known || slack.Value.MultiWorkspace;
        await ScheduleShared(_scheduler, cancellationToken);
        if (teamsKnown) await ScheduleTeams(cancellationToken);
        await _scheduler.Start(cancellationToken);
        teamSettings.Saved += Rescheduled;
        installations.Changed += InstallationChanged;
        background.Track(Task.Run(() => CatchUpOnceSlackAnswered(teamsKnown), CancellationToken.None));
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        teamSettings.Saved -= Rescheduled;
        installations.Changed -= InstallationChanged;
        if (_scheduler is { } scheduler) await scheduler.Shutdown(true, cancellationToken);
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Quartz's own misfire handling is DoNothing (below); this explicit check decides what was missed. With one workspace it
    /// waits for auth.test, because a team that saved no settings is only known from it: run earlier, it would find no team.
    /// </summary>
    private async Task CatchUpOnceSlackAnswered(bool teamsKnownAtStart)
    {
        try
        {
            await teamSettings.WhenTeamsKnown(_stopping.Token);
            if (!teamsKnownAtStart) await ScheduleTeams(_stopping.Token);
            await posts.Run(Schedule.CatchUp, background.Stopping);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested || background.Stopping.IsCancellationRequested)
        {
            // Stopped before Slack answered: nothing to catch up with.
        }
    }

    /// <summary>The triggers that are not any team's: the catch-up sweep over every team, and the backup.</summary>
    private async Task ScheduleShared(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var defaults = teamSettings.Defaults;
        foreach (var job in _jobs.Where(j => !j.PerTeam))
            await scheduler.ScheduleTrigger(Trigger(scheduler, job, team: null, defaults), TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>
    /// Every team's own triggers, each at its report day and time in its time zone; the triggers of teams that are gone
    /// (uninstalled) are deleted. On PostgreSQL the triggers are shared by every instance, so whichever instance does this
    /// does it for all.
    /// </summary>
    private async Task ScheduleTeams(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler) return;
        var teams = (await teamSettings.Teams(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var team in teams) await Reschedule(teamSettings.For(team), cancellationToken);
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken))
        {
            if (TeamOf(key) is { } team && !teams.Contains(team)) await scheduler.UnscheduleJob(key, cancellationToken);
        }
    }

    /// <summary>(Re)creates one team's triggers from its current settings: at startup, on install and on save.</summary>
    private async Task Reschedule(TeamSettings settings, CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler || settings.TeamId.Length == 0) return;
        foreach (var job in _jobs.Where(j => j.PerTeam))
            await scheduler.ScheduleTrigger(Trigger(scheduler, job, settings.TeamId, settings), TriggerConflict.Replace, cancellationToken);
        logger.LogInformation("Scheduled posts for team {Team} in {Zone}: weekly report '{Report}'", settings.TeamId, settings.Zone.Id, settings.WeeklyReportCron);
    }

    private static ITrigger Trigger(IScheduler scheduler, ScheduledJob job, string? team, TeamSettings settings)
    {
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(KeyOf(job, team))
            .ForJob(job.Key)
            // DoNothing: a firing missed while the bot was down is not replayed by Quartz; the catch-up
            // (at startup and every few minutes) posts it once if its period is still current.
            .WithSchedule(CronScheduleBuilder.Create(job.Cron(settings)).InTimeZone(settings.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .StartNow();
        if (team is not null) trigger = trigger.UsingJobData(ScheduledPosts.TeamKey, team);
        return trigger.Build();
    }

    private const string Group = "growthbot";
    private const string TeamSeparator = " for ";

    /// <summary>A shared job's trigger is named as the job; a team's as "weekly-report for T0123".</summary>
    private static TriggerKey KeyOf(ScheduledJob job, string? team) =>
        new(team is null ? job.Key.Name : job.Key.Name + TeamSeparator + team, Group);

    private static string? TeamOf(TriggerKey key) =>
        key.Name.IndexOf(TeamSeparator, StringComparison.Ordinal) is var at and >= 0 ? key.Name[(at + TeamSeparator.Length)..] : null;

    /// <summary>Saved settings apply without a restart; queued, because the save is a modal waiting for its ack.</summary>
    private void Rescheduled(TeamSettings settings) =>
        background.Run($"rescheduling for team {settings.TeamId}", (_, ct) => Reschedule(settings, ct));

    /// <summary>A new workspace gets its triggers at once; an uninstalled one loses them.</summary>
    private void InstallationChanged(string teamId) =>
        background.Run($"scheduling after the installation of team {teamId} changed", (_, ct) => ScheduleTeams(ct));

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
            // A job with a trigger per team fires next when the soonest of them does.
            var soonest = (await scheduler.GetTriggersOfJob(job.Key, cancellationToken))
                .Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            next.Add($"{job.Name} {soonest?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ") ?? "never"}");
        }
        var running = scheduler.Status == SchedulerStatus.Running;
        return (running, $"{(running ? "running" : scheduler.Status.ToString().ToLowerInvariant())}, {next.Count} jobs; next: {string.Join(", ", next)}");
    }
}
