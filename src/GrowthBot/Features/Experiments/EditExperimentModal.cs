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
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_edit";

    public static ModalView Build(Experiment experiment, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin) =>
        ExperimentForm.Build($"Edit {experiment.ShortId}", CallbackId, "Save changes", ExperimentDraft.Of(experiment), keyResults,
            origin with { Subject = experiment.ShortId });

    /// <summary>Opens the modal for the experiment <paramref name="id"/> names; null when it opened, otherwise what to tell the user.</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var found = await access.Find(teamId, id, "edit", cancellationToken);
        if (found.Experiment is not { } experiment) return found.Problem;
        if (experiment.Status == ExperimentStatus.Abandoned) return $"{experiment.ShortId} was abandoned; log it again with `/experiment new` instead.";
        if (await access.Refusal(userId, experiment, "edit", cancellationToken) is { } refusal) return refusal;
        var keyResults = await okrs.CurrentKeyResults(teamId, cancellationToken);
        // An experiment linked to a key result of an earlier objective keeps that link as a choice.
        if (experiment.KeyResultId is { } krId && keyResults.All(k => k.Id != krId) && await okrs.FindKeyResult(teamId, krId, cancellationToken) is { } old)
            keyResults = [.. keyResults, old];
        return await opener.Open(triggerId, Build(experiment, keyResults, origin), Wording.English, cancellationToken);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var found = await access.Find(submission.TeamId, origin.Subject, "edit", cancellationToken);
        string? problem = found.Problem;
        if (found.Experiment is { } current)
            problem = await access.Refusal(submission.UserId, current, "edit", cancellationToken);
        if (problem is not null)
        {
            Tell(submission, origin, new Message(problem));
            return ViewSubmissionResponse.Close;
        }

        var draft = ExperimentForm.Read(new ViewValues(submission.View.State));
        var errors = await ExperimentForm.Validate(draft, submission.TeamId, okrs, Wording.English, cancellationToken);
        if (errors.Count > 0) return ViewSubmissionResponse.WithErrors(errors);

        var edited = draft.ApplyTo(found.Experiment!);
        await experiments.Update(edited, clock.UtcNow, cancellationToken);
        Tell(submission, origin, ExperimentMessages.Edited(edited));
        return ViewSubmissionResponse.Close;
    }

    private void Tell(ViewSubmissionPayload submission, ModalOrigin origin, Message message) =>
        background.TellAfterAck("edit reply", submission.UserId, origin, message, Wording.English);
}
