using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Tests.Scheduling;

public class CatchUpPolicyTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    // Monday 16 November 2026, 09:00 in Helsinki (UTC+2).
    private static readonly DateTimeOffset Due = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void On_time_a_post_goes_out_whatever_hour_the_team_scheduled()
    {
        var sundayLate = new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero); // 23:00 Sunday in Helsinki

        Assert.True(CatchUpPolicy.MayPost(sundayLate, sundayLate, Helsinki, MessageHours.Default));
        Assert.True(CatchUpPolicy.MayPost(sundayLate, sundayLate + CatchUpPolicy.OnTime, Helsinki, MessageHours.Default));
        Assert.False(CatchUpPolicy.MayPost(sundayLate, sundayLate.AddMinutes(-1), Helsinki, MessageHours.Default));
    }

    [Theory]
    [InlineData(16, 9, true)]    // Monday 11:00 local: a late morning catch-up
    [InlineData(16, 19, false)]  // Monday 21:00 local: quiet hours
    [InlineData(17, 1, false)]   // Tuesday 03:00 local: never at 3 am
    [InlineData(17, 6, true)]    // Tuesday 08:00 local: the first humane hour
    [InlineData(21, 10, false)]  // Saturday noon local: not a working day
    public void Late_a_post_is_made_up_only_on_a_working_day_outside_quiet_hours(int day, int utcHour, bool mayPost) =>
        Assert.Equal(mayPost, CatchUpPolicy.MayPost(Due, new DateTimeOffset(2026, 11, day, utcHour, 0, 0, TimeSpan.Zero), Helsinki, MessageHours.Default));

    [Fact]
    public void Late_posts_follow_the_team_s_own_working_days()
    {
        var sundayToThursday = new MessageHours(new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }, MessageHours.DefaultNudgeHour);
        var sundayNoon = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var fridayNoon = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

        Assert.True(CatchUpPolicy.MayPost(Due, sundayNoon, Helsinki, sundayToThursday));
        Assert.False(CatchUpPolicy.MayPost(Due, sundayNoon, Helsinki, MessageHours.Default));
        Assert.False(CatchUpPolicy.MayPost(Due, fridayNoon, Helsinki, sundayToThursday));
    }
}
