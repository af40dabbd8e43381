using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// The Conclude experiment modal: the owner records outcome, measured result, learning and decision (and, when
/// the experiment moves a key result, its new value); the user sees the conclusion and the learning's id.
/// </summary>
public sealed class ConcludeExperimentModal(
    ModalOpener opener,
    ExperimentStore experiments,
    ExperimentAccess access,
    OkrStore okrs,
    TeamClock clock,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_conclude";

    /// <summary>Block ids of the modal's inputs, also the field names validation reports on.</summary>
    public static class Blocks
    {
        public const string Outcome = ConclusionDraft.Fields.Outcome;
        public const string Result = ConclusionDraft.Fields.Result;
        public const string Learning = ConclusionDraft.Fields.Learning;
        public const string Decision = ConclusionDraft.Fields.Decision;
        public const string KeyResultValue = ConclusionDraft.Fields.KeyResultValue;
        public const string KeyResultConfidence = ConclusionDraft.Fields.KeyResultConfidence;
    }

    /// <summary>
    /// Opens the modal for the experiment <paramref name="id"/> names (from the command or a Conclude button);
    /// null when it opened, otherwise what to tell the user instead.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var found = await access.Find(teamId, id, "conclude", cancellationToken);
        if (found.Experiment is not { } experiment) return found.Problem;
        if (ExperimentLifecycle.WhyNotConclude(experiment) is { } notNow) return Wording.English.Say(notNow);
        if (await access.Refusal(userId, experiment, "conclude", cancellationToken) is { } refusal) return refusal;
        var keyResult = experiment.KeyResultId is { } krId ? await okrs.KeyResultById(teamId, krId, cancellationToken) : null;
        return await opener.Open(triggerId, Build(experiment, keyResult, origin with { Subject = experiment.ShortId }), Wording.English, cancellationToken);
    }

    public static ModalView Build(Experiment experiment, KeyResult? keyResult, ModalOrigin origin)
    {
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate($"*{experiment.ShortId} · {MrkdwnText.Escape(experiment.Name)}*\n{MrkdwnText.Escape(experiment.Hypothesis)}", BlockKitLimits.SectionText)),
            Input(Blocks.Outcome, "Outcome", new RadioButtons(Enum.GetValues<Outcome>().Select(o => Choice(Wording.English.Label(o), o.ToString())).ToList())),
            Text(Blocks.Result, "Measured result", ConclusionDraft.ResultMax,
                placeholder: experiment.Metric.Length > 0 ? $"{experiment.Metric}: …" : "1 lead, campaign CTR 60%", multiline: true),
            Text(Blocks.Learning, "What we learned", ConclusionDraft.LearningMax, placeholder: "CMOs answer InMail: a promising lead source", multiline: true,
                hint: "Failed experiments are learnings too: say what didn't work and why you think so."),
            Input(Blocks.Decision, "Decision", new RadioButtons(Enum.GetValues<Decision>().Select(d => Choice(Wording.English.Label(d), d.ToString())).ToList())),
        };
        if (keyResult is not null)
        {
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(
                $"*Check in {keyResult.ShortId} · {MrkdwnText.Escape(keyResult.Name)}* (optional)\nNow {MrkdwnText.Escape(Wording.English.Progress(keyResult.Current, keyResult.Target, keyResult.Unit))}. Leave empty to skip.",
                BlockKitLimits.SectionText)));
            blocks.Add(Input(Blocks.KeyResultValue, "New value", new PlainTextInput { Placeholder = DecimalText.Format(keyResult.Current) }, optional: true));
            blocks.Add(Input(Blocks.KeyResultConfidence, "Confidence", new StaticSelect
            {
                Placeholder = "On track?",
                Options = Enum.GetValues<KrConfidence>().Select(c => Choice(Wording.English.Label(c), c.ToString())).ToList(),
            }, optional: true));
        }
        return Modal("Conclude experiment", CallbackId, "Conclude", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var found = await access.Find(submission.TeamId, origin.Subject, "conclude", cancellationToken);
        if (found.Experiment is not { } experiment) return Refuse(submission, origin, found.Problem!);
        if (ExperimentLifecycle.WhyNotConclude(experiment) is { } notNow) return Refuse(submission, origin, Wording.English.Say(notNow));
        if (await access.Refusal(submission.UserId, experiment, "conclude", cancellationToken) is { } refusal) return Refuse(submission, origin, refusal);

        var values = new ViewValues(submission.View.State);
        var draft = new ConclusionDraft
        {
            Outcome = Enum.TryParse<Outcome>(values.Selected(Blocks.Outcome), out var outcome) ? outcome : null,
            Result = values.Text(Blocks.Result),
            Learning = values.Text(Blocks.Learning),
            Decision = Enum.TryParse<Decision>(values.Selected(Blocks.Decision), out var decision) ? decision : null,
            KeyResultValueText = values.Text(Blocks.KeyResultValue),
            KeyResultValue = values.Decimal(Blocks.KeyResultValue),
            KeyResultConfidence = Enum.TryParse<KrConfidence>(values.Selected(Blocks.KeyResultConfidence), out var confidence) ? confidence : null,
        };
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(Wording.English.Errors(errors));

        var conclusion = draft.ToConclusion();
        var update = draft.ToKeyResultUpdate(experiment.KeyResultId);
        var learning = await experiments.Conclude(experiment, conclusion, update, submission.UserId, clock.UtcNow, cancellationToken);
        if (learning is null)
            return Refuse(submission, origin, $"{experiment.ShortId} was concluded or abandoned by someone else meanwhile; nothing was changed. `/experiment show {experiment.ShortId}` shows it.");

        var keyResult = update is null ? null : await okrs.KeyResultById(submission.TeamId, update.KeyResultId, cancellationToken);
        var concluded = experiment with
        {
            Status = ExperimentStatus.Concluded, Outcome = conclusion.Outcome, Result = conclusion.Result, Learning = conclusion.Learning,
            Decision = conclusion.Decision, ConcludedAt = clock.UtcNow,
        };
        Tell(submission, origin, ExperimentMessages.Concluded(concluded, learning, keyResult, Wording.English));
        return ViewSubmissionResponse.Close;
    }

    /// <summary>Closes the modal and says why nothing was saved (the experiment changed while the modal was open).</summary>
    private ViewSubmissionResponse Refuse(ViewSubmissionPayload submission, ModalOrigin origin, string problem)
    {
        Tell(submission, origin, new Message(problem));
        return ViewSubmissionResponse.Close;
    }

    private void Tell(ViewSubmissionPayload submission, ModalOrigin origin, Message message) =>
        background.TellAfterAck("conclude reply", submission.UserId, origin, message, Wording.English);
}
