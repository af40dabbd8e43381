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
public sealed class KpiCommand(KpiModal modal, KpiStore kpis, OkrStore okrs, GrowthLeads leads, Readers readers, TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/kpi";

    /// <summary>What <c>{Name} help</c> shows (<c>Resources/Kpis.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(KpiText.Usage);

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        return line.Subcommand switch
        {
            "" or "list" => await List(command, words, cancellationToken),
            "new" or "add" => SlashCommandResponse.EphemeralOrNone(
                await modal.Open(command.TeamId, command.UserId, command.TriggerId, null, ModalOrigin.Of(command), cancellationToken)),
            "edit" when line.FirstArgument.Length == 0 => SlashCommandResponse.Ephemeral(words.Text(KpiText.EditWhich)),
            "edit" => SlashCommandResponse.EphemeralOrNone(
                await modal.Open(command.TeamId, command.UserId, command.TriggerId, line.FirstArgument, ModalOrigin.Of(command), cancellationToken)),
            "help" => SlashCommandResponse.Ephemeral(Usage(words, clock.Today(command.TeamId))),
            var id when ShortId.TryParse(id, ShortId.Kpi, out _) || ShortId.TryParse(id, ShortId.KeyResult, out _) => await One(command, id, words, cancellationToken),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, words, clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, Wording words, CancellationToken cancellationToken)
    {
        var all = await kpis.All(command.TeamId, cancellationToken);
        var current = await okrs.Current(command.TeamId, cancellationToken);
        var message = KpiMessages.List(all, current?.KeyResults ?? [], await leads.IsLead(command.UserId, cancellationToken), words);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> One(SlashCommand command, string id, Wording words, CancellationToken cancellationToken)
    {
        var found = await modal.Find(command.TeamId, id, words, cancellationToken);
        if (found.Kpi is not { } kpi) return SlashCommandResponse.Ephemeral(found.Problem!);
        var current = await okrs.Current(command.TeamId, cancellationToken);
        var message = KpiMessages.One(kpi, current?.KeyResults ?? [], await leads.IsLead(command.UserId, cancellationToken), words);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
