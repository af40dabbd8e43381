using GrowthBot.Features.Common;
using GrowthBot.Features.Export;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth</c>: team-wide tools; <c>export</c> sends the caller CSV files of everything the team recorded.</summary>
public sealed class GrowthCommand(SlackBackgroundWork background) : ISlashCommandHandler
{
    public const string Name = "/growth";

    public const string Usage = """
        *`/growth`* — the team's growth loop as a whole
        • `/growth export` — CSV files of experiments, tasks (with blockers and postponements), learnings and check-ins, sent to your DM
        • `/growth help` — this help
        """;

    public Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return Task.FromResult(line.Subcommand switch
        {
            "export" => Export(command),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/growth {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        });
    }

    /// <summary>Reading everything and uploading several files takes longer than Slack's 3 s: answer now, upload after the ack.</summary>
    private SlashCommandResponse Export(SlashCommand command)
    {
        var origin = new ModalOrigin(command.ChannelId, command.ResponseUrl);
        background.Run($"export for {command.UserId}", (services, ct) =>
            services.GetRequiredService<GrowthExport>().Send(command.TeamId, command.UserId, origin, ct));
        return SlashCommandResponse.Ephemeral(GrowthExport.Preparing);
    }
}
