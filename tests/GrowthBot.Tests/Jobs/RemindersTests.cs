using Dapper;
using GrowthBot.Domain.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

public class RemindersTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static IReadOnlyList<SlackCall> DmsTo(GrowthBotApp app, string user) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D" + user).ToList();

    private static List<string> ActionIds(SlackCall call) =>
        call.Args["blocks"]!.AsArray().SelectMany(b => (b!["elements"]?.AsArray().ToList() ?? []).Append(b["accessory"]))
            .Where(e => e?["action_id"] is not null).Select(e => $"{e!["action_id"]}={e["value"]}").ToList();

    [Fact]
    public async Task Each_person_is_nudged_once_a_day_from_ten_in_their_own_time_zone()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.AddUser(GrowthBotApp.Alice, "Europe/Helsinki");
        app.Slack.AddUser(GrowthBotApp.Bob, "America/New_York");
        await Seed.Task(app, "Write InMail copy", GrowthBotApp.Alice, Today.AddDays(-2));
        await Seed.Task(app, "Buy LinkedIn seat", GrowthBotApp.Alice, Today.AddDays(3), BlockReason.Budget);
        await Seed.Task(app, "Not due yet", GrowthBotApp.Alice, Today.AddDays(3));
        await Seed.Task(app, "Call the agency", GrowthBotApp.Bob, Today.AddDays(-1));
        var posts = app.Service<ScheduledPosts>();

        // 10:00 UTC: 12:00 in Helsinki, 05:00 in New York.
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        var alice = Assert.Single(DmsTo(app, GrowthBotApp.Alice));
        Assert.Empty(DmsTo(app, GrowthBotApp.Bob));
        Assert.Contains("T1", alice.AllText);
        Assert.DoesNotContain("Not due yet", alice.AllText);
        Assert.Equal(["task_done:T2=T2", "task_postpone:T2=T2", "task_still_blocked:T2=T2", "task_done:T1=T1", "task_postpone:T1=T1"], ActionIds(alice));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero)); // 10:00 in New York
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        Assert.Single(DmsTo(app, GrowthBotApp.Bob));
        Assert.Single(DmsTo(app, GrowthBotApp.Alice));

        var summary = Assert.Single(DmsTo(app, GrowthBotApp.Lead));
        Assert.Contains("1 blocked task", summary.AllText);
    }

    [Fact]
    public async Task Nobody_is_nudged_at_night_on_weekends_or_while_paused()
    {
        await using var app = await GrowthBotApp.Start(now: new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        app.Slack.AddUser(GrowthBotApp.Alice, "Europe/Helsinki");
        await Seed.Task(app, "Write InMail copy", GrowthBotApp.Alice, Today.AddDays(-2));
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.TaskNudges, CancellationToken.None); // 04:00 in Helsinki
        Assert.Empty(DmsTo(app, GrowthBotApp.Alice));

        var pause = await app.Command("/growth pause 2026-11-20", user: GrowthBotApp.Alice);
        Assert.Contains("Paused", pause.Text);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        Assert.Empty(DmsTo(app, GrowthBotApp.Alice));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)); // Saturday
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        Assert.Empty(DmsTo(app, GrowthBotApp.Alice));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)); // Monday 11:00 in Helsinki
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        Assert.Single(DmsTo(app, GrowthBotApp.Alice));
    }

    [Fact]
    public async Task Pause_needs_a_future_date_and_resume_ends_it()
    {
        await using var app = await GrowthBotApp.Start();

        Assert.Contains("not a date", (await app.Command("/growth pause tomorrow")).Text);
        Assert.Contains("has passed", (await app.Command("/growth pause 2026-11-18")).Text);
        Assert.Contains("Paused", (await app.Command("/growth pause 2026-12-24")).Text);
        await using (var db = await app.Db())
            Assert.Equal("2026-12-24", await db.ExecuteScalarAsync<string>("SELECT CAST(until_date AS TEXT) FROM nudge_pauses WHERE user_id = @u", new { u = GrowthBotApp.Alice }));
        Assert.Contains("Welcome back", (await app.Command("/growth resume")).Text);
    }

    [Fact]
    public async Task Key_result_owners_get_a_check_in_button_on_friday_afternoon_once()
    {
        await using var app = await GrowthBotApp.Start(now: new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero));
        await Seed.Okr(app);
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.OkrCheckIn, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Equal(["okr_check_in:KR1=KR1"], ActionIds(Assert.Single(DmsTo(app, GrowthBotApp.Alice))));
        Assert.Equal(["okr_check_in:KR2=KR2"], ActionIds(Assert.Single(DmsTo(app, GrowthBotApp.Bob))));
    }

    [Fact]
    public async Task The_owner_of_an_experiment_past_its_end_gets_a_conclude_button_once_a_day()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Running(app, "Webinar", Today.AddDays(-2), owner: GrowthBotApp.Bob);
        await Seed.Running(app, "Still running", Today.AddDays(2), owner: GrowthBotApp.Alice);
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.ExperimentDue, CancellationToken.None);
        await posts.Run(Schedule.ExperimentDue, CancellationToken.None);

        var dm = Assert.Single(DmsTo(app, GrowthBotApp.Bob));
        Assert.Equal(["experiment_conclude:E1=E1"], ActionIds(dm));
        Assert.Empty(DmsTo(app, GrowthBotApp.Alice));
        app.Time.Advance(TimeSpan.FromDays(1));
        await posts.Run(Schedule.ExperimentDue, CancellationToken.None);
        Assert.Equal(2, DmsTo(app, GrowthBotApp.Bob).Count);
    }
}
