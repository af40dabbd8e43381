using GrowthBot.Domain.Pipeline;

namespace GrowthBot.Domain.Tests.Pipeline;

public class PipelineVelocityTests
{
    private static readonly PipelineCheckIn Before = new()
    {
        TeamId = "T", OpenOpportunities = 30, AverageDealSize = 5000, WinRate = 20, SalesCycleDays = 30, CreatedBy = "U",
    };

    [Fact]
    public void Velocity_is_opportunities_times_deal_size_times_win_rate_over_cycle_days_to_the_cent()
    {
        Assert.Equal(1000m, Before.Velocity);
        Assert.Equal(333.33m, (Before with { OpenOpportunities = 10 }).Velocity);
        Assert.Equal(0m, (Before with { WinRate = 0 }).Velocity);
    }

    [Fact]
    public void The_number_whose_change_alone_moves_velocity_furthest_moved_it_most()
    {
        // Opportunities alone: 40 × 5000 × 20% ÷ 30 = 1,333.33 (+333.33); the cycle alone: 30 × 5000 × 20% ÷ 20 = 1,500 (+500).
        var after = Before with { OpenOpportunities = 40, SalesCycleDays = 20 };

        Assert.Equal((PipelineFactor.SalesCycle, 500m), PipelineVelocity.MovedMost(Before, after));
        Assert.Equal(2000m, after.Velocity);
    }

    [Fact]
    public void A_fall_counts_as_much_as_a_rise_and_a_tie_goes_to_the_first_number()
    {
        Assert.Equal((PipelineFactor.WinRate, -500m), PipelineVelocity.MovedMost(Before, Before with { WinRate = 10, OpenOpportunities = 33 }));
        // Opportunities ×2 and deal size ×2 each add 1,000 alone.
        Assert.Equal(PipelineFactor.OpenOpportunities, PipelineVelocity.MovedMost(Before, Before with { OpenOpportunities = 60, AverageDealSize = 10000 })!.Value.Factor);
        Assert.Null(PipelineVelocity.MovedMost(Before, Before));
    }

    [Theory]
    [InlineData("40", "5 000", "24", "20", true)]
    [InlineData("40", "5000", "100", "1", true)]
    [InlineData("40", "5000", "100,5", "1", false)]
    [InlineData("40", "5000", "24", "0", false)]
    [InlineData("4.5", "5000", "24", "20", false)]
    [InlineData("40", "", "24", "20", false)]
    public void The_draft_accepts_only_sensible_numbers(string open, string deal, string win, string cycle, bool valid) =>
        Assert.Equal(valid, new PipelineDraft(open, deal, win, cycle).Validate().IsValid);
}
