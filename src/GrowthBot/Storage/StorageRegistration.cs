using GrowthBot.Slack.Routing;
using GrowthBot.Slack.Workspaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GrowthBot.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Where the Data Protection keys are kept when not in the database: a folder (GrowthBot__DataProtectionKeys), e.g. a
    /// mounted secret volume, so that a copy of the database alone cannot decrypt the bot tokens in it.
    /// </summary>
    public const string KeyFolderSetting = "GrowthBot:DataProtectionKeys";

    /// <summary>
    /// The database, SQLite or PostgreSQL (migrated before anything else starts), its change feed, one store per
    /// aggregate, SQLite's backups, and the Data Protection key ring that encrypts installed workspaces' tokens.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Database>();
        builder.Services.AddOptions<BackupOptions>().Bind(builder.Configuration.GetSection(BackupOptions.Section));
        builder.Services.AddSingleton<SqliteBackups>();
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddSingleton<IChangeFeed, ChangeFeed>();
        builder.Services.AddSingleton<ExperimentStore>();
        builder.Services.AddSingleton<OkrStore>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<LearningStore>();
        builder.Services.AddSingleton<KpiStore>();
        builder.Services.AddSingleton<IcpStore>();
        builder.Services.AddSingleton<FeedbackStore>();
        builder.Services.AddSingleton<TeamSettingsStore>();
        builder.Services.AddSingleton<NudgePauseStore>();
        builder.Services.AddSingleton<PersonLanguageStore>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<PipelineStore>();
        builder.Services.AddSingleton<DeliveryStore>();
        builder.Services.AddSingleton<InstallationStore>();
        builder.Services.AddSingleton<ISlackInstallationStore>(sp => sp.GetRequiredService<InstallationStore>());
        // Every instance must read the same ring under the same name (the default name is the content root path,
        // which differs between machines).
        var protection = builder.Services.AddDataProtection().SetApplicationName("GrowthBot");
        if (builder.Configuration[KeyFolderSetting] is { Length: > 0 } folder)
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        else
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
                new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeyRepository(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>())));
        // Data Protection would make its first key at startup. Keys are only needed once someone opens /slack/install,
        // so the first key is made then, and a bot serving one workspace with Slack__BotToken never makes one.
        foreach (var eager in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
            builder.Services.Remove(eager);
        // Replaces the Slack layer's in-memory dedupe whichever is registered first, so it survives restarts.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEventDeduplicator, ProcessedEventStore>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }
}
