using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Okrs;

public class KeyResultProgressTests
{
    private static KeyResult Kr(decimal baseline, decimal target, decimal current, string unit = "new leads") => new()
    {
        TeamId = "T1", Name = "Leads", Baseline = baseline, Target = target, Current = current, Unit = unit, OwnerId = "U1", CreatedBy = "U1",
    };

    [Theory]
    [InlineData(0, 100, 26, 26)]
    [InlineData(20, 120, 45, 25)]
    [InlineData(0, 100, 0, 0)]
    [InlineData(0, 100, 100, 100)]
    [InlineData(0, 3, 1, 33)]
    [InlineData(0, 3, 2, 67)]
    public void Progress_is_the_share_of_the_way_from_baseline_to_target(decimal baseline, decimal target, decimal current, int expected) =>
        Assert.Equal(expected, KeyResultProgress.Percent(Kr(baseline, target, current)));

    [Theory]
    [InlineData(0, 100, -10, 0)]
    [InlineData(0, 100, 250, 100)]
    public void Progress_is_clamped_between_0_and_100_percent(decimal baseline, decimal target, decimal current, int expected) =>
        Assert.Equal(expected, KeyResultProgress.Percent(Kr(baseline, target, current)));

    [Fact]
    public void A_target_below_the_baseline_counts_progress_downwards() =>
        Assert.Equal(60, KeyResultProgress.Percent(Kr(baseline: 10, target: 5, current: 7)));

    [Fact]
    public void A_target_equal_to_the_baseline_is_either_reached_or_not()
    {
        Assert.Equal(100, KeyResultProgress.Percent(Kr(50, 50, 50)));
        Assert.Equal(0, KeyResultProgress.Percent(Kr(50, 50, 49)));
    }

    [Theory]
    [InlineData(0, "░░░░░░░░░░")]
    [InlineData(26, "███░░░░░░░")]
    [InlineData(50, "█████░░░░░")]
    [InlineData(100, "██████████")]
    [InlineData(140, "██████████")]
    [InlineData(-5, "░░░░░░░░░░")]
    public void The_bar_fills_one_cell_per_tenth(int percent, string bar) => Assert.Equal(bar, KeyResultProgress.Bar(percent));

    [Fact]
    public void The_bar_can_have_any_width() => Assert.Equal("██░░", KeyResultProgress.Bar(50, 4));

    [Fact]
    public void The_main_goal_reads_like_the_weekly_report() =>
        Assert.Equal("26/100 new leads", KeyResultProgress.Fraction(Kr(0, 100, 26)));
}
