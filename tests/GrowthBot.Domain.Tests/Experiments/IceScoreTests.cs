using GrowthBot.Domain.Experiments;

namespace GrowthBot.Domain.Tests.Experiments;

public class IceScoreTests
{
    [Theory]
    [InlineData(8, 6, 7, "7")]
    [InlineData(7, 7, 8, "7.3")]
    [InlineData(8, 8, 7, "7.7")]
    [InlineData(10, 10, 10, "10")]
    [InlineData(1, 1, 2, "1.3")]
    [InlineData(1, 1, 1, "1")]
    public void The_score_is_the_mean_rounded_to_one_decimal(int impact, int confidence, int ease, string score)
    {
        Assert.Equal(score, new IceScore(impact, confidence, ease).ScoreText);
    }

    [Fact]
    public void The_score_is_a_number_that_sorts()
    {
        Assert.Equal(7.3m, new IceScore(7, 7, 8).Score);
        Assert.True(new IceScore(7, 7, 8).Score > new IceScore(8, 6, 7).Score);
    }

    [Theory]
    [InlineData(8, 6, 7, "ICE = (8 + 6 + 7) ÷ 3 = 7")]
    [InlineData(7, 7, 8, "ICE = (7 + 7 + 8) ÷ 3 = 7.3")]
    public void The_formula_shows_how_the_score_was_reached(int impact, int confidence, int ease, string formula)
    {
        Assert.Equal(formula, new IceScore(impact, confidence, ease).Formula);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Each_part_is_from_1_to_10(int value, bool inRange)
    {
        Assert.Equal(inRange, IceScore.InRange(value));
    }
}
