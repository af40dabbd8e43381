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
            foreach (var job in Schedule.All)
                q.AddJob<ScheduledPosts>(j => j.WithIdentity(job.Key).WithDescription(job.Posts).StoreDurably().DisallowConcurrentExecution());
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
