using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Okrs;

public class ProgressTests
{
    [Theory]
    [InlineData(0, 100, 26, 26)]
    [InlineData(10, 110, 36, 26)]     // measured from the baseline, not from zero
    [InlineData(0, 100, 150, 100)]    // beyond the target: clamped
    [InlineData(20, 100, 5, 0)]       // below the baseline: clamped
    [InlineData(8, 5, 6.5, 50)]       // a decreasing target (churn 8 % → 5 %)
    [InlineData(8, 5, 9, 0)]          // got worse on a decreasing target
    [InlineData(8, 5, 4, 100)]
    [InlineData(0, 3, 2, 66)]         // floored: 99.9 % is not done
    public void Progress_is_the_share_of_the_way_from_baseline_to_target(double baseline, double target, double current, int expected) =>
        Assert.Equal(expected, Progress.Percent((decimal)baseline, (decimal)target, (decimal)current));

    [Theory]
    [InlineData(0, "░░░░░░░░░░")]
    [InlineData(26, "▓▓▓░░░░░░░")]
    [InlineData(50, "▓▓▓▓▓░░░░░")]
    [InlineData(100, "▓▓▓▓▓▓▓▓▓▓")]
    [InlineData(140, "▓▓▓▓▓▓▓▓▓▓")]
    [InlineData(-5, "░░░░░░░░░░")]
    public void The_bar_has_ten_cells(int percent, string expected) =>
        Assert.Equal(expected, Progress.Bar(percent));

    [Fact]
    public void The_bar_can_have_any_width() => Assert.Equal("▓▓░░", Progress.Bar(50, 4));

    [Fact]
    public void A_target_equal_to_its_baseline_is_reached_or_not()
    {
        Assert.Equal(100, Progress.Percent(50, 50, 50));
        Assert.Equal(0, Progress.Percent(50, 50, 49));
    }
}
