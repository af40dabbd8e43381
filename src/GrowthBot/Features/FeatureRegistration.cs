using GrowthBot.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Slack;

namespace GrowthBot.Features;

public static class FeatureRegistration
{
    /// <summary>Every slash command, modal, button and event the bot answers, in the order of manifest.yml.</summary>
    public static IHostApplicationBuilder AddGrowthFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSlack(builder.Configuration.GetSection(SlackOptions.Section))
            // /experiment
            .AddSlashCommand<ExperimentCommand>(ExperimentCommand.Name)
            .AddViewSubmission<NewExperimentModal>(NewExperimentModal.CallbackId)
            // App Home
            .AddEvent<AppHomeOpenedEvent>(AppHomeOpenedEvent.EventType)
            .AddBlockAction<HomeNewExperimentButton>(HomeNewExperimentButton.ActionId);
        builder.Services.AddScoped<HomeTab>();
        builder.Services.AddSingleton<HomePublisher>();
        builder.Services.AddSingleton<IChangeListener>(sp => sp.GetRequiredService<HomePublisher>());
        return builder;
    }
}
