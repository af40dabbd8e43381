using GrowthBot.Features.Experiments;
using GrowthBot.Features.Export;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
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
            // /task
            .AddSlashCommand<TaskCommand>(TaskCommand.Name)
            .AddViewSubmission<NewTaskModal>(NewTaskModal.CallbackId)
            .AddViewSubmission<BlockTaskModal>(BlockTaskModal.CallbackId)
            .AddViewSubmission<PostponeTaskModal>(PostponeTaskModal.CallbackId)
            .AddBlockAction<TaskDoneButton>(TaskDoneButton.ActionId)
            .AddBlockAction<TaskBlockButton>(TaskBlockButton.ActionId)
            .AddBlockAction<TaskPostponeButton>(TaskPostponeButton.ActionId)
            .AddBlockAction<TaskStillBlockedButton>(TaskStillBlockedButton.ActionId)
            // /okr
            .AddSlashCommand<OkrCommand>(OkrCommand.Name)
            .AddViewSubmission<SetOkrModal>(SetOkrModal.CallbackId)
            .AddViewSubmission<CheckInModal>(CheckInModal.CallbackId)
            .AddBlockAction<OkrCheckInButton>(OkrCheckInButton.ActionId)
            // /growth
            .AddSlashCommand<GrowthCommand>(GrowthCommand.Name);
        // What the task buttons, modals and the export share.
        builder.Services.AddScoped<TaskAccess>();
        builder.Services.AddScoped<ExportCsv>();
        builder.Services.AddScoped<GrowthExport>();
        return builder;
    }
}
