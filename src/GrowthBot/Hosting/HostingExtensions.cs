using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrowthBot.Hosting;

public static class HostingExtensions
{
    /// <summary>Options, the team clock and the Slack connection check.</summary>
    public static IHostApplicationBuilder AddGrowthBotCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GrowthBotOptions>().Bind(builder.Configuration.GetSection(GrowthBotOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TeamSettingsService>();
        builder.Services.AddSingleton<TeamClock>();
        builder.Services.AddSingleton<GrowthLeads>();
        builder.Services.AddSingleton<SlackConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackConnection>());
        builder.Services.AddScoped<UserNotifier>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        var health = builder.Services.AddHealthChecks().AddCheck<SlackConnection>("slack");
        // /health reports the Socket Mode connection only when there is one to report.
        if (builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>()?.SocketMode == true)
            health.AddCheck<SocketModeHealth>("socket_mode");
        return builder;
    }

    /// <summary>The SQLite database, migrated before anything else starts, and one store per aggregate.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<IChangeFeed, ChangeFeed>();
        builder.Services.AddSingleton<ExperimentStore>();
        builder.Services.AddSingleton<OkrStore>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<LearningStore>();
        builder.Services.AddSingleton<FeedbackStore>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Replaces the Slack layer's in-memory dedupe whichever is registered first, so it survives restarts.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEventDeduplicator, ProcessedEventStore>());
        return builder;
    }

    /// <summary>
    /// Refuses to start on missing or malformed configuration: one line per problem on stderr, exit code 1.
    /// Then migrates the database and loads the teams' saved settings.
    /// </summary>
    public static async Task<bool> PrepareToServe(this WebApplication app)
    {
        var problems = StartupChecks.Problems(
            app.Services.GetRequiredService<IOptions<SlackOptions>>().Value,
            app.Services.GetRequiredService<IOptions<GrowthBotOptions>>().Value);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) await Console.Error.WriteLineAsync($"GrowthBot cannot start: {problem}");
            return false;
        }
        await app.Services.GetRequiredService<Migrator>().Migrate();
        // The team clock reads saved time zones from memory: load them before the first request, not on first use.
        await app.Services.GetRequiredService<TeamSettingsService>().Load();
        return true;
    }
}
