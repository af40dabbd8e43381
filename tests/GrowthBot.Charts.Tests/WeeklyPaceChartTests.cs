namespace GrowthBot.Charts.Tests;

public class WeeklyPaceChartTests
{
    private static ChartResult Render(WeeklyPace data) => WeeklyPaceChart.Render(data, English.Pace(), English.Format);

    private static readonly DateOnly Monday = Samples.PeriodStart;

    [Fact]
    public void The_periods_weeks_draw_as_bars_against_their_targets_and_the_alt_text_lists_each_week()
    {
        var image = Png.AssertSlackReady(Render(Samples.Pace()));

        Assert.StartsWith("New leads per week: on target in 0 of 6 weeks. week of 5 Oct: 2 of 8; week of 12 Oct: 3 of 8;", image.AltText);
        Assert.EndsWith("week of 28 Dec: not checked in of 8", image.AltText);
        Assert.True(Png.Pixels(image, ChartCanvas.Blue) > 2000, "the bars are drawn");
        Assert.True(Png.Pixels(image, ChartCanvas.Vermillion) > 500, "the target marks are drawn");
        Assert.True(Png.IsOpaque(image));
    }

    [Fact]
    public void A_week_is_on_target_when_it_reaches_the_target_or_stays_under_it_when_lower_is_better()
    {
        WeeklyPaceFacts? higher = null, lower = null;
        PaceWeek[] weeks = [new(Monday, 10, 8), new(Monday.AddDays(7), 8, 8), new(Monday.AddDays(14), 5, 8), new(Monday.AddDays(21), 5, null), new(Monday.AddDays(28), null, 8)];

        WeeklyPaceChart.Render(new WeeklyPace(weeks, false), English.Pace() with { AltText = f => { higher = f; return "x"; } }, English.Format);
        WeeklyPaceChart.Render(new WeeklyPace(weeks, true), English.Pace() with { AltText = f => { lower = f; return "x"; } }, English.Format);

        Assert.Equal([true, true, false, null, null], higher!.Weeks.Select(w => w.OnTarget));
        Assert.Equal([false, true, true, null, null], lower!.Weeks.Select(w => w.OnTarget));
        Assert.Equal((4, 2, 3), (higher.WeeksWithActual, higher.WeeksOnTarget, higher.WeeksWithBoth));
    }

    [Fact]
    public void No_weeks_or_weeks_without_any_number_give_no_chart()
    {
        Assert.Equal(NoChartReason.NoData, Render(new WeeklyPace([], false)).Reason);
        Assert.Equal(NoChartReason.NoData, Render(new WeeklyPace([new(Monday, null, null), new(Monday.AddDays(7), null, null)], false)).Reason);
        Assert.Equal(NoChartReason.NoData, Render(new WeeklyPace(null!, false)).Reason);
    }

    [Fact]
    public void One_week_draws()
    {
        var image = Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, 3, 5)], false)));

        Assert.StartsWith("New leads per week: on target in 0 of 1 weeks. week of 5 Oct: 3 of 5", image.AltText);
    }

    [Fact]
    public void Targets_without_actuals_yet_still_draw_the_plan()
    {
        var image = Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, null, 5), new(Monday.AddDays(7), null, 6)], false)));

        Assert.Equal(0, Png.Pixels(image, ChartCanvas.Blue));
        Assert.True(Png.Pixels(image, ChartCanvas.Vermillion) > 100);
    }

    [Fact]
    public void Huge_negative_and_all_equal_values_draw()
    {
        Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, 6.5e11, 7.7e11), new(Monday.AddDays(7), 1e12, 7.7e11)], false)));
        Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, -2, -1), new(Monday.AddDays(7), 1, -1), new(Monday.AddDays(14), -3.5, -1.5)], true)));
        Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, 4, 4), new(Monday.AddDays(7), 4, 4)], false)));
        Png.AssertSlackReady(Render(new WeeklyPace([new(Monday, 0, 0), new(Monday.AddDays(7), 0, 0)], false)));
    }

    [Fact]
    public void Weeks_out_of_order_draw_the_same_picture_as_in_order()
    {
        var ordered = Samples.Pace();
        var shuffled = ordered with { Weeks = ordered.Weeks.OrderBy(w => w.WeekStart.DayNumber % 3).ThenByDescending(w => w.WeekStart).ToList() };

        Assert.Equal(Png.AssertSlackReady(Render(ordered)).Png, Png.AssertSlackReady(Render(shuffled)).Png);
    }

    [Fact]
    public void A_number_that_cannot_be_drawn_gives_no_chart()
    {
        Assert.Equal(NoChartReason.InvalidData, Render(new WeeklyPace([new(Monday, double.NaN, 5)], false)).Reason);
        Assert.Equal(NoChartReason.InvalidData, Render(new WeeklyPace([new(Monday, 3, double.NegativeInfinity)], false)).Reason);
        Assert.Equal(NoChartReason.InvalidData, Render(new WeeklyPace([new(Monday, 3, -1e16)], false)).Reason);
    }

    [Fact]
    public void A_failing_alt_text_function_is_a_contained_failure()
    {
        var result = WeeklyPaceChart.Render(Samples.Pace(), English.Pace() with { AltText = _ => throw new FormatException() }, English.Format);

        Assert.Equal(NoChartReason.RenderFailed, result.Reason);
        Assert.IsType<FormatException>(result.Error);
    }
}
