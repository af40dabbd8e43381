namespace GrowthBot.Domain.Learnings;

/// <summary>What a learning is about.</summary>
public enum LearningKind
{
    Experiment,
    /// <summary>About the ideal customer profile.</summary>
    Icp,
    Channel,
    Process,
}

public sealed record Learning
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public int Number { get; init; }
    public LearningKind Kind { get; init; }
    public required string Text { get; init; }
    public long? ExperimentId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public string ShortId => Common.ShortId.Format(Common.ShortId.Learning, Number);
}
