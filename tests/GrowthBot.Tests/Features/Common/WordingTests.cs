using GrowthBot.Resources;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;

namespace GrowthBot.Tests.Features.Common;

public class WordingTests
{
    private static readonly Wording Words = Wording.English;
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData(0, "0 tasks")]
    [InlineData(1, "1 task")]
    [InlineData(2, "2 tasks")]
    [InlineData(1250, "1,250 tasks")]
    public void A_count_takes_the_plural_its_number_needs(int count, string expected) => Assert.Equal(expected, Words.Count(count, Counted.Task));

    [Fact]
    public void Every_counted_thing_has_its_words_and_the_plural_is_chosen_in_one_place()
    {
        foreach (var what in Enum.GetValues<Counted>())
        {
            Assert.StartsWith("1 ", Words.Count(1, what));
            Assert.NotEqual(Words.Count(1, what)[2..], Words.Count(2, what)[2..]);
        }
        Assert.Equal(PluralCategory.One, Words.Category(1));
        Assert.Equal(PluralCategory.Other, Words.Category(0));
        Assert.Equal(PluralCategory.Other, Words.Category(1.5m));
        Assert.Equal("1 match", Words.Count(1, Counted.Match));
        Assert.Equal("3 replies", Words.Count(3, Counted.Reply));
        Assert.Equal("1 more key result", Words.More(1, Counted.KeyResult));
    }

    [Fact]
    public void Numbers_units_and_percentages_read_one_way_everywhere()
    {
        Assert.Equal("12.5", Words.Number(12.50m));
        Assert.Equal("0", Words.Number(-0.001m));
        Assert.Equal("26 new leads", Words.Quantity(26, "new leads"));
        Assert.Equal("26/100 new leads", Words.Progress(26, 100, "new leads"));
        Assert.Equal("12.5/20", Words.Progress(12.5m, 20, ""));
        Assert.Equal("8%/5%", Words.Progress(8, 5, "%"));
        Assert.Equal("26%", Words.Percent(26));
        Assert.Equal("12.5%", Words.Percent(12.5m));
        Assert.Equal("38% (3 of 8)", Words.WinRate(new WinRate(3, 8)));
        Assert.Equal("no experiments concluded yet", Words.WinRate(new WinRate(0, 0)));
    }

    [Fact]
    public void Calendar_dates_are_text_with_the_year_only_when_it_is_not_this_one()
    {
        Assert.Equal("Mon 14 Dec", Words.Date(new DateOnly(2026, 12, 14), Today));
        Assert.Equal("Fri 8 Jan 2027", Words.Date(new DateOnly(2027, 1, 8), Today));
        Assert.Equal("09:00", Words.Time(new TimeOnly(9, 0)));
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(3, "3 days ago")]
    [InlineData(-2, "in 2 days")]
    public void How_long_ago_a_date_was_is_said_in_words(int days, string expected) => Assert.Equal(expected, Words.DaysAgo(days));

    [Theory]
    [InlineData(7, 30, "Good morning")]
    [InlineData(11, 59, "Good morning")]
    [InlineData(12, 0, "Good afternoon")]
    [InlineData(17, 59, "Good afternoon")]
    [InlineData(18, 0, "Good evening")]
    [InlineData(2, 0, "Hello")]
    public void Greetings_fit_the_reader_s_time_of_day(int hour, int minute, string expected) =>
        Assert.Equal(expected, Words.Greeting(new TimeOnly(hour, minute)));

    [Fact]
    public void Weekdays_read_as_a_range_or_a_list()
    {
        Assert.Equal("Monday to Friday", Words.Days([DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Tuesday, DayOfWeek.Thursday]));
        Assert.Equal("Monday, Wednesday and Friday", Words.Days([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]));
        Assert.Equal("Sunday to Thursday", Words.Days([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday]));
        Assert.Equal("Sunday", Words.Days([DayOfWeek.Sunday]));
        Assert.Equal("every day", Words.Days(Enum.GetValues<DayOfWeek>()));
        Assert.Equal(["once", "twice", "3 times"], new[] { 1, 2, 3 }.Select(Words.Times));
    }
}
