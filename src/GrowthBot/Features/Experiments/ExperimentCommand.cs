using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Money;
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
    TeamSettingsService teamSettings,
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
            "spend" or "spent" => await Spend(command, line, cancellationToken),
            "results" => await Results(command, line, cancellationToken),
            "board" or "boards" => await Board(command, cancellationToken),
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
        var card = ExperimentMessages.Card(details, clock.Today(command.TeamId), teamSettings.For(command.TeamId).Currency, words, await access.CanChange(command.UserId, experiment, cancellationToken));
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

    private async Task<SlashCommandResponse> Spend(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var found = await RunningToRecord(command, line, ExperimentVerb.Spend, words, cancellationToken);
        if (found.Experiment is not { } experiment) return SlashCommandResponse.Ephemeral(found.Problem!);
        var typed = line.Arguments[line.FirstArgument.Length..].Trim();
        if (typed.Length == 0) return SlashCommandResponse.Ephemeral(words.Text(MoneyText.SpendUsage, ("id", experiment.ShortId)));
        var adding = typed.StartsWith('+');
        if (Amounts.Read(adding ? typed[1..] : typed, out var amount) is { } problem)
            return SlashCommandResponse.Ephemeral(words.Text(MoneyText.SpendExample, ("problem", words.Say(problem)), ("id", experiment.ShortId)));
        var total = adding ? experiment.Spent + amount : amount;
        if (total > Amounts.Max) return SlashCommandResponse.Ephemeral(words.Text(MoneyText.SpendTotalTooLarge));
        return await Record(command, experiment, total, experiment.Results, words, cancellationToken);
    }

    private async Task<SlashCommandResponse> Results(SlashCommand command, CommandLine line, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var found = await RunningToRecord(command, line, ExperimentVerb.Results, words, cancellationToken);
        if (found.Experiment is not { } experiment) return SlashCommandResponse.Ephemeral(found.Problem!);
        var typed = line.Arguments[line.FirstArgument.Length..].Trim();
        if (typed.Length == 0) return SlashCommandResponse.Ephemeral(words.Text(MoneyText.ResultsUsage, ("id", experiment.ShortId)));
        if (ResultCount.Read(typed, out var results) is { } problem)
            return SlashCommandResponse.Ephemeral(words.Text(MoneyText.ResultsExample, ("problem", words.Say(problem)), ("id", experiment.ShortId)));
        // Read gives no count only for empty text, which was answered above.
        if (results is null) return SlashCommandResponse.Ephemeral(words.Text(MoneyText.ResultsUsage, ("id", experiment.ShortId)));
        return await Record(command, experiment, experiment.Spent, results, words, cancellationToken);
    }

    /// <summary>The running experiment the command names, when the caller may record its numbers.</summary>
    private async Task<ExperimentLookup> RunningToRecord(SlashCommand command, CommandLine line, ExperimentVerb verb, Wording words, CancellationToken cancellationToken)
    {
        var found = await access.Find(command.TeamId, line.FirstArgument, verb, words, cancellationToken);
        if (found.Experiment is not { } experiment) return found;
        if (experiment.Status != ExperimentStatus.Running)
            return new(null, experiment.Status == ExperimentStatus.Concluded
                ? words.Text(MoneyText.RecordConcluded, ("id", experiment.ShortId))
                : words.Text(MoneyText.RecordNotRunning, ("id", experiment.ShortId)));
        if (await access.Refusal(command.UserId, experiment, verb, words, cancellationToken) is { } refusal) return new(null, refusal);
        return found;
    }

    private async Task<SlashCommandResponse> Record(SlashCommand command, Experiment experiment, decimal spent, int? results, Wording words, CancellationToken cancellationToken)
    {
        if (!await experiments.RecordSpend(command.TeamId, experiment.Id, spent, results, command.UserId, clock.UtcNow, cancellationToken))
            return SlashCommandResponse.Ephemeral(words.Text(MoneyText.RecordGone, ("id", experiment.ShortId)));
        return Reply(ExperimentMessages.SpendRecorded(experiment with { Spent = spent, Results = results }, teamSettings.For(command.TeamId).Currency, words));
    }

    private async Task<SlashCommandResponse> Board(SlashCommand command, CancellationToken cancellationToken)
    {
        var words = await readers.Person(command.TeamId, command.UserId, cancellationToken);
        var concluded = await experiments.List(command.TeamId, [ExperimentStatus.Concluded], cancellationToken);
        return Reply(ExperimentMessages.Board(ExperimentBoard.Of(concluded, clock.UtcNow), teamSettings.For(command.TeamId).Currency, words));
    }

    private static SlashCommandResponse Reply(Message message) => SlashCommandResponse.Ephemeral(message.Text, message.Blocks);

    /// <summary>A modal opened (nothing to say), or the reason it didn't.</summary>
    private static SlashCommandResponse Opened(string? problem) => SlashCommandResponse.EphemeralOrNone(problem);
}
