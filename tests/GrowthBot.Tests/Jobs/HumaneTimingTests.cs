using Dapper;
using GrowthBot.Domain.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Settings.SettingsModal.Blocks;

namespace GrowthBot.Tests.Jobs;

/// <summary>
/// Every direct message the bot starts follows one rule: the team's working days and nudge hour, outside quiet hours,
/// in the recipient's own time zone, else at their next allowed moment, and still once per period.
/// </summary>
public class HumaneTimingTests
{
    private const string Alice = GrowthBotApp.Alice;
    private const string Bob = GrowthBotApp.Bob;

    private static IReadOnlyList<SlackCall> DmsTo(GrowthBotApp app, string user) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D" + user).ToList();

    private static async Task CatchUpAt(GrowthBotApp app, DateTimeOffset utc)
    {
        app.Time.SetUtcNow(utc);
        await app.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);
    }

    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_Friday_afternoon_check_in_reaches_an_owner_in_Singapore_on_their_Monday_morning_once()
    {
        // Friday 20 November 2026, 14:00 in Helsinki: 20:00 in Singapore, where quiet hours have begun.
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:TimeZone"] = "Europe/Helsinki" }, now: Utc(20, 12));
        app.Slack.AddUser(Alice, "Europe/Helsinki");
        app.Slack.AddUser(Bob, "Asia/Singapore");
        await Seed.Okr(app);

        await app.Service<ScheduledPosts>().Run(Schedule.OkrCheckIn, CancellationToken.None);
        Assert.Single(DmsTo(app, Alice));
        Assert.Empty(DmsTo(app, Bob));

        await CatchUpAt(app, Utc(21, 2));     // Saturday 10:00 in Singapore
        await CatchUpAt(app, Utc(22, 2));     // Sunday 10:00
        await CatchUpAt(app, Utc(23, 1, 55)); // Monday 09:55, before the nudge hour
        Assert.Empty(DmsTo(app, Bob));

        await CatchUpAt(app, Utc(23, 2));     // Monday 10:00 in Singapore (04:00 in Helsinki)
        await CatchUpAt(app, Utc(23, 6));
        var dm = Assert.Single(DmsTo(app, Bob));
        Assert.Contains("Good morning!", dm.AllText);
        Assert.Contains("Monday's report will show the new numbers", dm.AllText);
        Assert.DoesNotContain("Friday", dm.AllText);
        Assert.Single(DmsTo(app, Alice));
        await using var db = await app.Db();
        Assert.Equal(["T0TEAM/okr-check-in/2026-W47/U0ALICE", "T0TEAM/okr-check-in/2026-W47/U0BOB"],
            await db.QueryAsync<string>("SELECT key FROM deliveries WHERE job = 'okr-check-in' AND status = 'Sent' ORDER BY key"));
    }

    [Fact]
    public async Task A_check_in_the_bot_could_not_send_on_the_owner_s_first_allowed_day_is_dropped_not_sent_days_late()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:TimeZone"] = "Europe/Helsinki" }, now: Utc(21, 9));
        app.Slack.AddUser(Alice, "Europe/Helsinki");
        await Seed.Okr(app, owner: Alice);

        await CatchUpAt(app, Utc(21, 9)); // the bot was down from Friday 14:00; Saturday is not a working day
        await CatchUpAt(app, Utc(23, 9)); // Monday: Friday's check-in is stale now

        Assert.Empty(DmsTo(app, Alice));
    }

    [Fact]
    public async Task The_experiment_due_reminder_skips_the_weekend_and_names_the_end_date_as_that_date()
    {
        await using var app = await GrowthBotApp.Start(now: Utc(21, 10)); // Saturday
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 19), owner: Bob);

        await app.Service<ScheduledPosts>().Run(Schedule.ExperimentDue, CancellationToken.None);
        await CatchUpAt(app, Utc(22, 12)); // Sunday
        Assert.Empty(DmsTo(app, Bob));

        await CatchUpAt(app, Utc(23, 10)); // Monday
        var dm = Assert.Single(DmsTo(app, Bob));
        Assert.Contains("was planned to end Thu 19 Nov (4 days ago)", dm.AllText);
        Assert.Contains("Monday's report", dm.AllText);
        Assert.DoesNotContain("<!date^", dm.ToString());
    }

    [Fact]
    public async Task A_team_that_works_Sunday_to_Thursday_from_nine_gets_its_nudges_then_in_each_person_s_zone()
    {
        await using var app = await GrowthBotApp.Start(now: Utc(18, 10));
        app.Slack.AddUser(Alice, "Asia/Dubai");
        await Seed.Task(app, "Send the Arabic landing page", Alice, new DateOnly(2026, 11, 25));
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var saved = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Checked(B.WorkingDays, "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday").Select(B.NudgeHour, "09:00"));
        Assert.True(saved.IsEmptyAck, saved.Raw);
        Assert.Contains("My DMs come Sunday to Thursday from 09:00 in each person's own time zone", (await app.Slack.WaitFor("response_url")).AllText);

        await CatchUpAt(app, Utc(27, 6));  // Friday 10:00 in Dubai: not a working day for this team
        await CatchUpAt(app, Utc(29, 4, 55)); // Sunday 08:55
        Assert.Empty(DmsTo(app, Alice));

        await CatchUpAt(app, Utc(29, 5));  // Sunday 09:00 in Dubai
        var nudge = Assert.Single(DmsTo(app, Alice));
        Assert.Contains("Good morning!", nudge.AllText);
        Assert.Contains("was due Wed 25 Nov (4 days ago)", nudge.AllText);
        Assert.Contains("One message a day, Sunday to Thursday, from 09:00 your time", nudge.AllText);
        Assert.Contains("`/growth pause 2026-12-13`", nudge.AllText);
    }

    [Fact]
    public async Task A_reader_at_UTC_plus_13_sees_due_dates_as_the_dates_they_are_and_is_nudged_on_their_own_Monday()
    {
        // Sunday 22 November, 21:00 UTC: Monday 23 November, 10:00 in Auckland (UTC+13 in summer).
        await using var app = await GrowthBotApp.Start(now: Utc(22, 21));
        app.Slack.AddUser(Alice, "Pacific/Auckland");
        await Seed.Task(app, "Book the Auckland meetup", Alice, new DateOnly(2026, 11, 22));
        await Seed.Task(app, "Print the flyers", Alice, new DateOnly(2026, 12, 14), BlockReason.Budget);

        await app.Service<ScheduledPosts>().Run(Schedule.TaskNudges, CancellationToken.None);

        var nudge = Assert.Single(DmsTo(app, Alice));
        Assert.Contains("was due Sun 22 Nov (yesterday)", nudge.AllText);
        Assert.DoesNotContain("<!date^", nudge.ToString());
        var list = await app.Command("/task list mine", user: Alice);
        Assert.Contains("due Mon 14 Dec", list.Text);
        Assert.Contains("due Sun 22 Nov", list.Text);
        Assert.DoesNotContain("<!date^1765", list.Raw);
    }

    [Fact]
    public async Task The_afternoon_nudge_says_good_afternoon()
    {
        await using var app = await GrowthBotApp.Start(now: Utc(18, 14));
        await Seed.Task(app, "Write the InMail", Alice, new DateOnly(2026, 11, 17));

        await app.Service<ScheduledPosts>().Run(Schedule.TaskNudges, CancellationToken.None);

        var nudge = Assert.Single(DmsTo(app, Alice));
        Assert.Contains("Good afternoon! Here's what needs a look today, 1 task of yours:", nudge.AllText);
        Assert.Contains("was due Tue 17 Nov (yesterday)", nudge.AllText);
        Assert.DoesNotContain("1 days", nudge.AllText);
    }

    [Fact]
    public async Task Without_configured_growth_leads_the_blocker_summary_and_channel_problems_go_to_the_workspace_admins_and_owners()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:GrowthLeads"] = "" });
        app.Slack.UsersListPage = 2;
        app.Slack.AddUser("U0ADA", admin: true);
        app.Slack.AddUser("U0OLGA", owner: true);
        app.Slack.AddUser("U0GONE", admin: true, deleted: true);
        app.Slack.AddUser("U0BOTADMIN", admin: true, bot: true);
        app.Slack.AddUser(Alice);
        await Seed.Task(app, "Buy a LinkedIn seat", Alice, new DateOnly(2026, 11, 25), BlockReason.Budget);

        await app.Service<ScheduledPosts>().Run(Schedule.TaskNudges, CancellationToken.None);

        Assert.Contains("1 blocked task", Assert.Single(DmsTo(app, "U0ADA")).AllText);
        Assert.Single(DmsTo(app, "U0OLGA"));
        Assert.Empty(DmsTo(app, "U0GONE"));
        Assert.Empty(DmsTo(app, "U0BOTADMIN"));
        // Five members, two a page: users.list was read page by page.
        Assert.Equal(["", "2", "4"], app.Slack.CallsTo("users.list").Select(c => c.Str("cursor") ?? ""));

        app.Slack.Script("chat.postMessage", FakeResponse.Fail("not_in_channel"));
        var reply = await app.Command("/growth report now", user: "U0ADA");
        Assert.Contains("couldn't post the report", reply.Text);
        Assert.Contains("/invite @GrowthBot", Assert.Single(DmsTo(app, "U0OLGA"), c => c.AllText.Contains("could not post")).AllText);
        Assert.Single(DmsTo(app, "U0ADA"), c => c.AllText.Contains("could not post"));
        Assert.Equal(3, app.Slack.CallsTo("users.list").Count); // remembered, not read again
    }

    [Fact]
    public async Task Texts_name_the_team_s_own_report_and_check_in_days()
    {
        // Thursday 19 November 2026, 15:30 UTC.
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:OkrCheckIn"] = "0 30 15 ? * THU" }, now: Utc(19, 15, 30));
        await app.Service<GrowthBot.Common.TeamSettingsService>().Save(new GrowthBot.Storage.SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, ReportDay = DayOfWeek.Tuesday, ReportTime = new TimeOnly(8, 0),
        }, CancellationToken.None);

        await app.Event(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_home_opened", ["user"] = Alice, ["tab"] = "home", ["channel"] = "D0HOME" });
        var welcome = await app.Slack.WaitFor("views.publish");
        Assert.Contains("Every Tuesday the weekly report goes to the growth channel, and every Thursday key-result owners are asked for their numbers", welcome.AllText);

        await Seed.Okr(app);
        Assert.Contains("owners are asked every Thursday from 15:30", (await app.Command("/okr")).Text);
        await app.Service<ScheduledPosts>().Run(Schedule.OkrCheckIn, CancellationToken.None);
        var checkIn = Assert.Single(DmsTo(app, Alice));
        Assert.Contains("Good afternoon! Time to check in", checkIn.AllText);
        Assert.Contains("Tuesday's report will show the new numbers", checkIn.AllText);
    }
}
