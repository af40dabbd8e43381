using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
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
        var registry = services.Single(d => d.ServiceType == typeof(SlackHandlerRegistry)).ImplementationInstance as SlackHandlerRegistry
            ?? throw new InvalidOperationException("AddSlack registers the handler registry as an instance; it was not found.");
        register(new SlackBuilder(services, registry));
        return services;
    }
}
