namespace GrowthBot.Domain.Okrs;

/// <summary>How the owner feels about reaching the target.</summary>
public enum KrConfidence
{
    OnTrack,
    AtRisk,
    OffTrack,
}

/// <summary>The North Star: the one objective all experiments serve.</summary>
public sealed record Objective
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public required string Title { get; init; }
    /// <summary>The period's name, e.g. "Q4 2026".</summary>
    public string Period { get; init; } = "";
    /// <summary>The period's first and last day; null for an objective set before periods had dates (see <see cref="OkrPeriod.Of"/>).</summary>
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public bool IsCurrent { get; init; } = true;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record KeyResult
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public int Number { get; init; }
    public long ObjectiveId { get; init; }
    public required string Name { get; init; }
    public decimal Baseline { get; init; }
    public decimal Target { get; init; }
    public decimal Current { get; init; }
    public string Unit { get; init; } = "";
    /// <summary>The team says this key result counts leads: experiments linked to it ask sales about their leads by default.</summary>
    public bool CountsLeads { get; init; }
    /// <summary>The KPI (K3) whose definition says what this key result counts; its unit is the KPI's.</summary>
    public int? KpiNumber { get; init; }
    public required string OwnerId { get; init; }
    public KrConfidence? Confidence { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string ShortId => Common.ShortId.Format(Common.ShortId.KeyResult, Number);

    /// <summary>Lower is better when the target is below the baseline (churn from 8 % down to 5 %).</summary>
    public bool LowerIsBetter => Target < Baseline;
}

/// <summary>A key result's target for one week, set by hand with <c>/okr week</c> instead of the default.</summary>
public sealed record WeeklyTarget(long KeyResultId, DateOnly WeekStart, decimal Target, string SetBy, DateTimeOffset SetAt);

/// <summary>A new value of a key result, kept as history.</summary>
public sealed record CheckIn
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public long KeyResultId { get; init; }
    public decimal Value { get; init; }
    public decimal PreviousValue { get; init; }
    public KrConfidence Confidence { get; init; }
    public string Note { get; init; } = "";
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
