namespace GrowthBot.Charts.Tests;

public class KeyResultTrendChartTests
{
    private static ChartResult Render(KeyResultTrend data) => KeyResultTrendChart.Render(data, English.Trend(), English.Format);

    [Fact]
    public void A_key_result_draws_as_a_slack_ready_png_whose_alt_text_states_the_numbers()
    {
        var image = Png.AssertSlackReady(Render(Samples.Trend()));

        Assert.Equal("New leads: 26 of 100 (baseline 0), 6 check-ins from 5 Oct to 9 Nov; on the line to target it should be 40 by now", image.AltText);
        Assert.True(Png.IsOpaque(image));
        Assert.True(Png.Pixels(image, ChartCanvas.Blue) > 500, "the check-in line is drawn");
    }

    [Fact]
    public void This_weeks_target_is_marked_only_when_there_is_one()
    {
        var without = Png.AssertSlackReady(Render(Samples.Trend()));
        var with = Png.AssertSlackReady(Render(Samples.Trend(new TrendPoint(new(2026, 11, 15), 47))));

        Assert.Equal(0, Png.Pixels(without, ChartCanvas.Vermillion));
        Assert.True(Png.Pixels(with, ChartCanvas.Vermillion) > 40, "the diamond is drawn");
        Assert.EndsWith("by now, and 47 by 15 Nov", with.AltText);
    }

    [Fact]
    public void The_facts_handed_to_the_alt_text_are_the_ones_drawn()
    {
        KeyResultTrendFacts? seen = null;
        var text = English.Trend() with { AltText = f => { seen = f; return "x"; } };

        KeyResultTrendChart.Render(Samples.Trend(new TrendPoint(new(2026, 11, 15), 47)), text, English.Format);

        Assert.NotNull(seen);
        Assert.Equal((0d, 100d, false, 6), (seen.Baseline, seen.Target, seen.LowerIsBetter, seen.CheckIns));
        Assert.Equal(new TrendPoint(new(2026, 10, 5), 2), seen.First);
        Assert.Equal(new TrendPoint(new(2026, 11, 9), 26), seen.Latest);
        Assert.Equal(100.0 * 35 / 87, seen.ExpectedByNow, 9);
        Assert.Equal(new TrendPoint(new(2026, 11, 15), 47), seen.ThisWeek);
    }

    [Fact]
    public void No_check_ins_gives_no_chart()
    {
        var result = Render(Samples.Trend() with { CheckIns = [] });

        Assert.False(result.HasImage);
        Assert.Equal(NoChartReason.NoData, result.Reason);
        Assert.Null(result.Error);
    }

    [Fact]
    public void One_check_in_draws_a_dot_against_the_plan()
    {
        var image = Png.AssertSlackReady(Render(Samples.Trend() with { CheckIns = [new(new(2026, 10, 7), 3)] }));

        Assert.StartsWith("New leads: 3 of 100 (baseline 0), 1 check-in from 7 Oct to 7 Oct;", image.AltText);
        Assert.True(Png.Pixels(image, ChartCanvas.Blue) > 40);
    }

    [Fact]
    public void A_target_below_the_baseline_draws_a_falling_plan_and_says_lower_is_better()
    {
        var churn = new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 8.5, 5,
            [new(new(2026, 10, 5), 8.4), new(new(2026, 10, 19), 7.9), new(new(2026, 11, 2), 7.1)], Samples.Today);

        var image = Png.AssertSlackReady(KeyResultTrendChart.Render(churn, English.Trend("Churn"), English.Format));

