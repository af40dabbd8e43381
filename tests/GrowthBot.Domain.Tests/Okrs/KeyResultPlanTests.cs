using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Okrs;

public class KeyResultPlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData("Q4 2026", "2026-10-01", "2026-12-31")]
    [InlineData("q1/2027", "2027-01-01", "2027-03-31")]
    [InlineData("2026 Q2", "2026-04-01", "2026-06-30")]
    [InlineData("Growth Q3-2026", "2026-07-01", "2026-09-30")]
    [InlineData("H2 2026", "2026-07-01", "2026-12-31")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("FY2027", "2027-01-01", "2027-12-31")]
    [InlineData("Q4", "2026-10-01", "2026-12-31")]
    [InlineData("this autumn", "2026-10-01", "2026-12-31")]
    [InlineData("", "2026-10-01", "2026-12-31")]
    public void The_objectives_period_is_read_from_its_text_or_is_the_current_quarter(string text, string start, string end)
    {
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), KeyResultPlan.ObjectivePeriod(text, Today));
    }

    [Fact]
    public void The_straight_plan_gives_every_week_of_the_period_an_even_share_of_the_way()
    {
        var plan = KeyResultPlan.Straight(new(2026, 10, 1), new(2026, 12, 31), 0, 140);

        Assert.Equal(14, plan.Weeks.Count);
        Assert.Equal(new DateOnly(2026, 9, 28), plan.Weeks[0].WeekStart);
        Assert.Equal(new DateOnly(2026, 12, 28), plan.Weeks[^1].WeekStart);
        Assert.All(plan.Weeks, w => Assert.Equal(10m, w.Target));
        Assert.False(plan.WeeklyTargetsSet);
    }

    [Fact]
    public void Lower_is_better_gives_negative_weekly_targets()
    {
        var plan = KeyResultPlan.Straight(new(2026, 10, 5), new(2026, 10, 18), 8, 5);

        Assert.Equal([-1.5m, -1.5m], plan.Weeks.Select(w => w.Target));
    }

    [Fact]
    public void Each_week_adds_its_last_check_in_minus_the_value_before_it_and_weeks_without_one_have_none()
    {
        var plan = KeyResultPlan.Straight(new(2026, 10, 5), new(2026, 11, 29), 10, 50);
        DayValue[] checkIns = [new(new(2026, 10, 6), 12), new(new(2026, 10, 8), 15), new(new(2026, 10, 20), 21), new(new(2026, 10, 19), 19)];

        var actuals = plan.Actuals(checkIns, new(2026, 10, 21));

        Assert.Equal([
            new WeekActual(new(2026, 10, 5), 5), // 15 − the baseline 10
            new WeekActual(new(2026, 10, 12), null),
            new WeekActual(new(2026, 10, 19), 6), // 21 − 15
        ], actuals);
    }

    [Fact]
    public void Weekly_targets_replace_the_even_shares_and_say_where_the_key_result_should_stand_this_week()
    {
        var plan = KeyResultPlan.Straight(new(2026, 10, 5), new(2026, 11, 1), 0, 40)
            .WithWeeklyTargets(new Dictionary<DateOnly, decimal> { [new(2026, 10, 12)] = 4, [new(2026, 10, 19)] = 16 });

        Assert.True(plan.WeeklyTargetsSet);
        Assert.Equal([10m, 4m, 16m, 10m], plan.Weeks.Select(w => w.Target));
        Assert.Equal(new DayValue(new(2026, 10, 25), 30), plan.ThisWeek(new(2026, 10, 21)));
        Assert.Equal(new DayValue(new(2026, 11, 1), 40), plan.ThisWeek(new(2026, 10, 29)));
        Assert.Null(plan.ThisWeek(new(2026, 11, 4)));
    }
}
