using GrowthBot.Features.Common;
using GrowthBot.Features.Export;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth</c>: the weekly report (preview or post now), settings, pausing nudges and the CSV export.</summary>
public sealed class GrowthCommand(
    GrowthReportCommand report, GrowthSettingsCommand settings, GrowthPauseCommand pause, SlackBackgroundWork background) : ISlashCommandHandler
{
    public const string Name = "/growth";

    public const string Usage = """
        *`/growth`* — the team's weekly rhythm
        • `/growth report` — preview this week's report (only you see it)
        • `/growth report now` — post it to the report channel now (growth leads)
        • `/growth settings` — report channel, day, time and time zone, who rates lead quality, nudges
        • `/growth pause 2026-12-24` — no nudges or check-in DMs for you until that date; `/growth resume` ends it
        • `/growth export` — CSV files of experiments, tasks (with blockers and postponements), learnings and check-ins, sent to your DM
        • `/growth help` — this help
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "report" => await report.Handle(command, line, cancellationToken),
            "settings" => await settings.Handle(command, cancellationToken),
            "pause" or "resume" => await pause.Handle(command, line, cancellationToken),
            "export" => Export(command),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/growth {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        };
    }

    /// <summary>Reading everything and uploading several files takes longer than Slack's 3 s: answer now, upload after the ack.</summary>
    private SlashCommandResponse Export(SlashCommand command)
    {
        var origin = ModalOrigin.Of(command);
        background.Run($"export for {command.UserId}", (services, ct) =>
            services.GetRequiredService<GrowthExport>().Send(command.TeamId, command.UserId, origin, ct));
        return SlashCommandResponse.Ephemeral(GrowthExport.Preparing);
    }
}
