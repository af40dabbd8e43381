using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// The New experiment modal: the user logs an idea and gets its ICE score, with the formula, and the similar
/// experiments tested before ("tested before?") with their outcomes.
/// </summary>
public sealed class NewExperimentModal(
    ExperimentStore experiments,
    OkrStore okrs,
    TeamClock clock,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_new";

    /// <summary>Builds the modal, pre-filled with the caller as owner and a one-week run from today.</summary>
    public static ModalView Build(string userId, DateOnly today, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin) =>
        ExperimentForm.Build("New experiment", CallbackId, "Save",
            new ExperimentDraft { OwnerId = userId, StartDate = today, EndDate = today.AddDays(ExperimentLifecycle.DefaultRunDays) },
            keyResults, origin);

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var draft = ExperimentForm.Read(new ViewValues(submission.View.State));
        var errors = await ExperimentForm.Validate(draft, submission.TeamId, okrs, cancellationToken);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var experiment = await experiments.Add(draft.ToExperiment(submission.TeamId, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.Run($"confirm {experiment.ShortId}", async (services, ct) =>
        {
            // Comparing with every past experiment is done after the ack, so a long history never slows the modal.
            var similar = ExperimentSimilarity.FindSimilar(experiment, await experiments.All(experiment.TeamId, ct));
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, ExperimentMessages.Created(experiment, similar), ct);
        });
        return ViewSubmissionResponse.Close;
    }
}
