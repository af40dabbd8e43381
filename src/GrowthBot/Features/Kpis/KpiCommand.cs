using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Kpis;

/// <summary>
/// <c>/kpi</c>: the team's KPI definitions (anyone); <c>/kpi K3</c> one of them; <c>new</c> and <c>edit K3</c> open the KPI
/// modal (growth leads).
/// </summary>
public sealed class KpiCommand(KpiModal modal, KpiStore kpis, OkrStore okrs, GrowthLeads leads) : ISlashCommandHandler
{
    public const string Name = "/kpi";

    public const string Usage = """
        *`/kpi`* — KPI definitions: what counts as a lead, a deal, churn, so the whole team counts the same way
        • `/kpi` — the team's KPIs: what counts, how it is measured, owner, unit, which way is better
        • `/kpi K3` — one KPI
        • `/kpi new` — define a KPI (growth leads)
        • `/kpi edit K3` — change one (growth leads)
        • `/kpi help` — this help
        A key result links a KPI in `/okr set` and counts in its unit.
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "" or "list" => await List(command, cancellationToken),
            "new" or "add" => SlashCommandResponse.EphemeralOrNone(
                await modal.Open(command.TeamId, command.UserId, command.TriggerId, null, ModalOrigin.Of(command), cancellationToken)),
            "edit" when line.FirstArgument.Length == 0 => SlashCommandResponse.Ephemeral("Which KPI? For example `/kpi edit K3`; `/kpi` lists them."),
            "edit" => SlashCommandResponse.EphemeralOrNone(
                await modal.Open(command.TeamId, command.UserId, command.TriggerId, line.FirstArgument, ModalOrigin.Of(command), cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage),
            var id when ShortId.TryParse(id, ShortId.Kpi, out _) || ShortId.TryParse(id, ShortId.KeyResult, out _) => await One(command, id, cancellationToken),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/kpi {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 40))}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, CancellationToken cancellationToken)
    {
        var all = await kpis.All(command.TeamId, cancellationToken);
        var current = await okrs.Current(command.TeamId, cancellationToken);
        var message = KpiMessages.List(all, current?.KeyResults ?? [], await leads.IsLead(command.UserId, cancellationToken), Wording.English);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> One(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        var found = await modal.Find(command.TeamId, id, cancellationToken);
        if (found.Kpi is not { } kpi) return SlashCommandResponse.Ephemeral(found.Problem!);
        var current = await okrs.Current(command.TeamId, cancellationToken);
        var message = KpiMessages.One(kpi, current?.KeyResults ?? [], await leads.IsLead(command.UserId, cancellationToken), Wording.English);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
