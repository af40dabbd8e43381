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

    [Fact]
    public void Format_puts_the_prefix_before_the_number()
    {
        Assert.Equal("E12", ShortId.Format(ShortId.Experiment, 12));
        Assert.Equal("KR2", ShortId.Format(ShortId.KeyResult, 2));
        Assert.Equal("K3", ShortId.Format(ShortId.Kpi, 3));
    }

    [Theory]
    [InlineData("KR2", 2)]
    [InlineData("kr2", 2)]
    [InlineData("K2", 2)]
    [InlineData("#KR2", 2)]
    [InlineData("2", 2)]
    public void Key_results_are_read_as_KR_and_in_their_older_K_form(string text, int number)
    {
        Assert.True(ShortId.TryParseKeyResult(text, out var parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void A_key_result_id_is_not_a_KPI_id()
    {
        Assert.False(ShortId.TryParse("KR3", ShortId.Kpi, out _));
        Assert.True(ShortId.TryParse("k3", ShortId.Kpi, out var kpi));
        Assert.Equal(3, kpi);
        Assert.False(ShortId.TryParseKeyResult("E2", out _));
    }
}
