using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Features.Export;
using GrowthBot.Features.Pipeline;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth</c>: the weekly report (preview or post now), settings, the pipeline check-in, pausing nudges and the CSV export.</summary>
public sealed class GrowthCommand(
    GrowthReportCommand report, GrowthSettingsCommand settings, GrowthPauseCommand pause, PipelineModal pipeline, SlackBackgroundWork background, TeamClock clock)
    : ISlashCommandHandler
{
    public const string Name = "/growth";

    /// <summary>The help text; its pause example is a date two weeks after <paramref name="today"/>.</summary>
    public static string Usage(DateOnly today) => $"""
        *`/growth`* — the team's weekly rhythm
        • `/growth report` — preview the report that would go out now, about the time since the last one (only you see it)
        • `/growth report now` — post it to the report channel now (growth leads)
        • `/growth settings` — report channel, day, time and time zone, working days and nudge hour, who rates lead quality, nudges, currency
        • `/growth pipeline` — check in the sales pipeline: open opportunities, average deal size, win rate, sales-cycle days (sales and growth leads)
        • `{GrowthPauseCommand.Example(today)}` — no nudges or check-in DMs for you until that date; `/growth resume` ends it
        • `/growth export` — CSV files of experiments (with budget, spend and results), spend, tasks (with blockers and postponements), learnings, check-ins and the pipeline, sent to your DM
        • `/growth help` — this help
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var usage = Usage(clock.Today(command.TeamId));
        return line.Subcommand switch
        {
            "report" => await report.Handle(command, line, cancellationToken),
            "settings" => await settings.Handle(command, cancellationToken),
            "pause" or "resume" => await pause.Handle(command, line, cancellationToken),
            "pipeline" => SlashCommandResponse.EphemeralOrNone(await pipeline.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken)),
            "export" => Export(command),
            "" or "help" => SlashCommandResponse.Ephemeral(usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/growth {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{usage}"),
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
