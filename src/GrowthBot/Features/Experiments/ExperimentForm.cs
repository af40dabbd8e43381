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
        /// <summary>The "Brings leads for sales to judge" box; <see cref="ExperimentKeyResultSelect"/> gives it a suffix.</summary>
        public const string BringsLeads = ExperimentDraft.Fields.BringsLeads;
        public const string Budget = ExperimentDraft.Fields.Budget;
        public const string ResultUnit = ExperimentDraft.Fields.ResultUnit;
    }

    /// <summary>
    /// The modal with <paramref name="initial"/>'s values filled in (empty fields stay empty). The leads box gets the
    /// block id <paramref name="leadsBlock"/>: a new one shows its new default when the key result changes.
    /// </summary>
    public static ModalView Build(string title, string callbackId, string submit, ExperimentDraft initial,
        IReadOnlyList<KeyResultChoice> keyResults, ModalOrigin origin, Wording words, string leadsBlock = Blocks.BringsLeads)
    {
        Option StageOption(FunnelStage stage) => Choice(words.Label(stage, LabelForm.Description), stage.ToString());
        var stages = Enum.GetValues<FunnelStage>().Select(StageOption).ToList();
        var keyResultOptions = keyResults.Take(BlockKitLimits.MaxOptions).Select(KeyResultOption).ToList();
        var blocks = new List<Block>
        {
            Text(Blocks.Name, words.Text(ExperimentText.NameField), ExperimentDraft.NameMax, initial.Name, words.Text(ExperimentText.NamePlaceholder)),
            Text(Blocks.Hypothesis, words.Text(ExperimentText.FieldHypothesis), ExperimentDraft.HypothesisMax, initial.Hypothesis, words.Text(ExperimentText.HypothesisPlaceholder), multiline: true,
                hint: words.Text(ExperimentText.HypothesisHint)),
            Input(Blocks.Stage, words.Text(ExperimentText.StageField), new StaticSelect
            {
                Placeholder = words.Text(ExperimentText.StagePlaceholder),
                Options = stages,
                InitialOption = initial.Stage is { } stage ? StageOption(stage) : null,
            }),
        };
        if (keyResultOptions.Count > 0)
        {
            var chosen = keyResults.FirstOrDefault(k => k.Id == initial.KeyResultId);
            blocks.Add(DispatchingInput(Blocks.KeyResult, words.Text(ExperimentText.KeyResultField), ExperimentKeyResultSelect.ActionId, new StaticSelect
            {
                Placeholder = words.Text(ExperimentText.KeyResultPlaceholder),
                Options = keyResultOptions,
                InitialOption = chosen is null ? null : KeyResultOption(chosen),
            }, optional: true));
        }
        else
        {
            blocks.Add(new ContextBlock(words.Text(ExperimentText.NoKeyResults)));
        }
        blocks.Add(Checkbox(leadsBlock, words.Text(ExperimentText.LeadsField), words.Text(ExperimentText.BringsLeadsOption), initial.BringsLeads,
            hint: words.Text(ExperimentText.BringsLeadsHint)));
        blocks.AddRange(
        [
            Text(Blocks.Metric, words.Text(ExperimentText.MetricField), ExperimentDraft.MetricMax, initial.Metric, words.Text(ExperimentText.MetricPlaceholder), optional: true),
            Text(Blocks.Budget, words.Text(MoneyText.BudgetField), 30, initial.BudgetText, "800", optional: true, hint: words.Text(MoneyText.BudgetHint)),
            Text(Blocks.ResultUnit, words.Text(MoneyText.ResultUnitField), ExperimentDraft.ResultUnitMax, initial.ResultUnit, words.Text(MoneyText.ResultUnitPlaceholder),
                optional: true, hint: words.Text(MoneyText.ResultUnitHint)),
            Input(Blocks.Impact, words.Text(ExperimentText.ImpactField), IceInput(initial.Impact), hint: words.Text(ExperimentText.ImpactHint)),
            Input(Blocks.Confidence, words.Text(ExperimentText.ConfidenceField), IceInput(initial.Confidence), hint: words.Text(ExperimentText.ConfidenceHint)),
            Input(Blocks.Ease, words.Text(ExperimentText.EaseField), IceInput(initial.Ease), hint: words.Text(ExperimentText.EaseHint)),
            Input(Blocks.Owner, words.Text(ExperimentText.OwnerField), new UsersSelect { InitialUser = initial.OwnerId }),
            Input(Blocks.Start, words.Text(ExperimentText.StartField), new DatePicker { InitialDate = Iso(initial.StartDate) }),
            Input(Blocks.End, words.Text(ExperimentText.EndField), new DatePicker { InitialDate = Iso(initial.EndDate) }),
        ]);
        return Modal(title, callbackId, submit, blocks, origin, words);
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
        BringsLeads = values.Checked(Blocks.BringsLeads),
        BudgetText = values.Text(Blocks.Budget),
        ResultUnit = values.Text(Blocks.ResultUnit),
    };

    /// <summary>
    /// The key results an experiment can be linked to: the current objective's, plus the one it is linked to already
    /// when that belongs to an earlier objective (editing keeps that link as a choice).
    /// </summary>
    public static async Task<IReadOnlyList<KeyResultChoice>> KeyResults(OkrStore okrs, string teamId, long? linked, CancellationToken cancellationToken)
    {
        var keyResults = await okrs.CurrentKeyResults(teamId, cancellationToken);
        return linked is { } id && keyResults.All(k => k.Id != id) && await okrs.FindKeyResult(teamId, id, cancellationToken) is { } old
            ? [.. keyResults, old]
            : keyResults;
    }

    /// <summary>The draft's own rules, plus: the chosen key result must (still) belong to this team.</summary>
    public static async Task<ValidationErrors> Validate(ExperimentDraft draft, string teamId, OkrStore okrs, CancellationToken cancellationToken)
    {
        var errors = draft.Validate();
        if (draft.KeyResultId is { } keyResultId && await okrs.FindKeyResult(teamId, keyResultId, cancellationToken) is null)
            errors.Add(Blocks.KeyResult, ProblemCode.KeyResultGone);
        return errors;
    }

    private static Option KeyResultOption(KeyResultChoice k) => Choice($"{k.ShortId} {k.Name}", k.Id.ToString(CultureInfo.InvariantCulture));

    private static NumberInput IceInput(int? initial) => new(IsDecimalAllowed: false)
    {
        MinValue = "1", MaxValue = "10", InitialValue = initial?.ToString(CultureInfo.InvariantCulture),
    };
}
