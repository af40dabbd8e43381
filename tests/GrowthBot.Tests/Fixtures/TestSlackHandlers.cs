using GrowthBot.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace GrowthBot.Tests.Fixtures;

public static class TestSlackHandlers
{
    /// <summary>
    /// Registers extra handlers (test doubles) next to the app's own, for
    /// <c>GrowthBotApp.Start(services: s =&gt; s.AddSlackHandlers(b =&gt; b.AddSlashCommand&lt;Slow&gt;("/slow")))</c>.
    /// </summary>
    public static IServiceCollection AddSlackHandlers(this IServiceCollection services, Action<SlackBuilder> register)
    {
        register(services.SlackHandlers());
        return services;
    }
}
