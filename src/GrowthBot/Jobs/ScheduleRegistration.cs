using GrowthBot.Storage;
using Quartz;

namespace GrowthBot.Jobs;

public static class ScheduleRegistration
{
    /// <summary>Quartz with every job of the <see cref="Schedule"/>, the posters behind them and the scheduler's /health entry.</summary>
    public static IHostApplicationBuilder AddSchedule(this IHostApplicationBuilder builder)
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
