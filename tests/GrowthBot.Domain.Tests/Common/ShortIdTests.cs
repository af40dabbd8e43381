using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Tests.Common;

public class ShortIdTests
{
    [Theory]
    [InlineData("E12", 12)]
    [InlineData("e12", 12)]
    [InlineData("#E12", 12)]
    [InlineData("12", 12)]
    [InlineData(" E7 ", 7)]
    [InlineData("E999999999", 999_999_999)]
    public void Ids_people_type_are_read(string text, int number)
    {
        Assert.True(ShortId.TryParse(text, ShortId.Experiment, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("E0")]
    [InlineData("E-1")]
    [InlineData("-1")]
    [InlineData("T12")]
    [InlineData("E")]
    [InlineData("E1x")]
    [InlineData("E1.5")]
    [InlineData("E 12")]
    [InlineData("EE12")]
    [InlineData("E99999999999")]
    [InlineData("E2147483648")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_not_an_id(string? text)
    {
        Assert.False(ShortId.TryParse(text, ShortId.Experiment, out var number));
        Assert.Equal(0, number);
    }

    [Fact]
    public void The_prefix_decides_which_ids_are_accepted()
    {
        Assert.True(ShortId.TryParse("T12", ShortId.Task, out var task));
        Assert.Equal(12, task);
        Assert.False(ShortId.TryParse("E12", ShortId.Task, out _));
    }

    [Theory]
    [InlineData("K2")]
    [InlineData("KR2")]
    [InlineData("kr2")]
    [InlineData("#KR2")]
    public void A_key_result_is_read_as_K2_or_as_OKR_people_write_it_KR2(string text)
    {
        Assert.True(ShortId.TryParse(text, ShortId.KeyResult, out var number));
        Assert.Equal(2, number);
        Assert.False(ShortId.TryParse("ER2", ShortId.Experiment, out _));
        Assert.False(ShortId.TryParse("KRR2", ShortId.KeyResult, out _));
    }

    [Fact]
    public void Format_puts_the_prefix_before_the_number()
    {
        Assert.Equal("E12", ShortId.Format(ShortId.Experiment, 12));
        Assert.Equal("K2", ShortId.Format(ShortId.KeyResult, 2));
    }
}
