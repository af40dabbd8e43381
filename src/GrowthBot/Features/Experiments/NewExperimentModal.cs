using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary>The New experiment modal: the user logs an idea and gets its ICE score, with the formula.</summary>
public sealed class NewExperimentModal(
    ExperimentStore experiments,
    OkrStore okrs,
    TeamClock clock,
    UserNotifier notifier,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "experiment_new";

    /// <summary>Block ids of the modal's inputs; they are also the field names validation reports on.</summary>
    public static class Blocks
    {
        public const string Name = ExperimentDraft.Fields.Name;
        public const string Hypothesis = ExperimentDraft.Fields.Hypothesis;
        public const string Stage = ExperimentDraft.Fields.Stage;
        public const string KeyResult = "key_result";
        public const string Metric = ExperimentDraft.Fields.Metric;
        public const string Impact = ExperimentDraft.Fields.Impact;
        public const string Confidence = ExperimentDraft.Fields.Confidence;
        public const string Ease = ExperimentDraft.Fields.Ease;
        public const string Owner = ExperimentDraft.Fields.Owner;
        public const string Start = ExperimentDraft.Fields.StartDate;
        public const string End = ExperimentDraft.Fields.EndDate;
    }

    /// <summary>Builds the modal, pre-filled with the caller as owner and a one-week run from today.</summary>
    public static ModalView Build(string userId, DateOnly today, IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin)
    {
        var blocks = new List<Block>
        {
            Input(Blocks.Name, "Name", new PlainTextInput { ActionId = ViewValues.Action, MaxLength = ExperimentDraft.NameMax, Placeholder = "LinkedIn InMail to CMOs of 100-person companies" }),
            Input(Blocks.Hypothesis, "Hypothesis", new PlainTextInput
            {
                ActionId = ViewValues.Action,
                Multiline = true,
                MaxLength = ExperimentDraft.HypothesisMax,
                Placeholder = "If we …, then … because …",
            }, hint: "What you expect to happen, and why you believe it."),
            Input(Blocks.Stage, "Funnel stage (AARRR)", new StaticSelect
            {
                ActionId = ViewValues.Action,
                Placeholder = "Choose a stage",
                Options = Enum.GetValues<FunnelStage>().Select(s => Option.Of(s.Describe(), s.ToString())).ToList(),
            }),
        };
        if (keyResults.Count > 0)
        {
            blocks.Add(Input(Blocks.KeyResult, "Key result it should move", new StaticSelect
            {
                ActionId = ViewValues.Action,
                Placeholder = "Choose a key result",
                Options = keyResults.Take(BlockKitLimits.MaxOptions)
                    .Select(k => Option.Of(MrkdwnText.Truncate($"{k.ShortId} {k.Name}", BlockKitLimits.OptionText), k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .ToList(),
            }, optional: true));
        }
        else
        {
            blocks.Add(new ContextBlock("No key results yet, so this experiment won't be linked to one. A growth lead can set them with `/okr set`."));
        }
        blocks.AddRange(
        [
            Input(Blocks.Metric, "Metric that tells whether it worked", new PlainTextInput { ActionId = ViewValues.Action, MaxLength = ExperimentDraft.MetricMax, Placeholder = "Leads from the campaign" }, optional: true),
            Input(Blocks.Impact, "Impact (1–10)", IceInput(), hint: "How much will it move the key result if it works?"),
            Input(Blocks.Confidence, "Confidence (1–10)", IceInput(), hint: "How sure are you that it will work?"),
            Input(Blocks.Ease, "Ease (1–10)", IceInput(), hint: "How easy is it to run in about a week? ICE = (Impact + Confidence + Ease) ÷ 3"),
            Input(Blocks.Owner, "Owner", new UsersSelect { ActionId = ViewValues.Action, InitialUser = userId }),
            Input(Blocks.Start, "Start date", new DatePicker { ActionId = ViewValues.Action, InitialDate = Iso(today) }),
            Input(Blocks.End, "End date", new DatePicker { ActionId = ViewValues.Action, InitialDate = Iso(today.AddDays(7)) }),
        ]);
        return new ModalView(new PlainText("New experiment"), blocks)
        {
            CallbackId = CallbackId,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            PrivateMetadata = origin.Serialize(),
        };
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var draft = Read(values);
        var errors = draft.Validate();
        if (draft.KeyResultId is { } keyResultId && await okrs.FindKeyResult(submission.TeamId, keyResultId, cancellationToken) is null)
            errors.Add(Blocks.KeyResult, "That key result no longer exists; please choose another.");
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(errors.ByField);

        var experiment = await experiments.Add(draft.ToExperiment(submission.TeamId, submission.UserId, clock.UtcNow), cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var confirmation = ExperimentMessages.Created(experiment);
        background.Run($"confirm {experiment.ShortId}", (_, ct) => notifier.Tell(submission.UserId, origin, confirmation, ct));
        return ViewSubmissionResponse.Close;
    }

    private static ExperimentDraft Read(ViewValues values) => new()
    {
        Name = values.Text(Blocks.Name),
        Hypothesis = values.Text(Blocks.Hypothesis),
        Stage = Enum.TryParse<FunnelStage>(values.Selected(Blocks.Stage), out var stage) ? stage : null,
        KeyResultId = long.TryParse(values.Selected(Blocks.KeyResult), out var kr) ? kr : null,
        Metric = values.Text(Blocks.Metric),
        Impact = values.Integer(Blocks.Impact),
        Confidence = values.Integer(Blocks.Confidence),
        Ease = values.Integer(Blocks.Ease),
        OwnerId = values.User(Blocks.Owner),
        StartDate = values.Date(Blocks.Start),
        EndDate = values.Date(Blocks.End),
    };

    private static NumberInput IceInput() => new(IsDecimalAllowed: false) { ActionId = ViewValues.Action, MinValue = "1", MaxValue = "10" };

    private static InputBlock Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        new(new PlainText(label), element) { BlockId = blockId, Optional = optional ? true : null, Hint = hint is null ? null : new PlainText(hint) };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