        Assert.Equal("Churn: 7.1 of 5 (baseline 8.5), 3 check-ins from 5 Oct to 2 Nov; on the line to target it should be 7 by now (lower is better)", image.AltText);
    }

    [Fact]
    public void Huge_values_draw_and_are_written_out_in_full()
    {
        var data = new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 0, 1e12,
            [new(new(2026, 10, 5), 1e11), new(new(2026, 10, 26), 2.5e11), new(new(2026, 11, 9), 4.2e11)], Samples.Today);

        var image = Png.AssertSlackReady(Render(data));

        Assert.StartsWith("New leads: 420,000,000,000 of 1,000,000,000,000 (baseline 0)", image.AltText);
    }

    [Fact]
    public void Negative_values_draw()
    {
        var data = new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, -20, 10,
            [new(new(2026, 10, 5), -25), new(new(2026, 10, 19), -12.5), new(new(2026, 11, 2), -3)], Samples.Today);

        var image = Png.AssertSlackReady(Render(data));

        Assert.StartsWith("New leads: -3 of 10 (baseline -20)", image.AltText);
    }

    [Fact]
    public void All_equal_values_draw_a_flat_line_in_the_middle()
    {
        var data = new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 50, 50,
            [new(new(2026, 10, 5), 50), new(new(2026, 10, 19), 50), new(new(2026, 11, 2), 50)], Samples.Today);

        var image = Png.AssertSlackReady(Render(data));

        Assert.StartsWith("New leads: 50 of 50 (baseline 50)", image.AltText);
    }

    [Fact]
    public void Check_ins_out_of_order_draw_the_same_picture_as_in_order()
    {
        var shuffled = Samples.LeadCheckIns.Reverse().ToArray();

        var ordered = Png.AssertSlackReady(Render(Samples.Trend()));
        var reversed = Png.AssertSlackReady(Render(Samples.Trend() with { CheckIns = shuffled }));

        Assert.Equal(ordered.Png, reversed.Png);
        Assert.Equal(ordered.AltText, reversed.AltText);
    }

    [Fact]
    public void A_stray_date_years_away_draws_a_long_axis_instead_of_failing()
    {
        var data = Samples.Trend() with { CheckIns = [.. Samples.LeadCheckIns, new(new(1990, 1, 1), 4)] };

        var image = Png.AssertSlackReady(Render(data));

        Assert.Contains("7 check-ins from 1 Jan to 9 Nov", image.AltText);
    }

    [Fact]
    public void A_period_without_length_still_draws_against_the_target()
    {
        var data = Samples.Trend() with { PeriodEnd = Samples.PeriodStart };

        var image = Png.AssertSlackReady(Render(data));

        Assert.EndsWith("it should be 100 by now", image.AltText);
    }

    [Fact]
    public void Numbers_that_cannot_be_drawn_are_left_out_and_only_they_give_no_chart()
    {
        var some = Render(Samples.Trend() with { CheckIns = [.. Samples.LeadCheckIns, new(new(2026, 11, 10), double.NaN), new(new(2026, 11, 11), 1e300)] });
        var none = Render(Samples.Trend() with { CheckIns = [new(new(2026, 11, 10), double.PositiveInfinity)] });
        var badTarget = Render(Samples.Trend() with { Target = double.NaN });
        var badWeek = Render(Samples.Trend(new TrendPoint(new(2026, 11, 15), 1e20)));

        Assert.Contains("6 check-ins", Png.AssertSlackReady(some).AltText);
        Assert.Equal([NoChartReason.InvalidData, NoChartReason.InvalidData, NoChartReason.InvalidData], [none.Reason, badTarget.Reason, badWeek.Reason]);
    }

    [Fact]
    public void A_failing_alt_text_function_is_a_contained_failure_not_an_exception()
    {
        var boom = new InvalidOperationException("no translation");
        var text = English.Trend() with { AltText = _ => throw boom };

        var result = KeyResultTrendChart.Render(Samples.Trend(), text, English.Format);

        Assert.Equal(NoChartReason.RenderFailed, result.Reason);
        Assert.Same(boom, result.Error);
    }

    [Fact]
    public void Missing_inputs_and_empty_alt_text_are_contained_failures_too()
    {
        var nullData = KeyResultTrendChart.Render(null!, English.Trend(), English.Format);
        var nullCheckIns = KeyResultTrendChart.Render(Samples.Trend() with { CheckIns = null! }, English.Trend(), English.Format);
        var emptyAlt = KeyResultTrendChart.Render(Samples.Trend(), English.Trend() with { AltText = _ => " " }, English.Format);

        Assert.Equal(NoChartReason.RenderFailed, nullData.Reason);
        Assert.IsType<ArgumentNullException>(nullData.Error);
        Assert.Equal(NoChartReason.NoData, nullCheckIns.Reason);
        Assert.Equal(NoChartReason.RenderFailed, emptyAlt.Reason);
    }

    [Fact]
    public void Alt_text_longer_than_slack_allows_is_cut_with_an_ellipsis()
    {
        var text = English.Trend() with { AltText = _ => new string('a', 5000) };

        var image = Png.AssertSlackReady(KeyResultTrendChart.Render(Samples.Trend(), text, English.Format));

        Assert.Equal(ChartLimits.MaxAltTextLength, image.AltText.Length);
        Assert.EndsWith("…", image.AltText);
    }

    [Fact]
    public void Empty_legend_labels_leave_the_legend_out()
    {
        var text = English.Trend() with { CheckInsLegend = "", PlanLegend = "", ThisWeekLegend = "" };

        Png.AssertSlackReady(KeyResultTrendChart.Render(Samples.Trend(new TrendPoint(new(2026, 11, 15), 47)), text, English.Format));
    }

    [Fact]
    public void Charts_drawn_at_the_same_time_on_many_threads_are_the_same_as_one_at_a_time()
    {
        var expected = Png.AssertSlackReady(Render(Samples.Trend())).Png;

        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4).Select(_ => Render(Samples.Trend())).ToList();

        Assert.All(results, r => Assert.Equal(expected, Png.AssertSlackReady(r).Png));
    }
}
