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
/// The New experiment modal: the user logs an idea and gets its ICE score, with the formula, and the similar
/// experiments tested before ("tested before?") with their outcomes.
/// </summary>
public sealed class NewExperimentModal(
    ExperimentStore experiments,
    OkrStore okrs,
    TeamClock clock,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_new";

    /// <summary>
    /// Opens the modal for <paramref name="userId"/> (<c>/experiment new</c> and the App Home's New experiment button);
    /// null when it opened, otherwise what to tell the user.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        // The trigger expires 3 s after Slack sent it: one quick read for the key results, then open at once.
        var keyResults = await okrs.CurrentKeyResults(teamId, cancellationToken);
        var words = await readers.Person(teamId, userId, cancellationToken);
        return await opener.Open(triggerId, Build(userId, clock.Today(teamId), keyResults, origin, words), words, cancellationToken);
    }

    /// <summary>Builds the modal, pre-filled with the caller as owner and a one-week run from today.</summary>
    public static ModalView Build(string userId, DateOnly today, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin, Wording words) =>
        Build(new ExperimentDraft { OwnerId = userId, StartDate = today, EndDate = today.AddDays(ExperimentLifecycle.DefaultRunDays) }, keyResults, origin, words);

    /// <summary>The modal showing <paramref name="draft"/>, e.g. again with a new default for the leads box.</summary>
    public static ModalView Build(ExperimentDraft draft, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin, Wording words,
        string leadsBlock = ExperimentForm.Blocks.BringsLeads) =>
        ExperimentForm.Build(words.Text(ExperimentText.NewTitle), CallbackId, words.Text(CommonText.Save), draft, keyResults, origin, words, leadsBlock);

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var draft = ExperimentForm.Read(new ViewValues(submission.View.State));
        var said = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var errors = await ExperimentForm.Validate(draft, submission.TeamId, okrs, cancellationToken);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(said.Errors(errors));

        var experiment = await experiments.Add(draft.ToExperiment(submission.TeamId, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.Run($"confirm {experiment.ShortId}", async (services, ct) =>
        {
            // After the ack, and only against the few indexed candidates that share its rarer words, so a long history
            // slows neither the modal nor the acknowledgements of everyone else's requests.
            var (candidates, rarity) = await experiments.SimilarCandidates(experiment.TeamId, experiment.Id, ExperimentSimilarity.Stems(experiment),
                cancellationToken: ct);
            var similar = ExperimentSimilarity.FindSimilar(experiment, candidates, rarity);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, ExperimentMessages.Created(experiment, said, similar), said, ct);
        });
        return ViewSubmissionResponse.Close;
    }
}
