using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// <c>/okr</c>: shows the North Star and key-result progress; <c>set</c> (growth leads) and <c>update</c> (check-in) open their
/// modals; <c>history K2</c> shows a key result's past check-ins.
/// </summary>
public sealed class OkrCommand(
    ModalOpener opener, CheckInModal checkIn, OkrHistoryButton history, OkrStore okrs, GrowthLeads leads, TeamSettingsService teamSettings, Readers readers,
    TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/okr";

    /// <summary>What <c>{Name} help</c> shows: every subcommand with an example (<c>Resources/Help.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(HelpText.UsageOkr);

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "" or "show" => await Show(command, cancellationToken),
            "set" => await Set(command, cancellationToken),
            "update" or "checkin" or "check-in" => await Update(command, line.FirstArgument, cancellationToken),
            "history" => Reply(await history.Show(command.TeamId, command.UserId, line.FirstArgument, cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage(await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, CancellationToken cancellationToken)
    {
        var message = OkrMessages.Overview(await okrs.Current(command.TeamId, cancellationToken), teamSettings.For(command.TeamId),
            await readers.Person(command.TeamId, command.UserId, cancellationToken));
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private static SlashCommandResponse Reply(Message message) => SlashCommandResponse.Ephemeral(message.Text, message.Blocks);

    private async Task<SlashCommandResponse> Set(SlashCommand command, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral(words.Text(OkrText.SetIsForLeads, ("whoCan", leads.WhoCan(words))));
        var current = await okrs.Current(command.TeamId, cancellationToken);
        return SlashCommandResponse.EphemeralOrNone(
            await opener.Open(command.TriggerId, SetOkrModal.Build(command.UserId, current, ModalOrigin.Of(command), words), words, cancellationToken));
    }

    private async Task<SlashCommandResponse> Update(SlashCommand command, string keyResultId, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(
            await checkIn.Open(command.TeamId, command.UserId, command.TriggerId, keyResultId, ModalOrigin.Of(command), cancellationToken));
}
