using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Tasks;

public enum GrowthTaskStatus
{
    Open,
    Done,
}

/// <summary>Why an owner is blocked: the weekly rhythm exists to surface these.</summary>
public enum BlockReason
{
    Skills,
    Budget,
    Access,
    WaitingOnSomeone,
    Other,
}

/// <summary>A task of an experiment (or of the team), with one owner and a due date that can only be postponed.</summary>
public sealed record GrowthTask
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public int Number { get; init; }
    public long? ExperimentId { get; init; }
    public required string Title { get; init; }
    public string Notes { get; init; } = "";
    public required string OwnerId { get; init; }
    public DateOnly OriginalDueDate { get; init; }
    public DateOnly DueDate { get; init; }
    public GrowthTaskStatus Status { get; init; } = GrowthTaskStatus.Open;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DoneAt { get; init; }
    public string? DoneBy { get; init; }
    /// <summary>The open blocker, if the task is blocked now.</summary>
    public TaskBlock? Blocker { get; init; }
    /// <summary>How many times the due date was postponed.</summary>
    public int Postponements { get; init; }

    public string ShortId => Common.ShortId.Format(Common.ShortId.Task, Number);

    public bool IsOpen => Status == GrowthTaskStatus.Open;

    public bool IsBlocked => IsOpen && Blocker is not null;

    /// <summary>Overdue once the due date has passed in the team's time zone (due today is not overdue).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}

public sealed record TaskBlock
{
    public long Id { get; init; }
    public long TaskId { get; init; }
    public BlockReason Reason { get; init; }
    public string Note { get; init; } = "";
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
}

public sealed record Postponement
{
    public long Id { get; init; }
    public long TaskId { get; init; }
    public DateOnly FromDate { get; init; }
    public DateOnly ToDate { get; init; }
    public required string Reason { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>How far an experiment's tasks are: done, still open, and how many of the open ones are blocked.</summary>
public sealed record TaskCounts(int Done, int Open, int Blocked)
{
    public static readonly TaskCounts None = new(0, 0, 0);

    public int Total => Done + Open;
}
