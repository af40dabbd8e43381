using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Features.Reports;
using GrowthBot.Storage;
using Quartz;

namespace GrowthBot.Jobs;

/// <summary>
/// One scheduled job: its Quartz name, the cron it follows for a team, what people get from it, how it posts
/// for one team, and the delivery keys its posts are recorded under (each key belongs to exactly one job).
/// </summary>
/// <param name="PostFor">Makes this job's due posts for one team; null for the catch-up, which makes every other job's.</param>
/// <param name="RunOnce">Work done once per firing rather than per team (the backup); such a job posts nothing.</param>
public sealed record ScheduledJob(
    string Name, string Posts, Func<TeamSettings, string> Cron, Func<IServiceProvider, string, CancellationToken, Task>? PostFor, IReadOnlyList<string> DeliveryKeys,
    Func<IServiceProvider, CancellationToken, Task>? RunOnce = null)
{
    public JobKey Key { get; } = new(Name, "growthbot");

    /// <summary>Posts for each team at that team's time: one trigger per team (the catch-up and the backup have one for all).</summary>
    public bool PerTeam => PostFor is not null;
}

/// <summary>
/// The schedule, declared once: Quartz registration, rescheduling on saved settings, the catch-up and /health
/// all read this table. Crons are in the team's time zone; defaults are in <see cref="ScheduleOptions"/>.
/// </summary>
public static class Schedule
{
    public static readonly ScheduledJob WeeklyReport = new("weekly-report",
        "the weekly report in the report channel, with details, the sales ask and key-result progress in its thread",
        team => team.WeeklyReportCron, (services, team, ct) => services.GetRequiredService<WeeklyReportPoster>().RunIfDue(team, ct),
        WeeklyReportPoster.DeliveryKeys);

    public static readonly ScheduledJob OkrCheckIn = new("okr-check-in",
        "a DM to each key-result owner with a Check in button per key result",
        team => team.Schedule.OkrCheckIn, (services, team, ct) => services.GetRequiredService<OkrCheckInPoster>().RunIfDue(team, ct),
        [OkrCheckInPoster.DeliveryKey]);

    public static readonly ScheduledJob ExperimentDue = new("experiment-due",
        "a DM to the owner of a running experiment past its end date, with a Conclude button",
        team => team.Schedule.ExperimentDue, (services, team, ct) => services.GetRequiredService<ExperimentDuePoster>().RunIfDue(team, ct),
        [ExperimentDuePoster.DeliveryKey]);

    public static readonly ScheduledJob PipelineCheckIn = new("pipeline-check-in",
        "a DM to each sales person asking for the pipeline's numbers, with a button, unless they were checked in that week",
        team => team.Schedule.PipelineCheckIn, (services, team, ct) => services.GetRequiredService<PipelineCheckInPoster>().RunIfDue(team, ct),
        [PipelineCheckInPoster.DeliveryKey]);

    public static readonly ScheduledJob TaskNudges = new("task-nudges",
        "each person's daily DM of their overdue and blocked tasks, and the growth leads' blocker summary",
        team => team.Schedule.TaskNudges, (services, team, ct) => services.GetRequiredService<TaskNudger>().RunIfDue(team, ct),
        [TaskNudger.NudgeKey, TaskNudger.BlockerSummaryKey]);

    public static readonly ScheduledJob CatchUp = new("catch-up",
        "whatever is due but was missed while the bot or Slack was down, late but once",
        team => team.Schedule.CatchUp, PostFor: null, []);

    public static readonly ScheduledJob Backup = new("backup",
        "nobody: a copy of the SQLite database in the backup folder, the newest few kept (PostgreSQL is backed up with pg_dump)",
        team => team.Schedule.Backup, PostFor: null, [], RunOnce: async (services, ct) => await services.GetRequiredService<SqliteBackups>().Take(ct));

    /// <summary>The jobs that post, in the order the catch-up makes their posts.</summary>
    public static readonly IReadOnlyList<ScheduledJob> Posts = [WeeklyReport, OkrCheckIn, PipelineCheckIn, ExperimentDue, TaskNudges];

    public static readonly IReadOnlyList<ScheduledJob> All = [.. Posts, CatchUp, Backup];

    /// <summary>The jobs that run on a database: all of them, but the backup only of a SQLite file.</summary>
    public static IReadOnlyList<ScheduledJob> For(bool postgres) => postgres ? All.Where(j => j != Backup).ToList() : All;

    public static ScheduledJob Of(JobKey key) =>
        All.FirstOrDefault(j => j.Key.Equals(key)) ?? throw new InvalidOperationException($"No scheduled job is called {key}.");
}
