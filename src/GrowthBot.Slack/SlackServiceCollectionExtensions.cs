using GrowthBot.Slack.OAuth;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.SocketMode;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>The Slack layer configured from the <c>Slack</c> section (environment: <c>Slack__…</c>); see the overload.</summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSlack(builder.Configuration.GetSection(SlackOptions.Section));
        return builder;
    }

    /// <summary>
    /// Adds the Slack layer: options from <paramref name="section"/>, the Web API client, the dispatcher.
    /// Handlers are registered on the returned builder (or on <see cref="SlackHandlers"/>), one line each.
    /// </summary>
    public static SlackBuilder AddSlack(this IServiceCollection services, IConfigurationSection section)
    {
        services.AddOptions<SlackOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackIdentity>();
        services.TryAddSingleton<IEventDeduplicator, InMemoryEventDeduplicator>();
        services.TryAddSingleton<IReplyTexts, EnglishReplyTexts>();
        services.AddSingleton<SlackBackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackBackgroundWork>());
        // Slack's 3 s ack deadline is wall-clock time, whatever clock the app's business logic runs on
        // (tests freeze that one, which must not stop slow handlers from being acknowledged).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SlackDispatcher>(sp, TimeProvider.System));
        // Always registered; it returns at once unless an app-level token turns Socket Mode on.
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService(sp => sp.GetRequiredService<SocketModeClient>());
        // One workspace (Slack__BotToken) or each installed workspace's own token; SlackInstallations needs the
        // host's ISlackInstallationStore, and is only built when there are installations to serve.
        services.TryAddSingleton<ConfiguredBot>();
        services.TryAddSingleton<SlackInstallations>();
        services.TryAddSingleton<ISlackBots>(sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.MultiWorkspace
            ? sp.GetRequiredService<SlackInstallations>()
            : sp.GetRequiredService<ConfiguredBot>());
        // The install flow's state cookie is protected with ASP.NET Core Data Protection; the host chooses where keys live.
        services.AddDataProtection();
        services.TryAddSingleton<OAuthState>();

        // Singletons over one SocketsHttpHandler: connections are reused across calls and recycled every
        // few minutes so DNS changes on Slack's side are picked up (a typed client captured in a singleton would not).
        services.TryAddSingleton<ISlackApi>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SlackOptions>>();
            var baseUrl = options.Value.ApiBaseUrl;
            var http = new HttpClient(NewHandler(), disposeHandler: true)
            {
                BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"),
                // Each attempt has its own timeout (SlackOptions.RequestTimeout); retries must not be cut short.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            // Retry waits are transport pacing, not business time: they run on the real clock.
            return new SlackApiClient(http, options, sp.GetRequiredService<ISlackBots>(), sp.GetRequiredService<ILogger<SlackApiClient>>(), TimeProvider.System);
        });
        services.TryAddSingleton<IResponseUrlClient>(sp => new ResponseUrlClient(
            new HttpClient(NewHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<ILogger<ResponseUrlClient>>()));
        return services.SlackHandlers();
    }

    /// <summary>
    /// Where handlers are registered, one line each. The registry is one instance whichever of this and
    /// <see cref="AddSlack(IServiceCollection, IConfigurationSection)"/> comes first, so a duplicate id fails at startup.
    /// </summary>
    public static SlackBuilder SlackHandlers(this IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(SlackHandlerRegistry))?.ImplementationInstance is not SlackHandlerRegistry registry)
        {
            registry = new SlackHandlerRegistry();
            services.AddSingleton(registry);
        }
        return new SlackBuilder(services, registry);
    }

    private static SocketsHttpHandler NewHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}

/// <summary>Explicit registration of handlers: one line per slash command, view, action and event.</summary>
public sealed class SlackBuilder(IServiceCollection services, SlackHandlerRegistry registry)
{
    public IServiceCollection Services => services;

    public SlackBuilder AddSlashCommand<THandler>(string command) where THandler : class, ISlashCommandHandler
    {
        registry.AddCommand(command, typeof(THandler));
        services.TryAddScoped<THandler>();
        return this;
    }

    public SlackBuilder AddViewSubmission<THandler>(string callbackId) where THandler : class, IViewSubmissionHandler
    {
        registry.AddViewSubmission(callbackId, typeof(THandler));
        services.TryAddScoped<THandler>();
        return this;
    }

    public SlackBuilder AddBlockAction<THandler>(string actionId) where THandler : class, IBlockActionHandler
    {
        registry.AddAction(actionId, typeof(THandler));
        services.TryAddScoped<THandler>();
        return this;
    }

    public SlackBuilder AddBlockOptions<THandler>(string actionId) where THandler : class, IBlockOptionsProvider
    {
        registry.AddOptions(actionId, typeof(THandler));
        services.TryAddScoped<THandler>();
        return this;
    }

    public SlackBuilder AddEvent<THandler>(string eventType) where THandler : class, IEventHandler
    {
        registry.AddEvent(eventType, typeof(THandler));
        services.TryAddScoped<THandler>();
        return this;
    }
}
