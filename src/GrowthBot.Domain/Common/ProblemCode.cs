namespace GrowthBot.Domain.Common;

/// <summary>
/// Every problem the domain can report. The host has one text per code in each language (<c>Resources/Problems.resx</c>);
/// a test fails when a code has no text, so a new code is worded before it ships. Arguments are named in the comment.
/// </summary>
public enum ProblemCode
{
    /// <summary>text: a sentence already worded in English (checks not yet given codes of their own: KPIs, periods, money).</summary>
    Worded,

    /// <summary>max, length.</summary>
    TooLong,

    ExperimentNameMissing,
    HypothesisMissing,
    StageMissing,
    /// <summary>min, max.</summary>
    ImpactMissing,
    /// <summary>min, max.</summary>
    ImpactOutOfRange,
    /// <summary>min, max.</summary>
    ConfidenceMissing,
    /// <summary>min, max.</summary>
    ConfidenceOutOfRange,
    /// <summary>min, max.</summary>
    EaseMissing,
    /// <summary>min, max.</summary>
    EaseOutOfRange,
    OwnerMissing,
    StartDateMissing,
    EndDateMissing,
    EndNotAfterStart,

    OutcomeMissing,
    ResultMissing,
    ConclusionLearningMissing,
    DecisionMissing,
    /// <summary>typed: what was typed instead of a number.</summary>
    KeyResultValueNotANumber,
    KeyResultValueMissing,
    KeyResultConfidenceMissing,

    /// <summary>id, start, end (dates).</summary>
    AlreadyRunning,
    /// <summary>id, outcome.</summary>
    ConcludedCannotStart,
    /// <summary>id.</summary>
    AbandonedCannotStart,
    /// <summary>id.</summary>
    NotStartedCannotConclude,
    /// <summary>id, outcome.</summary>
    AlreadyConcluded,
    /// <summary>id.</summary>
    AbandonedCannotConclude,
    /// <summary>id, outcome.</summary>
    ConcludedCannotAbandon,
    /// <summary>id.</summary>
    AlreadyAbandoned,

    TaskTitleMissing,
    DueDateMissing,
    DueDateLongAgo,
    BlockReasonMissing,
    BlockNoteMissing,
    NewDueDateMissing,
    /// <summary>current: the current due date.</summary>
    NewDueDateNotLater,
    PostponeReasonMissing,

    LearningTextMissing,
    LearningKindMissing,

    ObjectiveMissing,
    PeriodMissing,
    FirstKeyResultNameMissing,
    KeyResultNameMissing,
    BaselineMissing,
    TargetMissing,
    /// <summary>typed: what was typed instead of a number.</summary>
    OkrNumberNotANumber,
    /// <summary>baseline: the number both are.</summary>
    TargetEqualsBaseline,
    KeyResultOwnerMissing,

    CheckInKeyResultMissing,
    /// <summary>The chosen key result was deleted or belongs to another team.</summary>
    KeyResultGone,
    CheckInValueMissing,
    /// <summary>typed: what was typed instead of a number.</summary>
    CheckInValueNotANumber,
    CheckInConfidenceMissing,
}
