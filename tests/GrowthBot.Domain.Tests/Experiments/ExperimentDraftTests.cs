using F = GrowthBot.Domain.Experiments.ExperimentDraft.Fields;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;

namespace GrowthBot.Domain.Tests.Experiments;

public class ExperimentDraftTests
{
    private static readonly ExperimentDraft Valid = new()
    {
        Name = "LinkedIn InMail to CMOs",
        Hypothesis = "CMOs answer InMail because a customer's CMO is active there",
        Stage = FunnelStage.Acquisition,
        Metric = "Leads",
        Impact = 8,
        Confidence = 6,
        Ease = 7,
        OwnerId = "U1",
        StartDate = new DateOnly(2026, 11, 18),
        EndDate = new DateOnly(2026, 11, 25),
    };

    private static void AssertOnlyError(ExperimentDraft draft, string field, ProblemCode code, params (string Name, object Value)[] args)
    {
        var errors = draft.Validate().ByField;
        Assert.Equal([field], errors.Keys);
        Assert.Equal(code, errors[field].Code);
        foreach (var (name, value) in args) Assert.Equal(value, errors[field].Arg(name));
    }

    [Fact]
    public void A_complete_draft_is_valid()
    {
        Assert.True(Valid.Validate().IsValid);
    }

    [Fact]
    public void The_metric_is_optional()
    {
        Assert.True((Valid with { Metric = null }).Validate().IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string? name) => AssertOnlyError(Valid with { Name = name }, F.Name, ProblemCode.ExperimentNameMissing);

    [Fact]
    public void A_name_longer_than_100_characters_is_refused() =>
        AssertOnlyError(Valid with { Name = new string('n', 101) }, F.Name, ProblemCode.TooLong, ("max", 100), ("length", 101));

    [Fact]
    public void Spaces_around_the_name_do_not_count_towards_its_length()
    {
        Assert.True((Valid with { Name = "  " + new string('n', 100) + "  " }).Validate().IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_hypothesis_is_required(string? hypothesis) => AssertOnlyError(Valid with { Hypothesis = hypothesis }, F.Hypothesis, ProblemCode.HypothesisMissing);

    [Fact]
    public void A_hypothesis_longer_than_1000_characters_is_refused() =>
        AssertOnlyError(Valid with { Hypothesis = new string('h', 1001) }, F.Hypothesis, ProblemCode.TooLong, ("max", 1000));

    [Fact]
    public void A_metric_longer_than_200_characters_is_refused() =>
        AssertOnlyError(Valid with { Metric = new string('m', 201) }, F.Metric, ProblemCode.TooLong, ("max", 200));

    [Fact]
    public void A_funnel_stage_is_required() => AssertOnlyError(Valid with { Stage = null }, F.Stage, ProblemCode.StageMissing);

    [Theory]
    [InlineData(F.Impact, null, ProblemCode.ImpactMissing)]
    [InlineData(F.Impact, 0, ProblemCode.ImpactOutOfRange)]
    [InlineData(F.Confidence, 11, ProblemCode.ConfidenceOutOfRange)]
    [InlineData(F.Ease, -3, ProblemCode.EaseOutOfRange)]
    [InlineData(F.Ease, null, ProblemCode.EaseMissing)]
    public void Impact_confidence_and_ease_are_from_1_to_10(string field, int? value, ProblemCode problem)
    {
        var draft = field switch
        {
            F.Impact => Valid with { Impact = value },
            F.Confidence => Valid with { Confidence = value },
            _ => Valid with { Ease = value },
        };
        AssertOnlyError(draft, field, problem, ("min", 1), ("max", 10));
    }

    [Fact]
    public void An_owner_is_required() => AssertOnlyError(Valid with { OwnerId = null }, F.Owner, ProblemCode.OwnerMissing);

    [Fact]
    public void A_start_date_is_required() => AssertOnlyError(Valid with { StartDate = null }, F.StartDate, ProblemCode.StartDateMissing);

    [Fact]
    public void An_end_date_is_required() => AssertOnlyError(Valid with { EndDate = null }, F.EndDate, ProblemCode.EndDateMissing);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_end_date_must_be_after_the_start_date(int daysAfterStart) =>
        AssertOnlyError(Valid with { EndDate = Valid.StartDate!.Value.AddDays(daysAfterStart) }, F.EndDate, ProblemCode.EndNotAfterStart);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = new ExperimentDraft().Validate().ByField;

        Assert.Equal([F.Confidence, F.Ease, F.EndDate, F.Hypothesis, F.Impact, F.Name, F.Owner, F.Stage, F.StartDate], errors.Keys.Order());
    }

    [Fact]
    public void A_valid_draft_becomes_a_backlog_experiment_with_trimmed_text_and_who_created_it()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

        var experiment = (Valid with { Name = "  Cold email  ", Metric = null }).ToExperiment("T1", "U9", now);

        Assert.Equal(("T1", "Cold email", "", "U9", now), (experiment.TeamId, experiment.Name, experiment.Metric, experiment.CreatedBy, experiment.CreatedAt));
        Assert.Equal(ExperimentStatus.Backlog, experiment.Status);
        Assert.Equal(new IceScore(8, 6, 7), experiment.Ice);
    }
}
