using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Learnings;

/// <summary><c>/learning</c>: log a learning (new) and search past learnings and concluded experiments (search).</summary>
public sealed class LearningCommand(ModalOpener opener, ExperimentStore experiments, LearningStore learnings) : ISlashCommandHandler
{
    public const string Name = "/learning";

    /// <summary>How many search results are shown; enough to scan, few enough to read.</summary>
    public const int SearchLimit = 10;

    public const string Usage = """
        *`/learning`* — what the team has learned
        • `/learning new` — log a learning about an experiment, the ICP (ideal customer), a channel or our process
        • `/learning search linkedin cmo` — search learnings and concluded experiments, best matches first
        • `/learning help` — this help
        """;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        return line.Subcommand switch
        {
            "new" or "add" or "log" => await New(command, cancellationToken),
            "search" or "find" => await Search(command, line.Arguments, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage),
            _ => SlashCommandResponse.Ephemeral($"I don't know `/learning {MrkdwnText.Escape(line.Subcommand)}`.\n\n{Usage}"),
        };
    }

    private async Task<SlashCommandResponse> New(SlashCommand command, CancellationToken cancellationToken)
    {
        // One quick read for the experiment choices, then open at once: the trigger expires 3 s after Slack sent it.
        var recent = (await experiments.All(command.TeamId, cancellationToken)).OrderByDescending(e => e.Number).ToList();
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, LogLearningModal.Build(recent, ModalOrigin.Of(command)), cancellationToken));
    }

    private async Task<SlashCommandResponse> Search(SlashCommand command, string words, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(words))
            return SlashCommandResponse.Ephemeral("What should I look for? For example `/learning search linkedin cmo`. I search learnings and concluded experiments.");
        var hits = await learnings.Search(command.TeamId, words, SearchLimit, cancellationToken);
        var results = new List<LearningMessages.Result>();
        foreach (var hit in hits)
        {
            // Results link back to their experiment: a concluded experiment is one; a learning may belong to one.
            if (hit.Source == SearchHit.ExperimentSource)
            {
                if (await experiments.FindById(command.TeamId, hit.SourceId, cancellationToken) is { } experiment)
                    results.Add(new LearningMessages.Result(hit, null, experiment));
            }
            else if (await learnings.Find(command.TeamId, hit.SourceId, cancellationToken) is { } learning)
            {
                Experiment? from = learning.ExperimentId is { } id ? await experiments.FindById(command.TeamId, id, cancellationToken) : null;
                results.Add(new LearningMessages.Result(hit, learning, from));
            }
        }
        var message = LearningMessages.SearchResults(words, results, Wording.English);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
