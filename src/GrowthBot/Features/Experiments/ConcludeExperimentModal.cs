using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// The Conclude experiment modal: the owner records outcome, measured result, learning, decision and the next step,
/// whether sales judge the leads it brought (and, when the experiment moves a key result, its new value); the user sees
/// the conclusion and the learning's id.
/// </summary>
public sealed class ConcludeExperimentModal(
    ModalOpener opener,
    ExperimentStore experiments,
    ExperimentAccess access,
    OkrStore okrs,
    TeamSettingsService teamSettings,
    TeamClock clock,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_conclude";

    /// <summary>Block ids of the modal's inputs, also the field names validation reports on.</summary>
    public static class Blocks
    {
        public const string Outcome = ConclusionDraft.Fields.Outcome;
        public const string Result = ConclusionDraft.Fields.Result;
        public const string Learning = ConclusionDraft.Fields.Learning;
        public const string Decision = ConclusionDraft.Fields.Decision;
        public const string NextStep = ConclusionDraft.Fields.NextStep;
        public const string BringsLeads = ConclusionDraft.Fields.BringsLeads;
        public const string KeyResultValue = ConclusionDraft.Fields.KeyResultValue;
        public const string KeyResultConfidence = ConclusionDraft.Fields.KeyResultConfidence;
        public const string Spent = ConclusionDraft.Fields.Spent;
        public const string Results = ConclusionDraft.Fields.Results;
    }

    /// <summary>
    /// Opens the modal for the experiment <paramref name="id"/> names (from the command or a Conclude button);
    /// null when it opened, otherwise what to tell the user instead.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var found = await access.Find(teamId, id, ExperimentVerb.Conclude, words, cancellationToken);
        if (found.Experiment is not { } experiment) return found.Problem;
        if (ExperimentLifecycle.WhyNotConclude(experiment) is { } notNow) return words.Say(notNow);
        if (await access.Refusal(userId, experiment, ExperimentVerb.Conclude, words, cancellationToken) is { } refusal) return refusal;
        var keyResult = experiment.KeyResultId is { } krId ? await okrs.KeyResultById(teamId, krId, cancellationToken) : null;
        return await opener.Open(triggerId, Build(experiment, keyResult, teamSettings.For(teamId).Currency, origin with { Subject = experiment.ShortId }, words), words, cancellationToken);
    }

    public static ModalView Build(Experiment experiment, KeyResult? keyResult, Currency currency, ModalOrigin origin, Wording words)
    {
        var blocks = new List<Block>
        {
            new SectionBlock(MrkdwnText.Truncate($"*{experiment.ShortId} · {MrkdwnText.Escape(experiment.Name)}*\n{MrkdwnText.Escape(experiment.Hypothesis)}", BlockKitLimits.SectionText)),
            Input(Blocks.Outcome, words.Text(ExperimentText.OutcomeField), new RadioButtons(Enum.GetValues<Outcome>().Select(o => Choice(words.Label(o), o.ToString())).ToList())),
            Text(Blocks.Result, words.Text(ExperimentText.ResultField), ConclusionDraft.ResultMax,
                placeholder: experiment.Metric.Length > 0 ? words.Text(ExperimentText.ResultPlaceholderWithMetric, ("metric", experiment.Metric)) : words.Text(ExperimentText.ResultPlaceholder), multiline: true),
            Text(Blocks.Learning, words.Text(ExperimentText.LearningField), ConclusionDraft.LearningMax, placeholder: words.Text(ExperimentText.LearningPlaceholder), multiline: true,
                hint: words.Text(ExperimentText.LearningHint)),
            Input(Blocks.Decision, words.Text(ExperimentText.DecisionField), new RadioButtons(Enum.GetValues<Decision>().Select(d => Choice(words.Label(d), d.ToString())).ToList())),
            Text(Blocks.NextStep, words.Text(ExperimentText.NextStepField), ConclusionDraft.NextStepMax, placeholder: words.Text(ExperimentText.NextStepPlaceholder),
                multiline: true, optional: true, hint: words.Text(ExperimentText.NextStepHint)),
            Checkbox(Blocks.BringsLeads, words.Text(ExperimentText.LeadsField), words.Text(ExperimentText.BringsLeadsOption), experiment.BringsLeads,
                hint: words.Text(ExperimentText.ConcludeLeadsHint)),
            Text(Blocks.Spent, words.Text(MoneyText.SpentField, ("symbol", currency.Symbol)), 30, experiment.Spent > 0 ? DecimalText.Format(experiment.Spent) : null, "250", optional: true,
                hint: experiment.Budget is { } budget
                    ? words.Text(MoneyText.SpentHintWithBudget, ("budget", words.Money(budget, currency)))
                    : words.Text(MoneyText.SpentHint)),
            Text(Blocks.Results, words.ResultsField(experiment.ResultUnit), 12,
                experiment.Results?.ToString(System.Globalization.CultureInfo.InvariantCulture), "12", optional: true,
                hint: words.Text(MoneyText.ResultsHint)),
        };
        if (keyResult is not null)
        {
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(
                words.Text(ExperimentText.CheckInPrompt, ("id", keyResult.ShortId), ("name", MrkdwnText.Escape(keyResult.Name)),
                    ("progress", MrkdwnText.Escape(words.Progress(keyResult.Current, keyResult.Target, keyResult.Unit)))),
                BlockKitLimits.SectionText)));
            blocks.Add(Input(Blocks.KeyResultValue, words.Text(ExperimentText.NewValueField), new PlainTextInput { Placeholder = words.Number(keyResult.Current) }, optional: true));
            blocks.Add(Input(Blocks.KeyResultConfidence, words.Text(ExperimentText.ConfidenceKrField), new StaticSelect
            {
                Placeholder = words.Text(ExperimentText.OnTrackPlaceholder),
                Options = Enum.GetValues<KrConfidence>().Select(c => Choice(words.Label(c), c.ToString())).ToList(),
            }, optional: true));
        }
        return Modal(words.Text(ExperimentText.ConcludeTitle), CallbackId, words.Text(ExperimentText.ConcludeSubmit), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var found = await access.Find(submission.TeamId, origin.Subject, ExperimentVerb.Conclude, words, cancellationToken);
        if (found.Experiment is not { } experiment) return Refuse(submission, origin, found.Problem!, words);
        if (ExperimentLifecycle.WhyNotConclude(experiment) is { } notNow) return Refuse(submission, origin, words.Say(notNow), words);
        if (await access.Refusal(submission.UserId, experiment, ExperimentVerb.Conclude, words, cancellationToken) is { } refusal) return Refuse(submission, origin, refusal, words);

        var values = new ViewValues(submission.View.State);
        var draft = new ConclusionDraft
        {
            Outcome = Enum.TryParse<Outcome>(values.Selected(Blocks.Outcome), out var outcome) ? outcome : null,
            Result = values.Text(Blocks.Result),
            Learning = values.Text(Blocks.Learning),
            Decision = Enum.TryParse<Decision>(values.Selected(Blocks.Decision), out var decision) ? decision : null,
            NextStep = values.Text(Blocks.NextStep),
            BringsLeads = values.Checked(Blocks.BringsLeads),
            KeyResultValueText = values.Text(Blocks.KeyResultValue),
            KeyResultValue = values.Decimal(Blocks.KeyResultValue),
            KeyResultConfidence = Enum.TryParse<KrConfidence>(values.Selected(Blocks.KeyResultConfidence), out var confidence) ? confidence : null,
            SpentText = values.Text(Blocks.Spent),
            ResultsText = values.Text(Blocks.Results),
        };
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var conclusion = draft.ToConclusion();
        var update = draft.ToKeyResultUpdate(experiment.KeyResultId);
        var learning = await experiments.Conclude(experiment, conclusion, update, submission.UserId, clock.UtcNow, cancellationToken);
        if (learning is null)
            return Refuse(submission, origin, words.Text(ExperimentText.ConcludedMeanwhile, ("id", experiment.ShortId)), words);

        var keyResult = update is null ? null : await okrs.KeyResultById(submission.TeamId, update.KeyResultId, cancellationToken);
        var concluded = experiment with
        {
            Status = ExperimentStatus.Concluded, Outcome = conclusion.Outcome, Result = conclusion.Result, Learning = conclusion.Learning,
            Decision = conclusion.Decision, NextStep = conclusion.NextStep, BringsLeads = conclusion.BringsLeads, ConcludedAt = clock.UtcNow,
            Spent = conclusion.Spent ?? experiment.Spent, Results = conclusion.Results ?? experiment.Results,
        };
        Tell(submission, origin, ExperimentMessages.Concluded(concluded, learning, keyResult, teamSettings.For(submission.TeamId).Currency, words), words);
        return ViewSubmissionResponse.Close;
    }

    /// <summary>Closes the modal and says why nothing was saved (the experiment changed while the modal was open).</summary>
    private ViewSubmissionResponse Refuse(ViewSubmissionPayload submission, ModalOrigin origin, string problem, Wording words)
    {
        Tell(submission, origin, new Message(problem), words);
        return ViewSubmissionResponse.Close;
    }

    private void Tell(ViewSubmissionPayload submission, ModalOrigin origin, Message message, Wording words) =>
        background.TellAfterAck("conclude reply", submission.UserId, origin, message, words);
}
