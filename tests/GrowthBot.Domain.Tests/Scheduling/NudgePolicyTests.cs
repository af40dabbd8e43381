using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Tests.Scheduling;

public class NudgePolicyTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(11, 18, 7, 59, NudgeDecision.NotYet)]   // 09:59 in Helsinki (UTC+2)
    [InlineData(11, 18, 8, 0, NudgeDecision.Send)]      // 10:00
    [InlineData(11, 18, 15, 59, NudgeDecision.Send)]    // 17:59
    [InlineData(11, 18, 16, 0, NudgeDecision.TooLate)]  // 18:00
    [InlineData(11, 21, 9, 0, NudgeDecision.NotWorkingDay)] // Saturday
    public void Nudges_come_on_working_days_from_ten_local_time(int month, int day, int hour, int minute, NudgeDecision expected) =>
        Assert.Equal(expected, NudgePolicy.Nudge(Utc(month, day, hour, minute), Helsinki, null));

    [Fact]
    public void The_same_instant_is_a_different_decision_in_each_time_zone()
    {
        var now = Utc(11, 18, 10); // 12:00 Helsinki, 05:00 New York, 19:00 Tokyo
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(now, Helsinki, null));
        Assert.Equal(NudgeDecision.NotYet, NudgePolicy.Nudge(now, NewYork, null));
        Assert.Equal(NudgeDecision.TooLate, NudgePolicy.Nudge(now, Tokyo, null));
    }

    [Fact]
    public void Ten_o_clock_moves_in_UTC_across_the_daylight_saving_change()
    {
        // Helsinki leaves summer time on Sunday 25 October 2026: 10:00 is 07:00 UTC before, 08:00 UTC after.
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(Utc(10, 23, 7), Helsinki, null));
        Assert.Equal(NudgeDecision.NotYet, NudgePolicy.Nudge(Utc(10, 26, 7), Helsinki, null));
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(Utc(10, 26, 8), Helsinki, null));
        // New York leaves summer time on Sunday 1 November 2026: 10:00 is 14:00 UTC before, 15:00 UTC after.
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(Utc(10, 30, 14), NewYork, null));
        Assert.Equal(NudgeDecision.NotYet, NudgePolicy.Nudge(Utc(11, 2, 14), NewYork, null));
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(Utc(11, 2, 15), NewYork, null));
    }

    [Fact]
    public void A_pause_lasts_until_its_date()
    {
        Assert.Equal(NudgeDecision.Paused, NudgePolicy.Nudge(Utc(11, 18, 9), Helsinki, new DateOnly(2026, 11, 19)));
        Assert.Equal(NudgeDecision.Send, NudgePolicy.Nudge(Utc(11, 19, 9), Helsinki, new DateOnly(2026, 11, 19)));
        Assert.False(NudgePolicy.MayDirectMessage(Utc(11, 18, 12), Helsinki, new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void Other_DMs_wait_out_quiet_hours()
    {
        Assert.False(NudgePolicy.MayDirectMessage(Utc(11, 18, 1), Helsinki, null));  // 03:00
        Assert.True(NudgePolicy.MayDirectMessage(Utc(11, 18, 6), Helsinki, null));   // 08:00
        Assert.False(NudgePolicy.MayDirectMessage(Utc(11, 18, 18), Helsinki, null)); // 20:00
    }

    [Fact]
    public void Periods_are_iso_weeks_and_local_days()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), Periods.WeekStart(new DateOnly(2026, 11, 22)));
        Assert.Equal("2026-W47", Periods.WeekKey(new DateOnly(2026, 11, 18)));
        Assert.Equal("2026-W53", Periods.WeekKey(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(3)), Periods.StartOf(new DateOnly(2026, 10, 25), Helsinki));
        Assert.Equal(new DateOnly(2026, 11, 17), Periods.LocalDate(Utc(11, 16, 22), Helsinki));
    }
}
