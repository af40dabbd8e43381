using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Tests.Common;

public class DecimalTextTests
{
    [Theory]
    [InlineData("26", 26)]
    [InlineData(" 12,5 ", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("1 200", 1200)]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("-3", -3)]
    [InlineData("1,200,000", 1200000)]
    public void Numbers_are_read_as_people_type_them(string text, double expected)
    {
        Assert.True(DecimalText.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("12%")]
    [InlineData("1.2.3")]
    [InlineData("1e5")]
    public void Text_that_is_not_a_number_is_refused(string text) => Assert.False(DecimalText.TryParse(text, out _));
}
