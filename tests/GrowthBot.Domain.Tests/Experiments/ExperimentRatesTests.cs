using GrowthBot.Domain.Experiments;

namespace GrowthBot.Domain.Tests.Experiments;

public class ExperimentRatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static Experiment E(ExperimentStatus status, Outcome? outcome = null, DateOnly? concluded = null, FunnelStage stage = FunnelStage.Acquisition) => new()
    {
        TeamId = "T1", Name = "x", Hypothesis = "y", OwnerId = "U1", CreatedBy = "U1", Status = status, Outcome = outcome, Stage = stage,
        ConcludedAt = concluded is { } d ? new DateTimeOffset(d.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero) : null,
    };

    [Fact]
    public void Win_rate_is_worked_out_of_concluded_ignoring_open_and_abandoned_experiments()
    {
        var rate = ExperimentRates.WinRate(
        [
            E(ExperimentStatus.Concluded, Outcome.Worked), E(ExperimentStatus.Concluded, Outcome.DidNotWork),
            E(ExperimentStatus.Concluded, Outcome.Inconclusive), E(ExperimentStatus.Running), E(ExperimentStatus.Backlog), E(ExperimentStatus.Abandoned),
        ]);

        Assert.Equal((1, 3, (int?)33), (rate.Worked, rate.Concluded, rate.Percent));
    }

    [Fact]
    public void Win_rate_has_no_percentage_before_anything_is_concluded() =>
        Assert.Null(ExperimentRates.WinRate([E(ExperimentStatus.Running)]).Percent);

    [Fact]
    public void Velocity_is_concluded_experiments_per_week_over_the_last_four_weeks()
    {
        var experiments = new[]
        {
            E(ExperimentStatus.Concluded, Outcome.Worked, Today),
            E(ExperimentStatus.Concluded, Outcome.Worked, Today.AddDays(-6)),
            E(ExperimentStatus.Concluded, Outcome.DidNotWork, Today.AddDays(-20)),
            E(ExperimentStatus.Concluded, Outcome.DidNotWork, Today.AddDays(-27)),
            E(ExperimentStatus.Concluded, Outcome.Inconclusive, Today.AddDays(-27)),
            // Outside the four weeks, or not concluded: not counted.
            E(ExperimentStatus.Concluded, Outcome.Worked, Today.AddDays(-28)),
            E(ExperimentStatus.Abandoned, concluded: Today),
            E(ExperimentStatus.Running),
        };

        Assert.Equal(1.3m, ExperimentRates.Velocity(experiments, Today));
        Assert.Equal(2m, ExperimentRates.Velocity(experiments, Today, weeks: 1));
    }

    [Fact]
    public void Velocity_of_a_new_team_is_zero() => Assert.Equal(0m, ExperimentRates.Velocity([], Today));

    [Fact]
    public void Funnel_spread_counts_backlog_ideas_per_stage_in_funnel_order()
    {
        var spread = ExperimentRates.FunnelSpread(
        [
            E(ExperimentStatus.Backlog, stage: FunnelStage.Revenue), E(ExperimentStatus.Backlog, stage: FunnelStage.Acquisition),
            E(ExperimentStatus.Backlog, stage: FunnelStage.Acquisition), E(ExperimentStatus.Running, stage: FunnelStage.Activation),
        ]);

        Assert.Equal(
            [(FunnelStage.Acquisition, 2), (FunnelStage.Activation, 0), (FunnelStage.Retention, 0), (FunnelStage.Referral, 0), (FunnelStage.Revenue, 1)],
            spread);
    }
}
