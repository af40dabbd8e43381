using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Delivery;

[NoDatabase]
public class ScheduleMathTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private const string MondayNine = "0 0 9 ? * MON";

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC", 11, 16, 9, 0)]
    [InlineData("Europe/Helsinki", 11, 16, 7, 0)]
    [InlineData("America/New_York", 11, 16, 14, 0)]
    [InlineData("Europe/Helsinki", 10, 19, 6, 0)]     // summer time, the week before the change
    [InlineData("Europe/Helsinki", 10, 26, 7, 0)]     // the Monday after the last Sunday of October
    [InlineData("America/New_York", 10, 26, 13, 0)]   // summer time
    [InlineData("America/New_York", 11, 2, 14, 0)]    // the Monday after the first Sunday of November
    public void The_Monday_report_is_due_at_nine_local_time_in_each_zone(string zoneId, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var due = At(month, day, hour, minute);
        Assert.Null(ScheduleMath.WeeklySlot(MondayNine, zone, due.AddMinutes(-1)));
        Assert.Equal(due, ScheduleMath.WeeklySlot(MondayNine, zone, due));
        Assert.True(CatchUpPolicy.MayPost(due, due, zone, MessageHours.Default));
        Assert.Equal(due, ScheduleMath.LastFire(MondayNine, zone, due.AddDays(6))!.Value.Last);
        Assert.Equal(due, ScheduleMath.LastFire(MondayNine, zone, due.AddMinutes(-1))!.Value.Next);
    }

    [Fact]
    public void A_daily_cron_last_fired_today_or_yesterday_in_its_zone()
    {
        Assert.Equal((At(11, 18, 10), At(11, 19, 10)), ScheduleMath.LastFire("0 0 10 ? * *", Utc, At(11, 18, 23, 59)));
        Assert.Equal((At(11, 18, 10), At(11, 19, 10)), ScheduleMath.LastFire("0 0 10 ? * *", Utc, At(11, 19, 9, 59)));
        Assert.Equal(At(11, 19, 8), ScheduleMath.LastFire("0 0 10 ? * *", Helsinki, At(11, 19, 8, 0))!.Value.Last);
        Assert.Equal(At(11, 18, 15), ScheduleMath.LastFire("0 0 10 ? * *", NewYork, At(11, 19, 14, 59))!.Value.Last);
    }

    [Fact]
    public void A_cron_that_never_fired_in_a_month_has_no_last_firing() =>
        Assert.Null(ScheduleMath.LastFire("0 0 10 1 1 ? 2020", Utc, At(11, 18, 10)));
}
