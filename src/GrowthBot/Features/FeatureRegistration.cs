using GrowthBot.Features.Charts;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Export;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Help;
using GrowthBot.Features.Home;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Installs;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Learnings;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Pipeline;
using GrowthBot.Features.Reports;
using GrowthBot.Features.Settings;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GrowthBot.Storage;

namespace GrowthBot.Features;

public static class FeatureRegistration
{
    /// <summary>Every slash command, modal, button and event the bot answers, in the order of manifest.yml.</summary>
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.SlackHandlers()
            // /experiment
            .AddSlashCommand<ExperimentCommand>(ExperimentCommand.Name)
            .AddViewSubmission<NewExperimentModal>(NewExperimentModal.CallbackId)
            .AddViewSubmission<EditExperimentModal>(EditExperimentModal.CallbackId)
            .AddViewSubmission<ConcludeExperimentModal>(ConcludeExperimentModal.CallbackId)
            .AddBlockAction<StartExperimentButton>(StartExperimentButton.ActionId)
            .AddBlockAction<ConcludeExperimentButton>(ConcludeExperimentButton.ActionId)
            .AddBlockAction<ExperimentKeyResultSelect>(ExperimentKeyResultSelect.ActionId)
            // /task
            .AddSlashCommand<TaskCommand>(TaskCommand.Name)
            .AddViewSubmission<NewTaskModal>(NewTaskModal.CallbackId)
            .AddViewSubmission<BlockTaskModal>(BlockTaskModal.CallbackId)
            .AddViewSubmission<PostponeTaskModal>(PostponeTaskModal.CallbackId)
            .AddBlockAction<TaskDoneButton>(TaskDoneButton.ActionId)
            .AddBlockAction<TaskBlockButton>(TaskBlockButton.ActionId)
            .AddBlockAction<TaskPostponeButton>(TaskPostponeButton.ActionId)
            .AddBlockAction<TaskStillBlockedButton>(TaskStillBlockedButton.ActionId)
            // /learning
            .AddSlashCommand<LearningCommand>(LearningCommand.Name)
            .AddViewSubmission<LogLearningModal>(LogLearningModal.CallbackId)
            // /okr
            .AddSlashCommand<OkrCommand>(OkrCommand.Name)
            .AddViewSubmission<SetOkrModal>(SetOkrModal.CallbackId)
            .AddViewSubmission<CheckInModal>(CheckInModal.CallbackId)
            .AddBlockAction<OkrCheckInButton>(OkrCheckInButton.ActionId)
            .AddBlockAction<OkrHistoryButton>(OkrHistoryButton.ActionId)
            .AddViewSubmission<WeekTargetsModal>(WeekTargetsModal.CallbackId)
            .AddBlockAction<SetNextPeriodButton>(SetNextPeriodButton.ActionId)
            // /kpi
            .AddSlashCommand<KpiCommand>(KpiCommand.Name)
            .AddViewSubmission<KpiModal>(KpiModal.CallbackId)
            .AddBlockAction<NewKpiButton>(NewKpiButton.ActionId)
            .AddBlockAction<EditKpiButton>(EditKpiButton.ActionId)
            // /icp
            .AddSlashCommand<IcpCommand>(IcpCommand.Name)
            .AddViewSubmission<IcpModal>(IcpModal.CallbackId)
            .AddBlockAction<EditIcpButton>(EditIcpButton.ActionId)
            // /growth
            .AddSlashCommand<GrowthCommand>(GrowthCommand.Name)
            .AddViewSubmission<SettingsModal>(SettingsModal.CallbackId)
            .AddBlockAction<OpenSettingsButton>(OpenSettingsButton.ActionId)
            .AddBlockOptions<TimeZoneOptions>(TimeZoneOptions.ActionId)
            .AddBlockOptions<UserGroupOptions>(UserGroupOptions.ActionId)
            .AddViewSubmission<PipelineModal>(PipelineModal.CallbackId)
            .AddBlockAction<PipelineCheckInButton>(PipelineCheckInButton.ActionId)
            // the weekly report's thread: sales rate lead quality
            .AddBlockAction<LeadQualityButton>(LeadQualityButton.ActionId)
            .AddBlockAction<LeadQualityReasonSelect>(LeadQualityReasonSelect.ActionId)
            .AddEvent<ReportThreadReplies>(ReportThreadReplies.EventType)
            // App Home
            .AddEvent<AppHomeOpenedEvent>(AppHomeOpenedEvent.EventType)
            .AddBlockAction<HomeNewExperimentButton>(HomeNewExperimentButton.ActionId)
            // @GrowthBot in a channel, and DMs to the bot: a short help
            .AddEvent<HelpReplies>(HelpReplies.MentionEvent)
            .AddEvent<HelpReplies>(HelpReplies.MessageEvent)
            // the workspace removed the app, or Slack revoked its token
            .AddEvent<AppUninstalledEvent>(AppUninstalledEvent.EventType)
            .AddEvent<TokensRevokedEvent>(TokensRevokedEvent.EventType);

        // What the handlers above share.
        // The Slack layer's apology and "unknown command" in the person's language instead of its English default.
        builder.Services.Replace(ServiceDescriptor.Singleton<IReplyTexts, LocalisedReplyTexts>());
        builder.Services.AddScoped<ModalOpener>();
        builder.Services.AddScoped<OkrChart>();
        builder.Services.AddScoped<ExperimentAccess>();
        builder.Services.AddScoped<TaskAccess>();
        builder.Services.AddScoped<TaskModalOpener>();
        builder.Services.AddScoped<ExportCsv>();
        builder.Services.AddScoped<GrowthExport>();
        builder.Services.AddScoped<GrowthReportCommand>();
        builder.Services.AddScoped<GrowthSettingsCommand>();
        builder.Services.AddScoped<GrowthPauseCommand>();
        builder.Services.AddScoped<GrowthLanguageCommand>();
        builder.Services.AddScoped<UserNotifier>();
        builder.Services.AddSingleton<TeamCharts>();
        builder.Services.AddScoped<PipelineAccess>();
        builder.Services.AddSingleton<WeeklyReportReader>();
        builder.Services.AddSingleton<WeeklyReportPoster>();
        builder.Services.AddSingleton<LeadQualityAsk>();
        builder.Services.AddScoped<HomeTab>();
        builder.Services.AddSingleton<HomeChart>();
        builder.Services.AddSingleton<HomePublisher>();
        builder.Services.AddSingleton<IChangeListener>(sp => sp.GetRequiredService<HomePublisher>());
        return builder;
    }
}
