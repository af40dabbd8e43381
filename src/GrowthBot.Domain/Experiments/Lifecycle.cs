using GrowthBot.Domain.Common;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Experiments;

/// <summary>
/// Moving an experiment along backlog → running → concluded / abandoned. Started, concluded and abandoned
/// dates are kept on the experiment (started_at, concluded_at).
/// </summary>
public static class ExperimentLifecycle
{
    /// <summary>How long an experiment runs when nothing else was planned: about a week.</summary>
    public const int DefaultRunDays = 7;

    /// <summary>
    /// The dates of a run started today: it starts today and keeps the planned length (end − start of the
    /// idea, at least one day), so a two-week idea started late still gets its two weeks. Ideas logged with the
    /// modal's defaults have a 7-day plan; without a sensible plan the default week is used.
    /// </summary>
    public static (DateOnly Start, DateOnly End) RunDates(DateOnly today, DateOnly plannedStart, DateOnly plannedEnd)
    {
        var planned = plannedEnd.DayNumber - plannedStart.DayNumber;
        var days = planned >= 1 ? planned : DefaultRunDays;
        return (today, today.AddDays(days));
    }

    /// <summary>Why the experiment cannot be started, or null when it can (only backlog ideas start).</summary>
    public static Problem? WhyNotStart(Experiment e) => e.Status switch
    {
        ExperimentStatus.Backlog => null,
        ExperimentStatus.Running => Refusal(ProblemCode.AlreadyRunning, e, ("start", e.StartDate), ("end", e.EndDate)),
        ExperimentStatus.Concluded => Refusal(ProblemCode.ConcludedCannotStart, e, OutcomeOf(e)),
        _ => Refusal(ProblemCode.AbandonedCannotStart, e),
    };

    /// <summary>Why the experiment cannot be concluded, or null when it can (running ones are concluded).</summary>
    public static Problem? WhyNotConclude(Experiment e) => e.Status switch
    {
        ExperimentStatus.Running => null,
        ExperimentStatus.Backlog => Refusal(ProblemCode.NotStartedCannotConclude, e),
        ExperimentStatus.Concluded => Refusal(ProblemCode.AlreadyConcluded, e, OutcomeOf(e)),
        _ => Refusal(ProblemCode.AbandonedCannotConclude, e),
    };

    /// <summary>Why the experiment cannot be abandoned, or null when it can (backlog and running ones).</summary>
    public static Problem? WhyNotAbandon(Experiment e) => e.Status switch
    {
        ExperimentStatus.Backlog or ExperimentStatus.Running => null,
        ExperimentStatus.Concluded => Refusal(ProblemCode.ConcludedCannotAbandon, e, OutcomeOf(e)),
        _ => Refusal(ProblemCode.AlreadyAbandoned, e),
    };

    private static Problem Refusal(ProblemCode code, Experiment e, params (string Name, object? Value)[] args) =>
        new(code, [("id", e.ShortId), .. args]);

    // A concluded experiment always has its outcome (concluding sets it); rows older than that rule read as inconclusive.
    private static (string, object?) OutcomeOf(Experiment e) => ("outcome", e.Outcome ?? Experiments.Outcome.Inconclusive);
}

/// <summary>How an experiment ended, as its owner tells it, and whether sales judge the leads it brought.</summary>
public sealed record Conclusion(Outcome Outcome, string Result, string Learning, Decision Decision)
{
    public string? NextStep { get; init; }
    public bool BringsLeads { get; init; }
    /// <summary>The total spent, when the owner gave it (recorded as the experiment's spend).</summary>
    public decimal? Spent { get; init; }
    /// <summary>The results it brought, when the owner counted them.</summary>
    public int? Results { get; init; }
}

/// <summary>A new value of the key result an experiment moves, given while concluding it.</summary>
public sealed record KeyResultUpdate(long KeyResultId, decimal Value, KrConfidence Confidence);

/// <summary>What a person typed into the Conclude experiment modal, before it is checked.</summary>
public sealed record ConclusionDraft
{
    public const int ResultMax = 1000;
    public const int LearningMax = 2000;
    public const int NextStepMax = 500;

