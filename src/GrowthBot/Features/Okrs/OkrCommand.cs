using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// <c>/okr</c>: shows the North Star, its period and each key result's week against it, then the North Star's trend as a
/// picture; <c>set</c> (growth leads), <c>update</c> (check-in) and <c>week</c> (this week's targets) open their modals;
/// <c>history KR2</c> shows a key result's past check-ins and <c>chart KR2</c> its trend.
/// </summary>
public sealed class OkrCommand(
    SetOkrModal setOkr, CheckInModal checkIn, WeekTargetsModal week, OkrHistoryButton history, OkrChart chart, OkrStore okrs, KpiStore kpis, GrowthLeads leads,
    TeamSettingsService teamSettings, Readers readers, TeamClock clock) : ISlashCommandHandler
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
            "set" => SlashCommandResponse.EphemeralOrNone(
                await setOkr.Open(command.TeamId, command.UserId, command.TriggerId, next: false, ModalOrigin.Of(command), cancellationToken)),
            "week" or "weekly" => SlashCommandResponse.EphemeralOrNone(
                await week.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken)),
            "update" or "checkin" or "check-in" => await Update(command, line.FirstArgument, cancellationToken),
            "history" => Reply(await history.Show(command.TeamId, command.UserId, line.FirstArgument, cancellationToken)),
            "chart" or "trend" => Reply(await chart.Command(command.TeamId, command.UserId, command.ResponseUrl, line.FirstArgument, cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage(await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, CancellationToken cancellationToken)
    {
        var teamId = command.TeamId;
        var current = await okrs.Current(teamId, cancellationToken);
        var message = OkrMessages.Overview(current, await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken),
            await kpis.All(teamId, cancellationToken), teamSettings.For(teamId), await readers.Person(teamId, command.UserId, cancellationToken), await leads.IsLead(command.UserId, cancellationToken));
        chart.AfterOverview(teamId, command.UserId, current, command.ResponseUrl);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private static SlashCommandResponse Reply(Message message) => SlashCommandResponse.Ephemeral(message.Text, message.Blocks);

    private async Task<SlashCommandResponse> Update(SlashCommand command, string keyResultId, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(
            await checkIn.Open(command.TeamId, command.UserId, command.TriggerId, keyResultId, ModalOrigin.Of(command), cancellationToken));
}
