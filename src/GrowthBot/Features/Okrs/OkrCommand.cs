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
    TeamClock clock, TeamSettingsService teamSettings) : ISlashCommandHandler
{
    public const string Name = "/okr";

    public const string Usage = """
        *`/okr`* — the North Star objective and its key results
        • `/okr` — progress of each key result: this week against its target, the period against its goal
        • `/okr set` — set the objective, its period and up to 5 key results, each counting a KPI (growth leads)
        • `/okr update` — check in a new number for a key result
        • `/okr week` — set this week's targets (owners for theirs, growth leads for all; empty = what is left ÷ weeks left)
        • `/okr history KR2` — its last check-ins: value, confidence, note, who and when
        • `/okr chart KR2` — its trend as a chart: the check-ins against the line from baseline to target
        • `/okr help` — this help
        """;

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
            "chart" or "trend" => Reply(await chart.Command(command.TeamId, command.ResponseUrl, line.FirstArgument, cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/okr {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, CancellationToken cancellationToken)
    {
        var teamId = command.TeamId;
        var current = await okrs.Current(teamId, cancellationToken);
        var message = OkrMessages.Overview(current, await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken),
            await kpis.All(teamId, cancellationToken), teamSettings.For(teamId), Wording.English, await leads.IsLead(command.UserId, cancellationToken));
        chart.AfterOverview(teamId, current, command.ResponseUrl);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private static SlashCommandResponse Reply(Message message) => SlashCommandResponse.Ephemeral(message.Text, message.Blocks);

    private async Task<SlashCommandResponse> Update(SlashCommand command, string keyResultId, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(
            await checkIn.Open(command.TeamId, command.UserId, command.TriggerId, keyResultId, ModalOrigin.Of(command), cancellationToken));
}
