using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Learnings;

/// <summary><c>/learning</c>: log a learning (new) and search past learnings and concluded experiments (search).</summary>
public sealed class LearningCommand(ModalOpener opener, ExperimentStore experiments, LearningStore learnings, Readers readers, TeamClock clock) : ISlashCommandHandler
{
    public const string Name = "/learning";

    /// <summary>What <c>{Name} help</c> shows: every subcommand with an example (<c>Resources/Help.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(HelpText.UsageLearning);

    /// <summary>How many search results are shown; enough to scan, few enough to read.</summary>
    public const int SearchLimit = 10;

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        return line.Subcommand switch
        {
            "new" or "add" or "log" => await New(command, words, cancellationToken),
            "search" or "find" => await Search(command, line.Arguments, words, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage(words, clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, words, clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> New(SlashCommand command, Wording words, CancellationToken cancellationToken)
    {
        // One quick read for the experiment choices, then open at once: the trigger expires 3 s after Slack sent it.
        var recent = (await experiments.All(command.TeamId, cancellationToken)).OrderByDescending(e => e.Number).ToList();
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, LogLearningModal.Build(recent, ModalOrigin.Of(command), words), words, cancellationToken));
    }

    private async Task<SlashCommandResponse> Search(SlashCommand command, string query, Wording words, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query)) return SlashCommandResponse.Ephemeral(words.Text(LearningText.SearchWhat));
        var hits = await learnings.Search(command.TeamId, query, SearchLimit, cancellationToken);
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
        var message = LearningMessages.SearchResults(query, results, words);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }
}
