using System.Globalization;

namespace GrowthBot.Charts.Tests;

public class ChartFormatTests
{
    [Theory]
    [InlineData("en-GB", 1234.5, "1,234.5")]
    [InlineData("en-GB", 1e12, "1,000,000,000,000")]
    [InlineData("en-GB", 0.004, "0")]
    [InlineData("en-GB", -0.004, "0")]
    [InlineData("en-GB", -12.345, "-12.35")]
    [InlineData("fi-FI", 1234.5, "1 234,5")]
    [InlineData("sv-SE", 1234.5, "1 234,5")]
    [InlineData("ru-RU", 1234.5, "1 234,5")]
    [InlineData("tr-TR", 1234.5, "1.234,5")]
    public void Numbers_are_written_the_way_the_teams_language_writes_them(string culture, double value, string expected) =>
        Assert.Equal(expected, ChartFormat.For(CultureInfo.GetCultureInfo(culture)).Number(value).Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2212', '-'));

    [Theory]
    [InlineData("en-GB", "5 Oct")]
    [InlineData("en-US", "Oct 5")]
    [InlineData("fi-FI", "5. lokak.")]
    [InlineData("sv-SE", "5 okt.")]
    [InlineData("ru-RU", "5 окт.")]
    [InlineData("tr-TR", "5 Eki")]
    public void Dates_are_short_day_and_month_in_the_teams_language(string culture, string expected) =>
        Assert.Equal(expected, ChartFormat.For(CultureInfo.GetCultureInfo(culture)).Date(new DateOnly(2026, 10, 5)));
}
