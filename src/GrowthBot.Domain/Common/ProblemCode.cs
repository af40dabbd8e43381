namespace GrowthBot.Domain.Common;

/// <summary>
/// Every problem the domain can report. The host has one text per code in each language (<c>Resources/Problems.resx</c>);
/// a test fails when a code has no text, so a new code is worded before it ships. Arguments are named in the comment.
/// </summary>
public enum ProblemCode
{
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

    // kpi area: KPIs, the ICP, periods and weekly targets (issue 13).
    /// <summary>id: the KPI a key result linked, deleted since.</summary>
    KpiNoLonger,
    PeriodStartMissing,
    PeriodEndMissing,
    PeriodEndsBeforeStart,
    /// <summary>days: how many days were chosen.</summary>
    PeriodTooShort,
    PeriodTooLong,
    /// <summary>id, name: the KPI, which has no unit.</summary>
    KpiHasNoUnit,
    /// <summary>id, name, unit: the KPI and the unit it counts in.</summary>
    KpiUnitDiffers,
    /// <summary>id, name: the KPI (lower is better); baseline.</summary>
    TargetShouldBeBelow,
    /// <summary>id, name: the KPI (higher is better); baseline.</summary>
    TargetShouldBeAbove,
    KpiNameMissing,
    /// <summary>id, name: the KPI that has the name already.</summary>
    KpiNameTaken,
    KpiDefinitionMissing,
    KpiOwnerMissing,
    KpiDirectionMissing,
    IcpEmpty,
    /// <summary>typed: what was typed instead of a number.</summary>
    WeeklyTargetNotANumber,
    /// <summary>id: the key result (lower is better).</summary>
    WeeklyTargetNegativeDown,
    /// <summary>id: the key result.</summary>
    WeeklyTargetNegative,
    WeeklyTargetTooLarge,
    // end of the kpi area.

    // Money and the pipeline (issue 14).
    /// <summary>typed: what was typed instead of an amount.</summary>
    AmountNotANumber,
    AmountNegative,
    /// <summary>max: the largest amount accepted.</summary>
    AmountTooLarge,
    /// <summary>typed: what was typed instead of a count of results.</summary>
    ResultsNotANumber,
    ResultsNegative,
    ResultsNotWhole,
    /// <summary>max: the largest count accepted.</summary>
    ResultsTooMany,
    OpportunitiesNotWhole,
    /// <summary>min, max.</summary>
    OpportunitiesOutOfRange,
    DealSizeMissing,
    WinRateNotANumber,
    /// <summary>min, max (percent).</summary>
    WinRateOutOfRange,
    SalesCycleNotWhole,
    /// <summary>min, max (days).</summary>
    SalesCycleOutOfRange,
}