    /// <summary>Field names, used as keys of validation errors and as the modal's block ids.</summary>
    public static class Fields
    {
        public const string Outcome = "outcome";
        public const string Result = "result";
        public const string Learning = "learning";
        public const string Decision = "decision";
        public const string NextStep = "next_step";
        public const string BringsLeads = ExperimentDraft.Fields.BringsLeads;
        public const string KeyResultValue = "kr_value";
        public const string KeyResultConfidence = "kr_confidence";
        public const string Spent = "spent";
        public const string Results = "results";
    }

    public Outcome? Outcome { get; init; }
    public string? Result { get; init; }
    public string? Learning { get; init; }
    public Decision? Decision { get; init; }
    public string? NextStep { get; init; }
    public bool BringsLeads { get; init; }
    /// <summary>The new key-result value exactly as typed (empty when no check-in is wanted).</summary>
    public string? KeyResultValueText { get; init; }
    /// <summary>The typed value read as a number; null when empty or not a number.</summary>
    public decimal? KeyResultValue { get; init; }
    public KrConfidence? KeyResultConfidence { get; init; }
    /// <summary>The total spent as typed; empty keeps what was recorded.</summary>
    public string? SpentText { get; init; }
    /// <summary>The number of results as typed; empty leaves them uncounted.</summary>
    public string? ResultsText { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Outcome is null) errors.Add(Fields.Outcome, ProblemCode.OutcomeMissing);
        errors.Required(Fields.Result, Result, ProblemCode.ResultMissing);
        errors.MaxLength(Fields.Result, Result?.Trim(), ResultMax);
        errors.Required(Fields.Learning, Learning, ProblemCode.ConclusionLearningMissing);
        errors.MaxLength(Fields.Learning, Learning?.Trim(), LearningMax);
        if (Decision is null) errors.Add(Fields.Decision, ProblemCode.DecisionMissing);
        errors.MaxLength(Fields.NextStep, NextStep?.Trim(), NextStepMax);
        var hasValue = !string.IsNullOrWhiteSpace(KeyResultValueText);
        if (hasValue && KeyResultValue is null)
            errors.Add(Fields.KeyResultValue, ProblemCode.KeyResultValueNotANumber, ("typed", ValidationErrors.Typed(KeyResultValueText!.Trim())));
        if (!hasValue && KeyResultConfidence is not null)
            errors.Add(Fields.KeyResultValue, ProblemCode.KeyResultValueMissing);
        if (hasValue && KeyResultValue is not null && KeyResultConfidence is null)
            errors.Add(Fields.KeyResultConfidence, ProblemCode.KeyResultConfidenceMissing);
        if (!string.IsNullOrWhiteSpace(SpentText) && Amounts.Read(SpentText, out _) is { } spentProblem) errors.Add(Fields.Spent, spentProblem);
        if (ResultCount.Read(ResultsText, out _) is { } resultsProblem) errors.Add(Fields.Results, resultsProblem);
        return errors;
    }

    /// <summary>The conclusion; call only when <see cref="Validate"/> found nothing.</summary>
    public Conclusion ToConclusion() => new(Outcome!.Value, Result!.Trim(), Learning!.Trim(), Decision!.Value)
    {
        NextStep = string.IsNullOrWhiteSpace(NextStep) ? null : NextStep.Trim(),
        BringsLeads = BringsLeads,
        Spent = !string.IsNullOrWhiteSpace(SpentText) && Amounts.Read(SpentText, out var spent) is null ? spent : null,
        Results = ResultCount.Read(ResultsText, out var results) is null ? results : null,
    };

    /// <summary>The key-result check-in, when one was given (and validated).</summary>
    public KeyResultUpdate? ToKeyResultUpdate(long? keyResultId) =>
        keyResultId is { } id && KeyResultValue is { } value && KeyResultConfidence is { } confidence
            ? new KeyResultUpdate(id, value, confidence)
            : null;
}
