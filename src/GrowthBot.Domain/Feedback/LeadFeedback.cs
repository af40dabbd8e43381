namespace GrowthBot.Domain.Feedback;

public enum LeadQuality
{
    Good,
    Mixed,
    Poor,
}

/// <summary>Why sales judged leads as they did.</summary>
public enum LeadQualityReason
{
    WrongPersona,
    NoBudget,
    TooSmall,
    NotReachable,
    Other,
}

public enum FeedbackSource
{
    Button,
    ThreadReply,
}

/// <summary>Sales' judgement of the leads an experiment brought, from the weekly report's thread.</summary>
public sealed record LeadFeedback
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public long ExperimentId { get; init; }
    public LeadQuality? Quality { get; init; }
    public LeadQualityReason? Reason { get; init; }
    public string Text { get; init; } = "";
    public FeedbackSource Source { get; init; }
    public string? MessageTs { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
