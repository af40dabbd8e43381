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
/// The Edit experiment modal (<c>/experiment edit E3</c>): the New experiment form pre-filled; its creator, owner or
/// a growth lead saves changes and sees the updated ICE score.
/// </summary>
public sealed class EditExperimentModal(
    ModalOpener opener,
    ExperimentStore experiments,
    ExperimentAccess access,
    OkrStore okrs,
    TeamClock clock,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_edit";

    public static ModalView Build(Experiment experiment, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin, Wording words) =>
        Build(experiment.ShortId, ExperimentDraft.Of(experiment), keyResults, origin with { Subject = experiment.ShortId }, words);

    /// <summary>The modal of the experiment <paramref name="shortId"/> showing <paramref name="draft"/> (its origin names the experiment).</summary>
    public static ModalView Build(string shortId, ExperimentDraft draft, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin, Wording words,
        string leadsBlock = ExperimentForm.Blocks.BringsLeads) =>
        ExperimentForm.Build(words.Text(ExperimentText.EditTitle, ("id", shortId)), CallbackId, words.Text(ExperimentText.EditSubmit), draft, keyResults, origin, words, leadsBlock);

    /// <summary>Opens the modal for the experiment <paramref name="id"/> names; null when it opened, otherwise what to tell the user.</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var found = await access.Find(teamId, id, ExperimentVerb.Edit, words, cancellationToken);
        if (found.Experiment is not { } experiment) return found.Problem;
        if (experiment.Status == ExperimentStatus.Abandoned) return words.Text(ExperimentText.EditAbandoned, ("id", experiment.ShortId));
        if (await access.Refusal(userId, experiment, ExperimentVerb.Edit, words, cancellationToken) is { } refusal) return refusal;
        var keyResults = await ExperimentForm.KeyResults(okrs, teamId, experiment.KeyResultId, cancellationToken);
        return await opener.Open(triggerId, Build(experiment, keyResults, origin, words), words, cancellationToken);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var found = await access.Find(submission.TeamId, origin.Subject, ExperimentVerb.Edit, words, cancellationToken);
        string? problem = found.Problem;
        if (found.Experiment is { } current)
            problem = await access.Refusal(submission.UserId, current, ExperimentVerb.Edit, words, cancellationToken);
        if (problem is not null)
        {
            Tell(submission, origin, new Message(problem), words);
            return ViewSubmissionResponse.Close;
        }

        var draft = ExperimentForm.Read(new ViewValues(submission.View.State));
        var errors = await ExperimentForm.Validate(draft, submission.TeamId, okrs, cancellationToken);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var edited = draft.ApplyTo(found.Experiment!);
        await experiments.Update(edited, clock.UtcNow, cancellationToken);
        Tell(submission, origin, ExperimentMessages.Edited(edited, words), words);
        return ViewSubmissionResponse.Close;
    }

    private void Tell(ViewSubmissionPayload submission, ModalOrigin origin, Message message, Wording words) =>
        background.TellAfterAck("edit reply", submission.UserId, origin, message, words);
}
