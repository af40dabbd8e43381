using GrowthBot.Slack.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrowthBot.Storage;

public static class StorageRegistration
{
    /// <summary>The SQLite database (migrated before anything else starts), its change feed and one store per aggregate.</summary>
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
        builder.Services.AddSingleton<TeamSettingsStore>();
        builder.Services.AddSingleton<NudgePauseStore>();
        builder.Services.AddSingleton<PersonLanguageStore>();
        builder.Services.AddSingleton<ReportThreadStore>();
        builder.Services.AddSingleton<DeliveryStore>();
        // Replaces the Slack layer's in-memory dedupe whichever is registered first, so it survives restarts.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEventDeduplicator, ProcessedEventStore>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
