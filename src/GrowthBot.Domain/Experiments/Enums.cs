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

public static class ExperimentWords
{
    public static string Describe(this FunnelStage stage) => stage switch
    {
        FunnelStage.Acquisition => "Acquisition: getting people to find us",
        FunnelStage.Activation => "Activation: a great first experience",
        FunnelStage.Retention => "Retention: people come back",
        FunnelStage.Referral => "Referral: people tell others",
        FunnelStage.Revenue => "Revenue: people pay",
        _ => stage.ToString(),
    };

    public static string Label(this ExperimentStatus status) => status switch
    {
        ExperimentStatus.Backlog => "Backlog",
        ExperimentStatus.Running => "Running",
        ExperimentStatus.Concluded => "Concluded",
        ExperimentStatus.Abandoned => "Abandoned",
        _ => status.ToString(),
    };

    public static string Label(this Outcome outcome) => outcome switch
    {
        Outcome.Worked => "Worked",
        Outcome.DidNotWork => "Didn't work",
        Outcome.Inconclusive => "Inconclusive",
        _ => outcome.ToString(),
    };

    public static string Label(this Decision decision) => decision switch
    {
        Decision.Scale => "Scale",
        Decision.Iterate => "Iterate",
        Decision.Stop => "Stop",
        _ => decision.ToString(),
    };
}
