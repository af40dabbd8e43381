using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Features.Reports;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Growth;

/// <summary>
/// <c>/growth report</c> shows the caller the report that would go out now (the time since the team's previous
/// report); <c>/growth report now</c> posts exactly that.
/// </summary>
public sealed class GrowthReportCommand(WeeklyReportPoster poster, TeamSettingsService teamSettings, GrowthLeads leads, Readers readers, ISlackApi slack)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(command.TeamId);
        // The replies are the caller's alone, so in their language; the preview shows the report as the channel will read it.
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var argument = line.FirstArgument.ToLowerInvariant();
        if (argument is "now" or "post")
        {
            if (!await leads.IsLead(command.UserId, cancellationToken))
                return SlashCommandResponse.Ephemeral(WeeklyReportMessages.OnlyLeadsPost(leads.WhoCan(words), words));
            var outcome = await poster.PostNow(settings, cancellationToken);
            if (outcome.Error == "no_report_channel") return SlashCommandResponse.Ephemeral(words.Text(ReportText.NoReportChannel));
            if (outcome.Error == WeeklyReportPoster.BeingPosted) return SlashCommandResponse.Ephemeral(WeeklyReportMessages.BeingPosted(settings.ReportChannel, words));
            if (!outcome.Delivered) return SlashCommandResponse.Ephemeral(WeeklyReportMessages.NotPosted(settings.ReportChannel, outcome.Error, words));
            var link = outcome.Ts is { } ts ? await slack.Permalink(outcome.Channel!, ts, cancellationToken) : "";
            return SlashCommandResponse.Ephemeral(outcome.PostedNow
                ? WeeklyReportMessages.Posted(outcome.Channel!, link, words)
                : WeeklyReportMessages.JustPosted(outcome.Channel!, link, words));
        }
        if (argument.Length > 0) return SlashCommandResponse.Ephemeral(words.Text(ReportText.PreviewOrPost));

        var (report, message, context) = await poster.Preview(settings, cancellationToken);
        return SlashCommandResponse.Ephemeral(message.Text,
            [.. message.Blocks!.Take(BlockKitLimits.MessageBlocks - 1), new ContextBlock(WeeklyReportMessages.PreviewNote(report, context.SalesConfigured, words))]);
    }
}
