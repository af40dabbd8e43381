using Quartz;

namespace GrowthBot.Jobs;

/// <summary>Monday's report in the report channel, with details, the sales ask and key-result progress in its thread.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportJob(ScheduledPosts posts) : IJob
{
    public static readonly JobKey Key = new("weekly-report", "growthbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await posts.WeeklyReport(cancellationToken);
}

/// <summary>Each person's daily DM of overdue and blocked tasks, and the leads' blocker summary.</summary>
[DisallowConcurrentExecution]
public sealed class TaskNudgeJob(ScheduledPosts posts) : IJob
{
    public static readonly JobKey Key = new("task-nudges", "growthbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await posts.TaskNudges(cancellationToken);
}

/// <summary>Friday's DM to key-result owners with a Check in button.</summary>
[DisallowConcurrentExecution]
public sealed class OkrCheckInJob(ScheduledPosts posts) : IJob
{
    public static readonly JobKey Key = new("okr-check-in", "growthbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await posts.OkrCheckIn(cancellationToken);
}

/// <summary>The daily DM to owners of running experiments past their end date, with a Conclude button.</summary>
[DisallowConcurrentExecution]
public sealed class ExperimentDueJob(ScheduledPosts posts) : IJob
{
    public static readonly JobKey Key = new("experiment-due", "growthbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await posts.ExperimentDue(cancellationToken);
}

/// <summary>Posts whatever is due but was missed (the bot was down, Slack was down); users just see it arrive late once.</summary>
[DisallowConcurrentExecution]
public sealed class CatchUpJob(ScheduledPosts posts) : IJob
{
    public static readonly JobKey Key = new("catch-up", "growthbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await posts.CatchUp(cancellationToken);
}
