using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Features.Reports;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth report</c> shows the caller this week's report; <c>/growth report now</c> posts it (once per week).</summary>
public sealed class GrowthReportCommand(WeeklyReportPoster poster, WeeklyReportReader reader, TeamSettingsService teamSettings, GrowthLeads leads, ISlackApi slack, TimeProvider time)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(command.TeamId);
        var argument = line.FirstArgument.ToLowerInvariant();
        if (argument is "now" or "post")
        {
            if (!await leads.IsLead(command.UserId, cancellationToken))
                return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan(Wording.English)} can post the report. `/growth report` shows you a preview.");
            var outcome = await poster.Post(settings, cancellationToken);
            if (outcome.Error == "no_report_channel")
                return SlashCommandResponse.Ephemeral("There is no report channel yet: choose one with `/growth settings`.");
            if (!outcome.Delivered)
                return SlashCommandResponse.Ephemeral($"I couldn't post the report to {MrkdwnText.Channel(settings.ReportChannel)} (`{outcome.Error ?? "busy"}`). " +
                    "If I'm not in that channel, `/invite @GrowthBot` there; I keep trying meanwhile.");
            var link = outcome.Ts is { } ts ? await slack.Permalink(outcome.Channel!, ts, cancellationToken) : "";
            return SlashCommandResponse.Ephemeral(outcome.PostedNow
                ? $"Posted this week's report to {MrkdwnText.Channel(outcome.Channel!)}. {link}"
                : $"This week's report was already posted to {MrkdwnText.Channel(outcome.Channel!)}: {link}");
        }
        if (argument.Length > 0) return SlashCommandResponse.Ephemeral("`/growth report` previews the report; `/growth report now` posts it.");

        var report = await reader.Build(command.TeamId, settings.Zone, time.GetUtcNow(), cancellationToken);
        var words = Wording.English;
        var message = WeeklyReportMessages.Report(report, settings.OkrProgressInReport, words);
        var thread = $"Preview: only you see this. In its thread: details of {words.Count(report.Concluded.Count, Counted.ConcludedExperiment)}" +
                     (report.AskAbout.Count > 0 ? $" and the lead-quality question about {string.Join(", ", report.AskAbout.Select(e => e.ShortId))}." : ".");
        return SlashCommandResponse.Ephemeral(message.Text, [.. message.Blocks!.Take(BlockKitLimits.MessageBlocks - 1), new ContextBlock(thread)]);
    }
}
