namespace GrowthBot.Charts.Tests;

public class ExperimentScoreboardChartTests
{
    private static readonly DateOnly ThisWeek = new(2026, 11, 9);

    private static ChartResult Render(ExperimentScoreboard data) => ExperimentScoreboardChart.Render(data, English.Scoreboard(), English.Format);

    [Fact]
    public void Twelve_weeks_of_outcomes_draw_as_stacked_bars_and_the_alt_text_counts_them()
    {
        var image = Png.AssertSlackReady(Render(Samples.Scoreboard()));

        Assert.StartsWith("31 experiments concluded in the last 12 weeks: 15 worked, 9 did not work, 7 inconclusive. week of 24 Aug: 1 worked, 0 did not, 0 inconclusive;", image.AltText);
        Assert.EndsWith("week of 9 Nov: 1 worked, 1 did not, 1 inconclusive", image.AltText);
        Assert.True(Png.IsOpaque(image));
    }

    [Fact]
    public void Each_outcome_has_its_own_colour_and_pattern()
    {
        var worked = Png.AssertSlackReady(Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, 3, 0, 0)])));
        var failed = Png.AssertSlackReady(Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, 0, 3, 0)])));

        // The legend always shows all three; the bar adds a large area of its own outcome's colour.
        Assert.True(Png.Pixels(worked, ChartCanvas.BluishGreen) > Png.Pixels(failed, ChartCanvas.BluishGreen) + 1000);
        Assert.True(Png.Pixels(failed, ChartCanvas.Vermillion) > Png.Pixels(worked, ChartCanvas.Vermillion) + 500);
    }

    [Fact]
    public void The_window_is_the_last_twelve_weeks_with_empty_weeks_filled_in_and_repeated_weeks_added_up()
    {
        ExperimentScoreboardFacts? seen = null;
        var text = English.Scoreboard() with { AltText = f => { seen = f; return "x"; } };
        ScoreboardWeek[] weeks =
        [
            new(ThisWeek, 1, 0, 0),
            new(ThisWeek.AddDays(-21), 0, 2, 0),
            new(ThisWeek, 0, 0, 1),                  // the same week twice: added up
            new(ThisWeek.AddDays(-7 * 12), 5, 5, 5), // thirteen weeks ago: outside the window
            new(ThisWeek.AddDays(7), 9, 9, 9),       // next week: outside too
            new(ThisWeek.AddDays(-5), 0, -4, 0),     // a negative count counts as none
        ];

        Png.AssertSlackReady(ExperimentScoreboardChart.Render(new ExperimentScoreboard(ThisWeek, weeks), text, English.Format));

        Assert.Equal(ExperimentScoreboardChart.WeeksShown, seen!.Weeks.Count);
        Assert.Equal(ThisWeek.AddDays(-77), seen.Weeks[0].WeekStart);
        Assert.Equal(new ScoreboardWeek(ThisWeek, 1, 0, 1), seen.Weeks[^1]);
        Assert.Equal(new ScoreboardWeek(ThisWeek.AddDays(-21), 0, 2, 0), seen.Weeks[^4]);
        Assert.Equal((1, 2, 1, 4), (seen.Worked, seen.DidNotWork, seen.Inconclusive, seen.Total));
    }

    [Fact]
    public void No_concluded_experiment_in_the_window_gives_no_chart()
    {
        Assert.Equal(NoChartReason.NoData, Render(new ExperimentScoreboard(ThisWeek, [])).Reason);
        Assert.Equal(NoChartReason.NoData, Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, 0, 0, 0), new(ThisWeek.AddDays(-400), 3, 0, 0)])).Reason);
        Assert.Equal(NoChartReason.NoData, Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, -1, -2, -3)])).Reason);
    }

    [Fact]
    public void One_experiment_draws()
    {
        var image = Png.AssertSlackReady(Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, 0, 0, 1)])));

        Assert.StartsWith("1 experiments concluded in the last 12 weeks: 0 worked, 0 did not work, 1 inconclusive.", image.AltText);
    }

    [Fact]
    public void Busy_weeks_draw_and_impossible_counts_give_no_chart()
    {
        Png.AssertSlackReady(Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, 900, 800, 700), new(ThisWeek.AddDays(-7), 1, 0, 0)])));

        var result = Render(new ExperimentScoreboard(ThisWeek, [new(ThisWeek, int.MaxValue, int.MaxValue, 1)]));

        Assert.Equal(NoChartReason.InvalidData, result.Reason);
    }

    [Fact]
    public void Weeks_out_of_order_draw_the_same_picture_as_in_order()
    {
        var ordered = Samples.Scoreboard();
        var reversed = ordered with { Weeks = ordered.Weeks.Reverse().ToList() };

        Assert.Equal(Png.AssertSlackReady(Render(ordered)).Png, Png.AssertSlackReady(Render(reversed)).Png);
    }

    [Fact]
    public void A_failing_alt_text_function_is_a_contained_failure()
    {
        var result = ExperimentScoreboardChart.Render(Samples.Scoreboard(), English.Scoreboard() with { AltText = _ => throw new KeyNotFoundException() }, English.Format);

        Assert.Equal(NoChartReason.RenderFailed, result.Reason);
        Assert.IsType<KeyNotFoundException>(result.Error);
    }
}
