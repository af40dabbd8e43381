namespace GrowthBot.Domain.Experiments;

/// <summary>The AARRR ("pirate metrics") stage of the funnel an experiment works on.</summary>
public enum FunnelStage
{
    Acquisition,
    Activation,
    Retention,
    Referral,
    Revenue,
}

public enum ExperimentStatus
{
    Backlog,
    Running,
    Concluded,
    Abandoned,
}

public enum Outcome
{
    Worked,
    DidNotWork,
    Inconclusive,
}

public enum Decision
{
    Scale,
    Iterate,
    Stop,
}
