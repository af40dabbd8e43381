using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Icp;

/// <summary><c>/icp</c>: the team's ideal customer profile with its ICP learnings, newest first; <c>edit</c> opens the ICP modal (growth leads).</summary>
public sealed class IcpCommand(IcpModal modal, IcpStore profiles, LearningStore learnings, GrowthLeads leads, Readers readers, TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/icp";

    /// <summary>What <c>{Name} help</c> shows (<c>Resources/Icp.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(IcpText.Usage);

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        return line.Subcommand switch
        {
            "" or "show" => await Show(command, words, cancellationToken),
            "edit" or "set" => SlashCommandResponse.EphemeralOrNone(await modal.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage(words, clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, words, clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, Wording words, CancellationToken cancellationToken)
    {
        var profile = await profiles.Get(command.TeamId, cancellationToken);
        var (latest, total) = await learnings.OfKind(command.TeamId, LearningKind.Icp, IcpMessages.LearningsShown, cancellationToken);
        var message = IcpMessages.Profile(profile, latest, total, await leads.IsLead(command.UserId, cancellationToken), words);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
