using GrowthBot.Domain.Common;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Okrs;

public class PaceTests
{
    private static readonly OkrPeriod Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    private static KeyResult Kr(decimal baseline, decimal target, decimal current) => new()
    {
        Id = 1, TeamId = "T", Number = 1, ObjectiveId = 1, Name = "New leads", Baseline = baseline, Target = target, Current = current,
        OwnerId = "U1", CreatedBy = "U1",
    };

    private static CheckIn At(decimal value, DateTimeOffset at) => new()
    {
        Id = at.Ticks, TeamId = "T", KeyResultId = 1, Value = value, PreviousValue = 0, Confidence = KrConfidence.OnTrack, CreatedBy = "U1", CreatedAt = at,
    };

    [Fact]
    public void A_quarter_has_the_weeks_that_overlap_it_monday_to_sunday()
    {
        Assert.Equal(PeriodKind.Quarter, Q4.Kind);
        Assert.Equal((new DateOnly(2026, 9, 28), new DateOnly(2026, 12, 28), 14), (Q4.FirstWeek, Q4.LastWeek, Q4.WeekCount));
        Assert.Equal(8, Q4.WeekNumber(new DateOnly(2026, 11, 18)));
        Assert.Equal(new OkrPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31)), Q4.Next());
        Assert.Equal(new OkrPeriod(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), new OkrPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)).Next());
        Assert.Equal(new OkrPeriod(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 28)), new OkrPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 14)).Next());
    }

    [Theory]
    [InlineData("Q4 2026", 2026, 10)]
    [InlineData("2027 Q1", 2027, 1)]
    [InlineData("q2-2026 push", 2026, 4)]
    [InlineData("This quarter", 2026, 7)]
    public void An_objective_set_before_periods_had_dates_runs_over_the_quarter_its_name_gives_or_it_was_set_in(string name, int year, int month)
    {
        Assert.Equal(OkrPeriod.QuarterOf(new DateOnly(year, month, 1)), OkrPeriod.Infer(name, new DateOnly(2026, 8, 20)));
    }

    [Fact]
    public void The_default_target_is_what_was_left_when_the_week_began_over_the_weeks_left_and_check_ins_count_in_their_own_week()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        var pace = KeyResultPace.Calculate(Kr(0, 100, 26), Q4,
            [At(20, new DateTimeOffset(2026, 11, 12, 15, 0, 0, TimeSpan.Zero)), At(26, new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero))], [], TimeZoneInfo.Utc, now);

        Assert.True(pace.WholeUnits);
        Assert.Equal(8, pace.Weeks.Count);
        Assert.Equal((12m, 6m, 20m), (pace.ThisWeek!.Target, pace.ThisWeek.Done, pace.ThisWeek.StartValue));
        Assert.Equal((50m, 24m, PaceStatus.Behind), (pace.Expected, pace.Behind, pace.Status));
        Assert.Equal(20m, pace.Week(new DateOnly(2026, 11, 9))!.Done);
        Assert.Null(pace.Week(new DateOnly(2026, 11, 2))!.Done);
    }

    [Fact]
    public void Weeks_begin_at_monday_midnight_in_the_teams_zone()
    {
        // Sunday 22:30 UTC is already Monday 00:30 in Helsinki: the check-in counts toward the new week there.
        var checkIn = At(10, new DateTimeOffset(2026, 11, 15, 22, 30, 0, TimeSpan.Zero));
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(10m, KeyResultPace.Calculate(Kr(0, 100, 10), Q4, [checkIn], [], Helsinki, now).ThisWeek!.Done);
        Assert.Null(KeyResultPace.Calculate(Kr(0, 100, 10), Q4, [checkIn], [], TimeZoneInfo.Utc, now).ThisWeek!.Done);
    }

    [Fact]
    public void A_target_set_by_hand_replaces_the_default_for_its_week_only_and_lower_is_better_counts_down()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
        WeeklyTarget[] hand = [new(1, new DateOnly(2026, 11, 16), 0.5m, "U2", now)];

        var churn = KeyResultPace.Calculate(Kr(8, 5, 7), Q4, [At(7, new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero))], hand, TimeZoneInfo.Utc, now);

        Assert.True(churn.LowerIsBetter);
        Assert.Equal((0.5m, "U2", 1m, 1m), (churn.ThisWeek!.Target, churn.ThisWeek.SetBy, churn.ThisWeek.DefaultTarget, churn.ThisWeek.Done));
        Assert.Null(churn.Week(new DateOnly(2026, 11, 9))!.SetBy);
        // The line from 8 to 5 stands at 6.5 after 7 of 14 weeks; 7 is 0.5 short of it, 1 in the whole points it is counted in.
        Assert.Equal((6.5m, 1m, PaceStatus.Behind), (churn.Expected, churn.Behind, churn.Status));
    }

    [Fact]
    public void Before_the_period_nothing_is_due_and_after_it_the_result_is_final()
    {
        var before = KeyResultPace.Calculate(Kr(0, 100, 0), Q4, [], [], TimeZoneInfo.Utc, new DateTimeOffset(2026, 9, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((PaceStatus.NotStarted, 0), (before.Status, before.Weeks.Count));

        var after = KeyResultPace.Calculate(Kr(0, 100, 100), Q4, [], [], TimeZoneInfo.Utc, new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((PaceStatus.Ended, 14, true), (after.Status, after.Weeks.Count, after.Reached));
        Assert.Null(after.ThisWeek);
    }

    [Fact]
    public void A_weekly_target_must_be_a_number_of_zero_or_more_and_an_empty_field_is_the_default()
    {
        var kr = Kr(0, 100, 0);
        var (errors, _) = new WeeklyTargetDraft([(kr, "eight")]).Validate();
        Assert.Equal(new Problem(ProblemCode.WeeklyTargetNotANumber, [("typed", "eight")]).ToString(), errors.ByField["week_KR1"].ToString());
        Assert.Equal(new Problem(ProblemCode.WeeklyTargetNegative, [("id", "KR1")]).ToString(),
            new WeeklyTargetDraft([(kr, "-1")]).Validate().Errors.ByField["week_KR1"].ToString());
        Assert.Equal(2.5m, new WeeklyTargetDraft([(kr, "2,5")]).Validate().Targets[1]);
        Assert.Null(new WeeklyTargetDraft([(kr, " ")]).Validate().Targets[1]);
    }

    [Fact]
    public void A_kpi_needs_a_name_that_no_other_kpi_of_the_team_has_in_any_case_or_spacing()
    {
        var lead = new Kpi { TeamId = "T", Number = 1, Name = "Lead", Definition = "x", OwnerId = "U1", CreatedBy = "U1" };
        var taken = new KpiDraft("  LEAD ", "y", null, "U1", null, KpiDirection.HigherIsBetter).Validate([lead]).ByField["kpi_name"];
        Assert.Equal((ProblemCode.KpiNameTaken, "K1", "Lead"), (taken.Code, (string?)taken.Arg("id"), (string?)taken.Arg("name")));
        Assert.Equal(["kpi_definition", "kpi_direction", "kpi_name", "kpi_owner"], new KpiDraft("", "", null, null, null, null).Validate([]).ByField.Keys.Order());
        Assert.Equal("Sales qualified lead", new KpiDraft(" Sales   qualified lead ", "y", null, "U1", null, KpiDirection.HigherIsBetter).ToKpi("T", "U1", default).Name);
    }
}
