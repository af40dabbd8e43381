using GrowthBot.Domain.Common;
using GrowthBot.Domain.Money;

namespace GrowthBot.Domain.Experiments;

/// <summary>A growth experiment: an idea in the backlog, then running, then concluded (or abandoned).</summary>
public sealed record Experiment
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    /// <summary>Per-team sequence number behind the short id (E12).</summary>
    public int Number { get; init; }
    public required string Name { get; init; }
    public required string Hypothesis { get; init; }
    public FunnelStage Stage { get; init; }
    public long? KeyResultId { get; init; }
    public string Metric { get; init; } = "";
    /// <summary>Sales are asked in the report's thread to judge the leads it brings: set by the team, never guessed from words.</summary>
    public bool BringsLeads { get; init; }
    public IceScore Ice { get; init; }
    public required string OwnerId { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public ExperimentStatus Status { get; init; } = ExperimentStatus.Backlog;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? ConcludedAt { get; init; }
    public Outcome? Outcome { get; init; }
    public string? Result { get; init; }
    public string? Learning { get; init; }
    public Decision? Decision { get; init; }
    /// <summary>What the team does next, in its own words ("double the budget this week"); null when not given.</summary>
    public string? NextStep { get; init; }
    /// <summary>What the team means to spend on it, in its currency; null when no budget was set.</summary>
    public decimal? Budget { get; init; }
    /// <summary>What it has cost so far, in the team's currency (the latest total recorded).</summary>
    public decimal Spent { get; init; }
    /// <summary>How many results it brought so far, in <see cref="ResultUnit"/>; null until someone counts them.</summary>
    public int? Results { get; init; }
    /// <summary>What one result is, in the singular ("lead", "sign-up"); empty means "result".</summary>
    public string ResultUnit { get; init; } = "";

    /// <summary>Spent ÷ results, to the cent; null until it has at least one result.</summary>
    public decimal? CostPerResult => Results is { } n && n > 0 ? Math.Round(Spent / n, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Whether there is anything about money to show: a budget, spend or results.</summary>
    public bool HasMoney => Budget is not null || Spent > 0 || Results is not null;

    public string ShortId => Common.ShortId.Format(Common.ShortId.Experiment, Number);

    public bool IsOpen => Status is ExperimentStatus.Backlog or ExperimentStatus.Running;

    /// <summary>Running experiments first (soonest end first), then the backlog by ICE, best first.</summary>
    public static IEnumerable<Experiment> InListOrder(IEnumerable<Experiment> experiments) =>
        experiments
            .OrderBy(e => e.Status switch { ExperimentStatus.Running => 0, ExperimentStatus.Backlog => 1, _ => 2 })
            .ThenBy(e => e.Status == ExperimentStatus.Running ? e.EndDate.DayNumber : 0)
            .ThenByDescending(e => e.Ice.Score)
            .ThenBy(e => e.Number);
}

/// <summary>What a person typed into the New experiment modal, before it is checked.</summary>
public sealed record ExperimentDraft
{
    public const int NameMax = 100;
    public const int HypothesisMax = 1000;
    public const int MetricMax = 200;

    /// <summary>Field names, used as keys of validation errors.</summary>
    public static class Fields
    {
        public const string Name = "name";
        public const string Hypothesis = "hypothesis";
        public const string Stage = "stage";
        public const string Metric = "metric";
        public const string Impact = "impact";
        public const string Confidence = "confidence";
        public const string Ease = "ease";
        public const string Owner = "owner";
        public const string StartDate = "start";
        public const string EndDate = "end";
        public const string BringsLeads = "brings_leads";
        public const string Budget = "budget";
        public const string ResultUnit = "result_unit";
    }

    public const int ResultUnitMax = 40;

    public string? Name { get; init; }
    public string? Hypothesis { get; init; }
    public FunnelStage? Stage { get; init; }
    public long? KeyResultId { get; init; }
    public string? Metric { get; init; }
    public int? Impact { get; init; }
    public int? Confidence { get; init; }
    public int? Ease { get; init; }
    public string? OwnerId { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public bool BringsLeads { get; init; }
    /// <summary>The budget exactly as typed; empty means no budget.</summary>
    public string? BudgetText { get; init; }
    public string? ResultUnit { get; init; }

    /// <summary>The typed budget, when it is a valid amount.</summary>
    public decimal? Budget => !string.IsNullOrWhiteSpace(BudgetText) && Amounts.Read(BudgetText, out var amount) is null ? amount : null;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Name, Name, ProblemCode.ExperimentNameMissing);
        errors.MaxLength(Fields.Name, Name?.Trim(), NameMax);
        errors.Required(Fields.Hypothesis, Hypothesis, ProblemCode.HypothesisMissing);
        errors.MaxLength(Fields.Hypothesis, Hypothesis?.Trim(), HypothesisMax);
        errors.MaxLength(Fields.Metric, Metric?.Trim(), MetricMax);
        if (Stage is null) errors.Add(Fields.Stage, ProblemCode.StageMissing);
        errors.Between(Fields.Impact, Impact, IceScore.Min, IceScore.Max, ProblemCode.ImpactMissing, ProblemCode.ImpactOutOfRange);
        errors.Between(Fields.Confidence, Confidence, IceScore.Min, IceScore.Max, ProblemCode.ConfidenceMissing, ProblemCode.ConfidenceOutOfRange);
        errors.Between(Fields.Ease, Ease, IceScore.Min, IceScore.Max, ProblemCode.EaseMissing, ProblemCode.EaseOutOfRange);
        errors.Required(Fields.Owner, OwnerId, ProblemCode.OwnerMissing);
        if (StartDate is null) errors.Add(Fields.StartDate, ProblemCode.StartDateMissing);
        if (EndDate is null) errors.Add(Fields.EndDate, ProblemCode.EndDateMissing);
        else if (StartDate is not null && EndDate <= StartDate) errors.Add(Fields.EndDate, ProblemCode.EndNotAfterStart);
        if (!string.IsNullOrWhiteSpace(BudgetText) && Amounts.Read(BudgetText, out _) is { } budgetProblem) errors.Add(Fields.Budget, budgetProblem);
        errors.MaxLength(Fields.ResultUnit, ResultUnit?.Trim(), ResultUnitMax);
        return errors;
    }

    /// <summary>The fields of an existing experiment, to pre-fill the edit form.</summary>
    public static ExperimentDraft Of(Experiment e) => new()
    {
        Name = e.Name,
        Hypothesis = e.Hypothesis,
        Stage = e.Stage,
        KeyResultId = e.KeyResultId,
        Metric = e.Metric,
        Impact = e.Ice.Impact,
        Confidence = e.Ice.Confidence,
        Ease = e.Ice.Ease,
        OwnerId = e.OwnerId,
        StartDate = e.StartDate,
        EndDate = e.EndDate,
        BringsLeads = e.BringsLeads,
        BudgetText = e.Budget is { } budget ? DecimalText.Format(budget) : null,
        ResultUnit = e.ResultUnit,
    };

    /// <summary>The experiment this draft describes; call only when <see cref="Validate"/> found nothing.</summary>
    public Experiment ToExperiment(string teamId, string createdBy, DateTimeOffset now) =>
        ApplyTo(new Experiment { TeamId = teamId, Name = "", Hypothesis = "", OwnerId = "", CreatedBy = createdBy, CreatedAt = now });

    /// <summary><paramref name="experiment"/> with this draft's fields; call only when <see cref="Validate"/> found nothing.</summary>
    public Experiment ApplyTo(Experiment experiment) => experiment with
    {
        Name = Name!.Trim(),
        Hypothesis = Hypothesis!.Trim(),
        Stage = Stage!.Value,
        KeyResultId = KeyResultId,
        Metric = Metric?.Trim() ?? "",
        Ice = new IceScore(Impact!.Value, Confidence!.Value, Ease!.Value),
        OwnerId = OwnerId!,
        StartDate = StartDate!.Value,
        EndDate = EndDate!.Value,
        BringsLeads = BringsLeads,
        Budget = Budget,
        ResultUnit = ResultUnit?.Trim() ?? "",
    };
}
