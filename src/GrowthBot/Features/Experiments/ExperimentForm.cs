using GrowthBot.Resources;
using System.Globalization;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// The fields of the New and Edit experiment modals: one builder, one reader and one validator, so both
/// modals ask the same questions and check the answers the same way.
/// </summary>
public static class ExperimentForm
{
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

    /// <summary>The modal with <paramref name="initial"/>'s values filled in (empty fields stay empty).</summary>
    public static ModalView Build(string title, string callbackId, string submit, ExperimentDraft initial,
        IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin)
    {
        var stages = Enum.GetValues<FunnelStage>().Select(StageOption).ToList();
        var keyResultOptions = keyResults.Take(BlockKitLimits.MaxOptions).Select(KeyResultOption).ToList();
        var blocks = new List<Block>
        {
            Text(Blocks.Name, "Name", ExperimentDraft.NameMax, initial.Name, "LinkedIn InMail to CMOs of 100-person companies"),
            Text(Blocks.Hypothesis, "Hypothesis", ExperimentDraft.HypothesisMax, initial.Hypothesis, "If we …, then … because …", multiline: true,
                hint: "What you expect to happen, and why you believe it."),
            Input(Blocks.Stage, "Funnel stage (AARRR)", new StaticSelect
            {
                Placeholder = "Choose a stage",
                Options = stages,
                InitialOption = initial.Stage is { } stage ? StageOption(stage) : null,
            }),
        };
        if (keyResultOptions.Count > 0)
        {
            var chosen = keyResults.FirstOrDefault(k => k.Id == initial.KeyResultId);
            blocks.Add(Input(Blocks.KeyResult, "Key result it should move", new StaticSelect
            {
                Placeholder = "Choose a key result",
                Options = keyResultOptions,
                InitialOption = chosen is null ? null : KeyResultOption(chosen),
            }, optional: true));
        }
        else
        {
            blocks.Add(new ContextBlock("No key results yet, so this experiment won't be linked to one. A growth lead can set them with `/okr set`."));
        }
        blocks.AddRange(
        [
            Text(Blocks.Metric, "Metric that tells whether it worked", ExperimentDraft.MetricMax, initial.Metric, "Leads from the campaign", optional: true),
            Input(Blocks.Impact, "Impact (1–10)", IceInput(initial.Impact), hint: "How much will it move the key result if it works?"),
            Input(Blocks.Confidence, "Confidence (1–10)", IceInput(initial.Confidence), hint: "How sure are you that it will work?"),
            Input(Blocks.Ease, "Ease (1–10)", IceInput(initial.Ease), hint: "How easy is it to run in about a week? ICE = (Impact + Confidence + Ease) ÷ 3"),
            Input(Blocks.Owner, "Owner", new UsersSelect { InitialUser = initial.OwnerId }),
            Input(Blocks.Start, "Start date", new DatePicker { InitialDate = Iso(initial.StartDate) }),
            Input(Blocks.End, "End date", new DatePicker { InitialDate = Iso(initial.EndDate) }),
        ]);
        return Modal(title, callbackId, submit, blocks, origin, Wording.English);
    }

    /// <summary>Reads what was submitted; nothing is checked yet.</summary>
    public static ExperimentDraft Read(ViewValues values) => new()
    {
        Name = values.Text(Blocks.Name),
        Hypothesis = values.Text(Blocks.Hypothesis),
        Stage = Enum.TryParse<FunnelStage>(values.Selected(Blocks.Stage), out var stage) ? stage : null,
        KeyResultId = long.TryParse(values.Selected(Blocks.KeyResult), NumberStyles.None, CultureInfo.InvariantCulture, out var kr) ? kr : null,
        Metric = values.Text(Blocks.Metric),
        Impact = values.Integer(Blocks.Impact),
        Confidence = values.Integer(Blocks.Confidence),
        Ease = values.Integer(Blocks.Ease),
        OwnerId = values.User(Blocks.Owner),
        StartDate = values.Date(Blocks.Start),
        EndDate = values.Date(Blocks.End),
    };

    /// <summary>The draft's own rules, plus: the chosen key result must (still) belong to this team. Field → what is wrong, in <paramref name="words"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> Validate(ExperimentDraft draft, string teamId, OkrStore okrs, Wording words, CancellationToken cancellationToken)
    {
        var errors = words.Errors(draft.Validate()).ToDictionary();
        if (draft.KeyResultId is { } keyResultId && await okrs.FindKeyResult(teamId, keyResultId, cancellationToken) is null)
            errors.TryAdd(Blocks.KeyResult, "That key result no longer exists; please choose another.");
        return errors;
    }

    private static Option StageOption(FunnelStage stage) => Choice(Wording.English.Label(stage, LabelForm.Description), stage.ToString());

    private static Option KeyResultOption(KeyResultChoice k) => Choice($"{k.ShortId} {k.Name}", k.Id.ToString(CultureInfo.InvariantCulture));

    private static NumberInput IceInput(int? initial) => new(IsDecimalAllowed: false)
    {
        MinValue = "1", MaxValue = "10", InitialValue = initial?.ToString(CultureInfo.InvariantCulture),
    };
}
