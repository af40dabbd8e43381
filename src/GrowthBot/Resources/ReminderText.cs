namespace GrowthBot.Resources;

/// <summary>The direct messages the bot starts by itself (<c>Resources/Reminders.resx</c>): nudges, the blocker summary, the OKR check-in, experiment due, a channel that refused a post.</summary>
[Texts("Reminders")]
public enum ReminderText
{
    NudgeIntro,
    NudgeBlocked,
    NudgeBlockedNote,
    NudgeOverdue,
    NudgeMore,
    NudgeFooter,
    NudgeFallback,
    BlockerSummary,
    ReasonCount,
    BlockerLine,
    BlockerMore,
    BlockerFallback,
    CheckIn,
    CheckInNoDay,
    CheckInFallback,
    ExperimentDue,
    ExperimentDueNoDay,
    ExperimentDueFallback,
    ChannelProblem,
    ChannelArchived,
    PauseResumed,
    PauseNone,
    PauseNotADate,
    PausePassed,
    PauseTooLong,
    Paused,
}
