using GrowthBot.Reports;
using GrowthBot.Storage;
using Quartz;

namespace GrowthBot.Jobs;

public static class SchedulingExtensions
{
    /// <summary>Quartz with every job, the delivery log and the posters behind the scheduled posts.</summary>
    public static IHostApplicationBuilder AddScheduledPosts(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(Database.ConnectionStringName) is { Length: > 0 } cs ? cs : Database.DefaultConnectionString;
        builder.Services.AddQuartz(q =>
        {
            // One process, one file: the scheduler's tables live in the app's SQLite database.
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(connectionString);
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });
            q.AddJob<WeeklyReportJob>(j => j.WithIdentity(WeeklyReportJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddJob<TaskNudgeJob>(j => j.WithIdentity(TaskNudgeJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddJob<OkrCheckInJob>(j => j.WithIdentity(OkrCheckInJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddJob<ExperimentDueJob>(j => j.WithIdentity(ExperimentDueJob.Key).StoreDurably().DisallowConcurrentExecution());
            q.AddJob<CatchUpJob>(j => j.WithIdentity(CatchUpJob.Key).StoreDurably().DisallowConcurrentExecution());
        });
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<TeamSettingsStore>();
        builder.Services.AddSingleton<NudgePauseStore>();
        builder.Services.AddSingleton<ReportThreadStore>();
        builder.Services.AddSingleton<PostPacer>();
        builder.Services.AddSingleton<UserZones>();
        builder.Services.AddSingleton<ScheduledDelivery>();
        builder.Services.AddSingleton<WeeklyReportReader>();
        builder.Services.AddSingleton<WeeklyReportPoster>();
        builder.Services.AddSingleton<TaskNudger>();
        builder.Services.AddSingleton<OkrCheckInPoster>();
        builder.Services.AddSingleton<ExperimentDuePoster>();
        builder.Services.AddSingleton<ScheduledPosts>();
        builder.Services.AddSingleton<SchedulerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SchedulerHost>());
        builder.Services.AddHealthChecks().AddCheck<SchedulerHost>("scheduler");
        return builder;
    }
}
