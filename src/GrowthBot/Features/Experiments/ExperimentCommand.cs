using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// <c>/experiment</c>: log ideas (new), see the ranked backlog (list) and one experiment (show), and move them
/// along: start, conclude, edit, abandon.
/// </summary>
public sealed class ExperimentCommand(
    ExperimentStore experiments,
    OkrStore okrs,
    TaskStore tasks,
    LearningStore learnings,
    FeedbackStore feedback,
    ExperimentAccess access,
    StartExperimentButton starter,
    NewExperimentModal creator,
    ConcludeExperimentModal concluder,
    EditExperimentModal editor,
    TeamClock clock,
    Readers readers) : ISlashCommandHandler
{
    public const string Name = "/experiment";

    /// <summary>What <c>{Name} help</c> shows: every subcommand with an example (<c>Resources/Help.resx</c>).</summary>
    public static string Usage(Wording words, DateOnly today) => words.Text(HelpText.UsageExperiment);

    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        var line = CommandLine.Parse(command.Text);
        var origin = ModalOrigin.Of(command);
        return line.Subcommand switch
        {
            "new" or "add" => Opened(await creator.Open(command.TeamId, command.UserId, command.TriggerId, origin, cancellationToken)),
            "list" or "ls" => await List(command, cancellationToken),
            "show" or "view" => await Show(command, line.FirstArgument, cancellationToken),
            "start" => Reply(await starter.Start(command.TeamId, command.UserId, line.FirstArgument, cancellationToken)),
            "conclude" or "close" => Opened(await concluder.Open(command.TeamId, command.UserId, command.TriggerId, line.FirstArgument, origin, cancellationToken)),
            "edit" => Opened(await editor.Open(command.TeamId, command.UserId, command.TriggerId, line.FirstArgument, origin, cancellationToken)),
            "abandon" or "drop" => await Abandon(command, line.FirstArgument, cancellationToken),
            "" or "help" => SlashCommandResponse.Ephemeral(Usage(await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId))),
            _ => SlashCommandResponse.Ephemeral(CommandLine.Unknown(Name, line.Subcommand, await readers.Person(command.TeamId, command.UserId, cancellationToken), clock.Today(command.TeamId), Usage)),
        };
    }

    private async Task<SlashCommandResponse> List(SlashCommand command, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var open = await experiments.List(command.TeamId, [ExperimentStatus.Running, ExperimentStatus.Backlog], cancellationToken);
        var message = ExperimentMessages.List(open, clock.Today(command.TeamId), words);
        return SlashCommandResponse.Ephemeral(message.Text, message.Blocks);
    }

    private async Task<SlashCommandResponse> Show(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var found = await access.Find(command.TeamId, id, ExperimentVerb.Show, words, cancellationToken);
        if (found.Experiment is not { } experiment) return SlashCommandResponse.Ephemeral(found.Problem!);
        var experimentTasks = await tasks.ForExperiment(experiment.TeamId, experiment.Id, cancellationToken);
        // The card shows the latest few reasons; the count comes from the tasks themselves.
        var postponements = await tasks.PostponementsForExperiment(experiment.TeamId, experiment.Id, ExperimentMessages.CardListLimit, cancellationToken);
        var keyResult = experiment.KeyResultId is { } krId ? await okrs.KeyResultById(command.TeamId, krId, cancellationToken) : null;
        var details = new ExperimentDetails(experiment, experimentTasks, postponements, await learnings.ForExperiment(experiment.TeamId, experiment.Id, cancellationToken),
            await feedback.ForExperiment(experiment.TeamId, experiment.Id, cancellationToken), keyResult);
        var card = ExperimentMessages.Card(details, clock.Today(command.TeamId), words, await access.CanChange(command.UserId, experiment, cancellationToken));
        return SlashCommandResponse.Ephemeral(card.Text, card.Blocks);
    }

    private async Task<SlashCommandResponse> Abandon(SlashCommand command, string id, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var found = await access.Find(command.TeamId, id, ExperimentVerb.Abandon, words, cancellationToken);
        if (found.Experiment is not { } experiment) return SlashCommandResponse.Ephemeral(found.Problem!);
        if (ExperimentLifecycle.WhyNotAbandon(experiment) is { } notNow) return SlashCommandResponse.Ephemeral(words.Say(notNow));
        if (await access.Refusal(command.UserId, experiment, ExperimentVerb.Abandon, words, cancellationToken) is { } refusal) return SlashCommandResponse.Ephemeral(refusal);
        if (!await experiments.Abandon(experiment.TeamId, experiment.Id, clock.UtcNow, cancellationToken))
            return SlashCommandResponse.Ephemeral(words.Text(ExperimentText.AbandonedMeanwhile, ("id", experiment.ShortId)));
        return Reply(ExperimentMessages.Abandoned(experiment, words));
    }

    private static SlashCommandResponse Reply(Message message) => SlashCommandResponse.Ephemeral(message.Text, message.Blocks);

    /// <summary>A modal opened (nothing to say), or the reason it didn't.</summary>
    private static SlashCommandResponse Opened(string? problem) => SlashCommandResponse.EphemeralOrNone(problem);
}
