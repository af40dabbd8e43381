using GrowthBot.Common;
using GrowthBot.Slack;
using GrowthBot.Storage;
using Microsoft.Extensions.Options;

namespace GrowthBot.Hosting;

public static class HostingRegistration
{
    /// <summary>The Slack connection check at startup, /health's Slack and Socket Mode entries, and a graceful shutdown.</summary>
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SlackConnection>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlackConnection>());
        var health = builder.Services.AddHealthChecks().AddCheck<SlackConnection>("slack");
        // /health reports the Socket Mode connection only when there is one to report.
        if (builder.Configuration.GetSection(SlackOptions.Section).Get<SlackOptions>()?.SocketMode == true)
            health.AddCheck<SocketModeHealth>("socket_mode");
        // Room for scheduled posts and background work in flight to finish (SlackBackgroundWork waits for them).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
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
