using GrowthBot.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Features.Learnings;
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
            .AddViewSubmission<EditExperimentModal>(EditExperimentModal.CallbackId)
            .AddViewSubmission<ConcludeExperimentModal>(ConcludeExperimentModal.CallbackId)
            .AddBlockAction<StartExperimentButton>(StartExperimentButton.ActionId)
            .AddBlockAction<ConcludeExperimentButton>(ConcludeExperimentButton.ActionId)
            // /learning
            .AddSlashCommand<LearningCommand>(LearningCommand.Name)
            .AddViewSubmission<LogLearningModal>(LogLearningModal.CallbackId)
            // App Home
            .AddEvent<AppHomeOpenedEvent>(AppHomeOpenedEvent.EventType)
            .AddBlockAction<HomeNewExperimentButton>(HomeNewExperimentButton.ActionId);
        builder.Services.AddScoped<ExperimentAccess>();
        builder.Services.AddScoped<HomeTab>();
        builder.Services.AddSingleton<HomePublisher>();
        builder.Services.AddSingleton<IChangeListener>(sp => sp.GetRequiredService<HomePublisher>());
        return builder;
    }
}
