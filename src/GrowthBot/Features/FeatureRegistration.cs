using GrowthBot.Features.Experiments;
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
            .AddViewSubmission<LogLearningModal>(LogLearningModal.CallbackId);
        builder.Services.AddScoped<ExperimentAccess>();
        return builder;
    }
}
