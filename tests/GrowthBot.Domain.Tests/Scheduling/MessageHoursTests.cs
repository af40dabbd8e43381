using GrowthBot.Domain.Scheduling;

namespace GrowthBot.Domain.Tests.Scheduling;

public class MessageHoursTests
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo Singapore = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
    private static readonly MessageHours Hours = MessageHours.Default;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(11, 18, 7, 59, NudgeDecision.NotYet)]   // 09:59 in Helsinki (UTC+2)
    [InlineData(11, 18, 8, 0, NudgeDecision.Send)]      // 10:00
    [InlineData(11, 18, 15, 59, NudgeDecision.Send)]    // 17:59
    [InlineData(11, 18, 16, 0, NudgeDecision.TooLate)]  // 18:00
    [InlineData(11, 21, 9, 0, NudgeDecision.NotWorkingDay)] // Saturday
    public void Nudges_come_on_working_days_from_ten_local_time(int month, int day, int hour, int minute, NudgeDecision expected) =>
        Assert.Equal(expected, Hours.Nudge(Utc(month, day, hour, minute), Helsinki, null));

    [Fact]
    public void The_same_instant_is_a_different_decision_in_each_time_zone()
    {
        var now = Utc(11, 18, 10); // 12:00 Helsinki, 05:00 New York, 19:00 Tokyo
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(now, Helsinki, null));
        Assert.Equal(NudgeDecision.NotYet, Hours.Nudge(now, NewYork, null));
        Assert.Equal(NudgeDecision.TooLate, Hours.Nudge(now, Tokyo, null));
    }

    [Fact]
    public void Ten_o_clock_moves_in_UTC_across_the_daylight_saving_change()
    {
        // Helsinki leaves summer time on Sunday 25 October 2026: 10:00 is 07:00 UTC before, 08:00 UTC after.
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(Utc(10, 23, 7), Helsinki, null));
        Assert.Equal(NudgeDecision.NotYet, Hours.Nudge(Utc(10, 26, 7), Helsinki, null));
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(Utc(10, 26, 8), Helsinki, null));
        // New York leaves summer time on Sunday 1 November 2026: 10:00 is 14:00 UTC before, 15:00 UTC after.
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(Utc(10, 30, 14), NewYork, null));
        Assert.Equal(NudgeDecision.NotYet, Hours.Nudge(Utc(11, 2, 14), NewYork, null));
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(Utc(11, 2, 15), NewYork, null));
    }

    [Fact]
    public void A_pause_lasts_until_its_date()
    {
        Assert.Equal(NudgeDecision.Paused, Hours.Nudge(Utc(11, 18, 9), Helsinki, new DateOnly(2026, 11, 19)));
        Assert.Equal(NudgeDecision.Send, Hours.Nudge(Utc(11, 19, 9), Helsinki, new DateOnly(2026, 11, 19)));
        Assert.False(Hours.IsOpen(Utc(11, 18, 12), Helsinki, new DateOnly(2026, 11, 19)));
        // Paused until Thursday: the next allowed moment is Thursday at the nudge hour.
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.FromHours(2)), Hours.NextOpen(Utc(11, 18, 12), Helsinki, new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void Direct_messages_wait_for_the_nudge_hour_and_stop_at_quiet_hours()
    {
        Assert.False(Hours.IsOpen(Utc(11, 18, 1), Helsinki, null));  // 03:00
        Assert.False(Hours.IsOpen(Utc(11, 18, 7), Helsinki, null));  // 09:00, before the nudge hour
        Assert.True(Hours.IsOpen(Utc(11, 18, 8), Helsinki, null));   // 10:00
        Assert.True(Hours.IsOpen(Utc(11, 18, 17, 59), Helsinki, null)); // 19:59
        Assert.False(Hours.IsOpen(Utc(11, 18, 18), Helsinki, null)); // 20:00
        Assert.False(Hours.IsOpen(Utc(11, 21, 10), Helsinki, null)); // Saturday noon
    }

    [Fact]
    public void A_Friday_afternoon_in_Helsinki_reaches_Singapore_on_Monday_morning_not_Saturday()
    {
        var fridayTwoPmHelsinki = Utc(11, 20, 12); // 20:00 in Singapore: quiet hours
        Assert.False(Hours.IsOpen(fridayTwoPmHelsinki, Singapore, null));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)), Hours.NextOpen(fridayTwoPmHelsinki, Singapore, null));
        Assert.Equal(fridayTwoPmHelsinki, Hours.NextOpen(fridayTwoPmHelsinki, Helsinki, null));
    }

    [Fact]
    public void The_team_chooses_its_working_days_and_nudge_hour()
    {
        var sundayToThursdayAtNine = new MessageHours(
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }, new TimeOnly(9, 0));
        var dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");

        Assert.Equal(NudgeDecision.NotWorkingDay, sundayToThursdayAtNine.Nudge(Utc(11, 20, 6), dubai, null)); // Friday 10:00
        Assert.Equal(NudgeDecision.Send, sundayToThursdayAtNine.Nudge(Utc(11, 22, 5), dubai, null));        // Sunday 09:00
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(4)), sundayToThursdayAtNine.NextOpen(Utc(11, 19, 17), dubai, null)); // Thursday 21:00
    }

    [Fact]
    public void A_nudge_hour_before_quiet_hours_end_opens_when_they_end_and_no_working_day_means_never()
    {
        var early = MessageHours.Default with { NudgeHour = new TimeOnly(6, 0) };
        Assert.Equal(MessageHours.QuietUntil, early.Opens);
        Assert.Null(new MessageHours(new HashSet<DayOfWeek>(), MessageHours.DefaultNudgeHour).NextOpen(Utc(11, 18, 8), Helsinki, null));
        Assert.Equal(Enumerable.Range(8, 9).Select(h => new TimeOnly(h, 0)), MessageHours.NudgeHourChoices);
    }

    [Fact]
    public void Auckland_is_a_day_ahead_on_the_same_instant()
    {
        // Sunday 22 November, 21:00 UTC is Monday 23 November, 10:00 in Auckland (UTC+13 in summer).
        Assert.True(Hours.IsOpen(Utc(11, 22, 21), Auckland, null));
        Assert.Equal(new DateOnly(2026, 11, 23), MessageHours.Local(Utc(11, 22, 21), Auckland).Date);
    }

    [Fact]
    public void Periods_are_iso_weeks_and_local_days()
    {
        Assert.Equal(new DateOnly(2026, 11, 16), Periods.WeekStart(new DateOnly(2026, 11, 22)));
        Assert.Equal("2026-W47", Periods.WeekKey(new DateOnly(2026, 11, 18)));
        Assert.Equal("2026-W53", Periods.WeekKey(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.FromHours(3)), Periods.StartOf(new DateOnly(2026, 10, 25), Helsinki));
        Assert.Equal(new DateOnly(2026, 11, 17), Periods.LocalDate(Utc(11, 16, 22), Helsinki));
        // 03:30 on 29 March 2026 does not exist in Helsinki (clocks jump from 03:00 to 04:00).
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.FromHours(3)), Periods.At(new DateOnly(2026, 3, 29), new TimeOnly(3, 30), Helsinki));
    }
}
