using GrowthBot.Features.Experiments;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Reports;
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
            // /growth
            .AddSlashCommand<GrowthCommand>(GrowthCommand.Name)
            .AddViewSubmission<SettingsModal>(SettingsModal.CallbackId)
            // the weekly report's thread: sales rate lead quality
            .AddBlockAction<LeadQualityButton>(LeadQualityButton.ActionId)
            .AddBlockAction<LeadQualityReasonSelect>(LeadQualityReasonSelect.ActionId)
            .AddEvent<ReportThreadReplies>(ReportThreadReplies.EventType);
        // /growth subcommands, each in its own file
        builder.Services.AddScoped<GrowthReportCommand>();
        builder.Services.AddScoped<GrowthSettingsCommand>();
        builder.Services.AddScoped<GrowthPauseCommand>();
        return builder;
    }
}
