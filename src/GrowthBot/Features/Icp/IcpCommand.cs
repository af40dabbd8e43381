using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Icp;

/// <summary><c>/icp</c>: the team's ideal customer profile with its ICP learnings, newest first; <c>edit</c> opens the ICP modal (growth leads).</summary>
public sealed class IcpCommand(IcpModal modal, IcpStore profiles, LearningStore learnings, GrowthLeads leads) : ISlashCommandHandler
{
    public const string Name = "/icp";

    public const string Usage = """
        *`/icp`* — the ideal customer profile: who decides, buys and uses, which companies, where
        • `/icp` — the profile, with the ICP learnings under it, newest first
        • `/icp edit` — write or change it (growth leads)
        • `/icp help` — this help
        Log what you learn about customers with `/learning new`, kind ICP.
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "" or "show" => await Show(command, cancellationToken),
            "edit" or "set" => SlashCommandResponse.EphemeralOrNone(await modal.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/icp {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, CancellationToken cancellationToken)
    {
        var profile = await profiles.Get(command.TeamId, cancellationToken);
        var (latest, total) = await learnings.OfKind(command.TeamId, LearningKind.Icp, IcpMessages.LearningsShown, cancellationToken);
        var message = IcpMessages.Profile(profile, latest, total, await leads.IsLead(command.UserId, cancellationToken), Wording.English);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
