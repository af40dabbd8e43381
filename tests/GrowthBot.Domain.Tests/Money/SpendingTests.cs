using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Domain.Tests.Money;

public class SpendingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private static SpendEntry Spent(long id, long experiment, decimal total, DateTimeOffset at) => new(id, experiment, total, null, "U", at);

    [Fact]
    public void The_period_spend_is_each_experiments_total_at_the_end_minus_its_total_at_the_start()
    {
        var entries = new[]
        {
            Spent(1, 1, 200, Monday.AddDays(-3)),   // before: E1 had 200
            Spent(2, 1, 500, Monday.AddDays(2)),    // in the period: +300
            Spent(3, 2, 120, Monday.AddDays(1)),    // new in the period: +120
            Spent(4, 2, 999, Monday.AddDays(7)),    // at the end: not in the period
        };

        Assert.Equal(420m, Spending.InPeriod(entries, Monday, Monday.AddDays(7)));
        Assert.Equal(200m, Spending.InPeriod(entries, Monday.AddDays(-7), Monday));
    }

    [Fact]
    public void Blended_cost_per_result_is_the_spend_over_the_north_star_growth_and_none_without_growth()
    {
        var kr = new KeyResult { Id = 7, TeamId = "T", Name = "New leads", Baseline = 10, Target = 100, OwnerId = "U", CreatedBy = "U" };
        var checkIns = new[]
        {
            new CheckIn { Id = 1, TeamId = "T", KeyResultId = 7, Value = 26, CreatedBy = "U", CreatedAt = Monday.AddDays(-2) },
            new CheckIn { Id = 2, TeamId = "T", KeyResultId = 7, Value = 46, CreatedBy = "U", CreatedAt = Monday.AddDays(4) },
        };
        var entries = new[] { Spent(1, 1, 700, Monday.AddDays(1)) };

        var blended = Spending.Blended(entries, kr, checkIns, Monday, Monday.AddDays(7));
        Assert.Equal(new BlendedCost(700, 20, 35), blended);
        // Before the first check-in the key result stood at its baseline: 10 → 26 with nothing spent.
        Assert.Equal(new BlendedCost(0, 16, 0), Spending.Blended(entries, kr, checkIns, Monday.AddDays(-7), Monday));
        Assert.Null(Spending.Blended(entries, kr, checkIns, Monday.AddDays(5), Monday.AddDays(6)).PerResult);
    }

    [Theory]
    [InlineData("800", 800)]
    [InlineData("1 250,50", 1250.50)]
    [InlineData("1,250.5", 1250.5)]
    [InlineData("€800", 800)]
    [InlineData("800 EUR", 800)]
    [InlineData("0,005", 0.01)]
    public void Amounts_are_read_as_people_type_them(string typed, decimal expected)
    {
        Assert.Null(Amounts.Read(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("12abc")]
    [InlineData("")]
    [InlineData("2000000000")]
    public void Negative_non_numeric_or_absurd_amounts_are_refused(string typed) => Assert.NotNull(Amounts.Read(typed, out _));

    [Fact]
    public void Money_is_stored_in_whole_cents() => Assert.Equal((125050L, 1250.50m), (Amounts.ToCents(1250.50m), Amounts.FromCents(125050)));
}
