using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Experiments;

public class ExperimentLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static Experiment E(ExperimentStatus status, Outcome? outcome = null) => new()
    {
        Number = 3, TeamId = "T1", Name = "n", Hypothesis = "h", OwnerId = "U1", CreatedBy = "U1", Status = status, Outcome = outcome,
        StartDate = Today, EndDate = Today.AddDays(7),
    };

    [Fact]
    public void A_started_run_begins_today_and_keeps_its_planned_length()
    {
        Assert.Equal((Today, Today.AddDays(14)), ExperimentLifecycle.RunDates(Today, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)));
        Assert.Equal((Today, Today.AddDays(7)), ExperimentLifecycle.RunDates(Today, Today.AddDays(3), Today.AddDays(10)));
        Assert.Equal((Today, Today.AddDays(1)), ExperimentLifecycle.RunDates(Today, Today, Today.AddDays(1)));
    }

    [Fact]
    public void A_run_without_a_sensible_plan_lasts_the_default_week()
    {
        Assert.Equal((Today, Today.AddDays(ExperimentLifecycle.DefaultRunDays)), ExperimentLifecycle.RunDates(Today, Today.AddDays(5), Today.AddDays(5)));
        Assert.Equal((Today, Today.AddDays(7)), ExperimentLifecycle.RunDates(Today, Today.AddDays(5), Today.AddDays(2)));
    }

    [Fact]
    public void Only_backlog_ideas_start_only_running_ones_conclude_and_closed_ones_are_not_abandoned()
    {
        Assert.Null(ExperimentLifecycle.WhyNotStart(E(ExperimentStatus.Backlog)));
        Assert.Equal(ProblemCode.AlreadyRunning, ExperimentLifecycle.WhyNotStart(E(ExperimentStatus.Running))!.Code);
        var concluded = ExperimentLifecycle.WhyNotStart(E(ExperimentStatus.Concluded, Outcome.Worked))!;
        Assert.Equal((ProblemCode.ConcludedCannotStart, "E3", Outcome.Worked), (concluded.Code, concluded.Arg("id"), concluded.Arg("outcome")));
        Assert.Equal(ProblemCode.AbandonedCannotStart, ExperimentLifecycle.WhyNotStart(E(ExperimentStatus.Abandoned))!.Code);

        Assert.Null(ExperimentLifecycle.WhyNotConclude(E(ExperimentStatus.Running)));
        Assert.Equal((ProblemCode.NotStartedCannotConclude, "E3"), (ExperimentLifecycle.WhyNotConclude(E(ExperimentStatus.Backlog))!.Code, ExperimentLifecycle.WhyNotConclude(E(ExperimentStatus.Backlog))!.Arg("id")));
        Assert.Equal(ProblemCode.AlreadyConcluded, ExperimentLifecycle.WhyNotConclude(E(ExperimentStatus.Concluded, Outcome.DidNotWork))!.Code);
        Assert.NotNull(ExperimentLifecycle.WhyNotConclude(E(ExperimentStatus.Abandoned)));

        Assert.Null(ExperimentLifecycle.WhyNotAbandon(E(ExperimentStatus.Backlog)));
        Assert.Null(ExperimentLifecycle.WhyNotAbandon(E(ExperimentStatus.Running)));
        Assert.NotNull(ExperimentLifecycle.WhyNotAbandon(E(ExperimentStatus.Concluded)));
        Assert.Equal(ProblemCode.AlreadyAbandoned, ExperimentLifecycle.WhyNotAbandon(E(ExperimentStatus.Abandoned))!.Code);
    }

    private static readonly ConclusionDraft Complete = new()
    {
        Outcome = Outcome.Worked, Result = " 1 lead, CTR 60% ", Learning = "CMOs answer", Decision = Decision.Scale,
    };

    [Fact]
    public void A_complete_conclusion_without_check_in_is_valid()
    {
        Assert.True(Complete.Validate().IsValid);
        Assert.Equal(new Conclusion(Outcome.Worked, "1 lead, CTR 60%", "CMOs answer", Decision.Scale), Complete.ToConclusion());
        Assert.Null(Complete.ToKeyResultUpdate(5));
    }

    [Fact]
    public void Outcome_result_learning_and_decision_are_required()
    {
        var errors = new ConclusionDraft { Result = " ", Learning = new string('x', ConclusionDraft.LearningMax + 1) }.Validate();

        Assert.Equal(["decision", "learning", "outcome", "result"], errors.ByField.Keys.Order());
        Assert.Equal((ProblemCode.TooLong, 2000), (errors.ByField["learning"].Code, errors.ByField["learning"].Arg("max")));
    }

    [Fact]
    public void A_check_in_value_must_be_a_number_and_needs_a_confidence()
    {
        var notANumber = (Complete with { KeyResultValueText = "lots", KeyResultConfidence = KrConfidence.OnTrack }).Validate();
        var problem = notANumber.ByField[ConclusionDraft.Fields.KeyResultValue];
        Assert.Equal((ProblemCode.KeyResultValueNotANumber, "lots"), (problem.Code, problem.Arg("typed")));

        var noConfidence = (Complete with { KeyResultValueText = "26", KeyResultValue = 26 }).Validate();
        Assert.Equal([ConclusionDraft.Fields.KeyResultConfidence], noConfidence.ByField.Keys);

        var noValue = (Complete with { KeyResultConfidence = KrConfidence.AtRisk }).Validate();
        Assert.Equal([ConclusionDraft.Fields.KeyResultValue], noValue.ByField.Keys);
    }

    [Fact]
    public void A_complete_check_in_becomes_a_key_result_update_only_when_the_experiment_has_a_key_result()
    {
        var draft = Complete with { KeyResultValueText = "26", KeyResultValue = 26, KeyResultConfidence = KrConfidence.AtRisk };

        Assert.True(draft.Validate().IsValid);
        Assert.Equal(new KeyResultUpdate(5, 26, KrConfidence.AtRisk), draft.ToKeyResultUpdate(5));
        Assert.Null(draft.ToKeyResultUpdate(null));
    }

    [Fact]
    public void An_experiment_draft_round_trips_an_experiment_for_editing()
    {
        var e = E(ExperimentStatus.Running) with { Stage = FunnelStage.Revenue, Ice = new IceScore(8, 6, 7), Metric = "Leads", KeyResultId = 4 };

        var edited = (ExperimentDraft.Of(e) with { Name = " Renamed " }).ApplyTo(e);

        Assert.True(ExperimentDraft.Of(e).Validate().IsValid);
        Assert.Equal(e with { Name = "Renamed" }, edited);
    }
}
