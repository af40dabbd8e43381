using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Features.Export;
using GrowthBot.Features.Pipeline;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth</c>: the weekly report (preview or post now), settings, the pipeline check-in, pausing nudges, the caller's language and the CSV export.</summary>
public sealed class GrowthCommand(
    GrowthReportCommand report, GrowthSettingsCommand settings, GrowthPauseCommand pause, GrowthLanguageCommand language, PipelineModal pipeline, SlackBackgroundWork background,
    TeamClock clock, Readers readers) : ISlashCommandHandler
{
    public const string Name = "/growth";

    /// <summary>What <c>{Name} help</c> shows: every subcommand with an example (<c>Resources/Help.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(HelpText.UsageGrowth, ("pause", GrowthPauseCommand.Example(today)));

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "report" => await report.Handle(command, line, cancellationToken),
            "settings" => await settings.Handle(command, cancellationToken),
            "pause" or "resume" => await pause.Handle(command, line, cancellationToken),
            "pipeline" => SlashCommandResponse.EphemeralOrNone(await pipeline.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken)),
            "language" or "lang" => await language.Handle(command, line, cancellationToken),
            "export" => await Export(command, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage(await Words(command, cancellationToken), clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, await Words(command, cancellationToken), clock.Today(command.TeamId), Usage)),
        };
    }

    /// <summary>Reading everything and uploading several files takes longer than Slack's 3 s: answer now, upload after the ack.</summary>
    private async Task<SlashCommandResponse> Export(SlashCommand command, CancellationToken cancellationToken)
    {
        var origin = ModalOrigin.Of(command);
        var words = await Words(command, cancellationToken);
        background.Run($"export for {command.UserId}", (services, ct) =>
            services.GetRequiredService<GrowthExport>().Send(command.TeamId, command.UserId, origin, words, ct));
        return SlashCommandResponse.Ephemeral(GrowthExport.Preparing(words));
    }

    private Task<Wording> Words(SlashCommand command, CancellationToken cancellationToken) => readers.Person(command.TeamId, command.UserId, cancellationToken);
}
