using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// Start (on a backlog experiment's card) and <c>/experiment start E3</c>: the idea is running from today, and the
/// user sees until when.
/// </summary>
public sealed class StartExperimentButton(ExperimentStore experiments, ExperimentAccess access, TeamClock clock, Readers readers) : IBlockActionHandler
{
    public const string ActionId = "experiment_start";

    /// <summary>The Start button for <paramref name="e"/>; its action id carries the short id, so many can share a block.</summary>
    public static Button For(Experiment e, Wording words) => new(words.Text(ExperimentText.ButtonStart), $"{ActionId}:{e.ShortId}", e.ShortId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var message = await Start(request.TeamId, request.UserId, request.Argument, cancellationToken);
        return ActionResponse.Ephemeral(message.Text, message.Blocks);
    }

    /// <summary>Starts the experiment <paramref name="id"/> names, or says why it can't be.</summary>
    public async Task<Message> Start(string teamId, string userId, string? id, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var found = await access.Find(teamId, id, ExperimentVerb.Start, words, cancellationToken);
        if (found.Experiment is not { } experiment) return new Message(found.Problem!);
        if (ExperimentLifecycle.WhyNotStart(experiment) is { } notNow) return new Message(words.Say(notNow, clock.Today(teamId)));
        if (await access.Refusal(userId, experiment, ExperimentVerb.Start, words, cancellationToken) is { } refusal) return new Message(refusal);

        var (start, end) = ExperimentLifecycle.RunDates(clock.Today(teamId), experiment.StartDate, experiment.EndDate);
        // The store only starts backlog ideas, so two people clicking Start at once start it once.
        if (!await experiments.Start(experiment.TeamId, experiment.Id, start, end, clock.UtcNow, cancellationToken))
            return new Message(words.Text(ExperimentText.StartedMeanwhile, ("id", experiment.ShortId)));
        return ExperimentMessages.Started(experiment with { Status = ExperimentStatus.Running, StartDate = start, EndDate = end }, words);
    }
}
