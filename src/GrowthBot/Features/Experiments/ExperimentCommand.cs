using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary><c>/experiment</c>: log ideas (new), see the ranked backlog (list) and one experiment (show).</summary>
public sealed class ExperimentCommand(ISlackApi slack, ExperimentStore experiments, OkrStore okrs, TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/experiment";

    public const string Usage = """
        *`/experiment`* — the team's growth experiments
        • `/experiment new` — log an idea: hypothesis, funnel stage, ICE score
        • `/experiment list` — running experiments, then the backlog ranked by ICE
        • `/experiment show E3` — one experiment in detail
        • `/experiment help` — this help
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "new" or "add" => await New(command, cancellationToken),
            "list" or "ls" => await List(command, cancellationToken),
            "show" or "view" => await Show(command, line.FirstArgument, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/experiment {MrkdwnText.Escape(MrkdwnText.Truncate(line.Subcommand, 100))}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> New(SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.TriggerId is null) return SlashCommandResponse.Ephemeral("Slack sent no trigger to open the form with; please try again.");
        // The trigger expires 3 s after Slack sent it: one quick read for the key results, then open at once.
        var keyResults = await okrs.CurrentKeyResults(command.TeamId, cancellationToken);
        var view = NewExperimentModal.Build(command.UserId, clock.Today, keyResults, new ModalOrigin(command.ChannelId, command.ResponseUrl));
        await slack.OpenView(command.TriggerId, view, cancellationToken);
        return SlashCommandResponse.None;
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, CancellationToken cancellationToken)
    {
        var open = await experiments.List(command.TeamId, [ExperimentStatus.Running, ExperimentStatus.Backlog], cancellationToken);
        var message = ExperimentMessages.List(open);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        if (id.Length == 0) return SlashCommandResponse.Ephemeral("Which experiment? For example `/experiment show E3`. `/experiment list` shows their ids.");
        if (!ShortId.TryParse(id, ShortId.Experiment, out var number))
            return SlashCommandResponse.Ephemeral($"`{MrkdwnText.Escape(MrkdwnText.Truncate(id, 100))}` is not an experiment id. They look like `E3`; `/experiment list` shows them.");
        var experiment = await experiments.Find(command.TeamId, number, cancellationToken);
        if (experiment is null)
            return SlashCommandResponse.Ephemeral($"There is no experiment {ShortId.Format(ShortId.Experiment, number)} in this workspace. `/experiment list` shows them all.");
        var card = ExperimentMessages.Card(experiment);
        return SlashCommandResponse.Ephemeral(card.Text, card.Blocks);
    }
}
