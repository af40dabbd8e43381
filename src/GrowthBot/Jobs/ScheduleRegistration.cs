using GrowthBot.Storage;
using Quartz;

namespace GrowthBot.Jobs;

public static class ScheduleRegistration
{
    /// <summary>Quartz with every job of the <see cref="Schedule"/>, the posters behind them and the scheduler's /health entry.</summary>
    public static IHostApplicationBuilder AddSchedule(this IHostApplicationBuilder builder)
    {
        var connectionString = Database.ConnectionStringFrom(builder.Configuration);
        builder.Services.AddQuartz(q =>
        {
            // The scheduler's tables live in the app's database; migration 015 creates them (Quartz's own script).
            q.UsePersistentStore(s =>
            {
                if (SqlDialect.SelectsPostgres(connectionString))
                {
                    s.UsePostgres(connectionString);
                    // Every instance on this database shares the triggers: each firing runs on one of them, and when
                    // an instance stops checking in, the others take over what it held.
                    s.UseClustering();
                }
                else
                {
                    // One process, one file.
                    s.UseSqlite(connectionString);
                }
                s.UseSystemTextJsonSerializer();
            });
            foreach (var job in Schedule.For(postgres: SqlDialect.SelectsPostgres(connectionString)))
                q.AddJob<ScheduledPosts>(j => j.WithIdentity(job.Key).WithDescription(job.Posts).StoreDurably().DisallowConcurrentExecution());
        });
        builder.Services.AddSingleton<TaskNudger>();
        builder.Services.AddSingleton<OkrCheckInPoster>();
        builder.Services.AddSingleton<PipelineCheckInPoster>();
        builder.Services.AddSingleton<ExperimentDuePoster>();
        builder.Services.AddSingleton<ScheduledPosts>();
        builder.Services.AddSingleton<SchedulerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SchedulerHost>());
        builder.Services.AddHealthChecks().AddCheck<SchedulerHost>("scheduler");
        return builder;
    }
}
