using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

public class WeeklyReportTests
{
    private static IReadOnlyList<SlackCall> Posts(GrowthBotApp app, string channel = GrowthBotApp.GrowthChannel) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == channel).ToList();

    private static IReadOnlyList<SlackCall> Reports(GrowthBotApp app) => Posts(app).Where(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened")).ToList();

    private static async Task<GrowthBotApp> WithLastWeek(Dictionary<string, string?>? settings = null)
    {
        var app = await GrowthBotApp.Start(settings);
        var okr = await Seed.Okr(app);
        await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26, Domain.Okrs.KrConfidence.OnTrack, "", GrowthBotApp.Alice, Seed.LastThursday);
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "We got one lead; CTR 60%", okr.KeyResults[0].Id, bringsLeads: true);
        await Seed.Concluded(app, "Cold calls", Outcome.DidNotWork, "Nobody picked up");
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 25));
        await Seed.Experiment(app, "Referral bonus", impact: 10);
        var task = await Seed.Task(app, "Buy LinkedIn seat", GrowthBotApp.Bob, new DateOnly(2026, 11, 20), BlockReason.Budget);
        await app.Service<TaskStore>().Postpone(task.Id, GrowthBotApp.TeamId, new DateOnly(2026, 11, 27), "waiting", GrowthBotApp.Bob, Seed.LastThursday);
        return app;
    }

    [Fact]
    public async Task The_report_reads_like_a_summary_and_its_thread_has_details_and_the_sales_ask()
    {
        await using var app = await WithLastWeek();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, LeadQualityUsers = ["U0SALES"], LeadQualityGroup = "S0SALES",
        }, CancellationToken.None);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        // Monday's 09:00 report, caught up on Wednesday: the team's first, so the 7 days up to when it was due.
        var report = Assert.Single(Reports(app));
        Assert.Contains("Hi all! Here's what happened in growth in the last 7 days up to Monday 16 Nov 09:00. *Main goal: 26/100 new leads.*", report.AllText);
        Assert.Contains("*E1 LinkedIn InMail to CMOs*: CMOs of 100-person companies answer InMail. :white_check_mark: It worked.\n" +
                        "*Result:* We got one lead; CTR 60%.\n*Learning:* CMOs answer InMail.\n*Decision:* Scale.", report.AllText);
        Assert.Contains(":x: It did not work", report.AllText);
        Assert.Contains("*E3 Webinar*: day 1 of 8, ends Wed 25 Nov · no tasks yet.", report.AllText);
        Assert.Contains("E4 Referral bonus · ICE 7.7", report.AllText);
        Assert.Contains("*Bottlenecks:* 1 blocker (Budget: 1) and 1 postponement (<@U0BOB>: 1).", report.AllText);
        Assert.Contains("Win rate: 50% (1 of 2) in the last 4 weeks · 50% (1 of 2) all time.", report.AllText);
        Assert.Contains("In the thread: the details of the concluded experiments and the lead-quality question for sales.", report.AllText);

        var thread = Posts(app).Where(c => c.Str("thread_ts") is not null).ToList();
        Assert.Equal(2, thread.Count(c => c.AllText.Contains("*Hypothesis:*")));
        var ask = Assert.Single(thread, c => c.AllText.Contains("quality of the leads"));
        Assert.Contains("<!subteam^S0SALES> <@U0SALES>", ask.AllText);
        Assert.Contains("E1", ask.AllText);
        Assert.DoesNotContain("Cold calls", ask.AllText);
        var actionIds = ask.Args["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(["lead_quality:E1:Good", "lead_quality:E1:Mixed", "lead_quality:E1:Poor", "lead_quality_reason:E1"], actionIds);
        Assert.Single(Posts(app), c => c.Str("thread_ts") is null && c.AllText.Contains("*Key results* for _Grow new business_"));
    }

    [Fact]
    public async Task A_report_is_posted_once_a_week_however_often_the_job_runs()
    {
        await using var app = await WithLastWeek();
        var posts = app.Service<ScheduledPosts>();

        await Task.WhenAll(posts.Run(Schedule.WeeklyReport, CancellationToken.None), posts.Run(Schedule.CatchUp, CancellationToken.None), posts.Run(Schedule.WeeklyReport, CancellationToken.None));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);

        Assert.Single(Reports(app));
        await using var db = await app.Db();
        Assert.Equal("Sent", await db.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task A_restart_on_the_same_database_never_posts_the_report_again()
    {
        var first = await WithLastWeek();
        first.KeepForRestart = true;
        await first.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Single(Reports(first));
        await first.DisposeAsync();

        await using var second = await GrowthBotApp.Start(slack: first.Slack, database: first.TestDatabase);
        await second.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Single(Reports(second));
    }

    [Fact]
    public async Task A_report_missed_while_the_bot_was_down_is_posted_when_it_comes_back_in_the_same_week()
    {
        // Monday 09:00 passed while the bot was off; it is Wednesday now.
        await using var app = await WithLastWeek();
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Single(Reports(app));

        // Next week: the old week is over; the new report is due only from Monday 09:00.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 59, 0, TimeSpan.Zero));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Single(Reports(app));
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Equal(2, Reports(app).Count);
    }

    [Fact]
    public async Task A_missed_report_waits_for_a_humane_hour_instead_of_posting_at_night()
    {
        await using var app = await WithLastWeek();
        var posts = app.Service<ScheduledPosts>();

        // Monday 23 November 09:00 was missed; the bot comes back Tuesday 03:00 (team time zone UTC).
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Empty(Reports(app));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Single(Reports(app));
    }

    [Fact]
    public async Task A_report_set_for_later_in_the_week_is_not_posted_early()
    {
        await using var app = await WithLastWeek(new() { ["GrowthBot:Schedule:WeeklyReport"] = "0 0 9 ? * FRI" });

        await app.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Empty(Reports(app));
    }

    [Fact]
    public async Task Slack_answering_503_then_ok_gets_the_report_posted_once()
    {
        await using var app = await WithLastWeek();
        app.Slack.Script("chat.postMessage", FakeResponse.Http(503));

        await Clock.WhileAdvancing(app, () => app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None));

        Assert.Equal(2, Reports(app).Count); // the call Slack answered 503 (nothing posted), then the one that landed
        await using var db = await app.Db();
        Assert.Equal(("Sent", 1L), await db.QuerySingleAsync<(string, long)>("SELECT status, attempts FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task Slack_down_for_longer_than_the_client_retries_is_retried_by_the_next_run()
    {
        await using var app = await WithLastWeek();
        app.Slack.Script("chat.postMessage", Enumerable.Repeat(FakeResponse.Http(503), 4).ToArray());
        var posts = app.Service<ScheduledPosts>();

        await Clock.WhileAdvancing(app, () => posts.Run(Schedule.WeeklyReport, CancellationToken.None));
        await using (var during = await app.Db())
            Assert.Equal("Retry", await during.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Equal(5, Reports(app).Count); // four calls answered 503, then the one that landed
        await using var db = await app.Db();
        Assert.Equal(("Sent", 2L), await db.QuerySingleAsync<(string, long)>("SELECT status, attempts FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task A_rate_limited_post_waits_for_Retry_After_and_lands_once()
    {
        await using var app = await WithLastWeek();
        app.Slack.Script("chat.postMessage", FakeResponse.RateLimited(30));

        var run = app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);
        await app.Slack.WaitFor("chat.postMessage");
        await Task.WhenAny(run, Task.Delay(200));
        Assert.False(run.IsCompleted);
        Assert.Single(Reports(app));
        await Clock.WhileAdvancing(app, () => run, TimeSpan.FromSeconds(30));

        Assert.Equal(2, Reports(app).Count); // the rate-limited attempt, and the one that landed
        await using var db = await app.Db();
        Assert.Equal("Sent", await db.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task Channel_not_found_is_told_to_the_growth_lead_once()
    {
        await using var app = await WithLastWeek();
        app.Slack.Script("chat.postMessage", FakeResponse.Fail("channel_not_found"));
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);

        var told = Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + GrowthBotApp.Lead);
        Assert.Contains("/invite @GrowthBot", told.AllText);
        Assert.Contains("channel_not_found", told.AllText);
        await using var db = await app.Db();
        Assert.Equal("Failed", await db.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task Sales_clicks_and_thread_replies_are_stored_and_shown_in_the_next_report()
    {
        await using var app = await WithLastWeek();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, LeadQualityUsers = ["U0SALES"] }, CancellationToken.None);
        var e5 = await Seed.Concluded(app, "Partner webinar", Outcome.Inconclusive, "12 leads from the webinar", bringsLeads: true);
        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);
        await using var db = await app.Db();
        var reportTs = await db.ExecuteScalarAsync<string>("SELECT ts FROM deliveries WHERE job = 'weekly-report'");
        var ask = app.Slack.CallsTo("chat.postMessage").Single(c => c.AllText.Contains("quality of the leads")).AsPosted();

        await app.Click(ask, "lead_quality:E1:Good", user: "U0SALES");
        await app.Click(ask, "lead_quality_reason:E1", user: "U0SALES", selectedValue: "NoBudget");
        await app.Event(new JsonObject { ["type"] = "message", ["user"] = "U0SALES", ["text"] = "E5 leads were mostly students", ["channel"] = GrowthBotApp.GrowthChannel, ["ts"] = "1763470000.000100", ["thread_ts"] = reportTs });
        await app.Event(new JsonObject { ["type"] = "message", ["user"] = "U0SALES", ["text"] = "Talked to them all, solid", ["channel"] = GrowthBotApp.GrowthChannel, ["ts"] = "1763470000.000200", ["thread_ts"] = reportTs });
        await app.Event(new JsonObject { ["type"] = "message", ["bot_id"] = "BOTHER", ["user"] = "U0OTHERBOT", ["text"] = "E1 bot noise", ["channel"] = GrowthBotApp.GrowthChannel, ["ts"] = "1763470000.000300", ["thread_ts"] = reportTs, ["subtype"] = "bot_message" });
        await app.Idle();

        Assert.Contains("Noted *Good*", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Noted *Good*"))).AllText);
        var e1 = (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!;
        Assert.Equal([(e1.Id, "U0SALES", "Good", "NoBudget")],
            await db.QueryAsync<(long, string, string?, string?)>("SELECT experiment_id, rated_by, quality, reason FROM lead_ratings"));
        var comments = (await db.QueryAsync<(long? ExperimentId, string Text, bool FromSales)>("SELECT experiment_id, text, from_sales FROM thread_comments ORDER BY text")).ToList();
        // The reply naming E5 is about E5; the other names none of the two asked about, so it is about the whole report, once.
        Assert.Equal([(e5.Id, "E5 leads were mostly students", true), (null, "Talked to them all, solid", true)], comments);

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);
        var next = Reports(app).Last();
        Assert.Contains("Here's what happened in growth since Monday 16 Nov.", next.AllText);
        Assert.Contains("*What sales said about the leads*\n• *E1 LinkedIn InMail to CMOs*: 1 good (No budget)\n" +
                        "• *E5 Partner webinar*: comments · “E5 leads were mostly students”\n• About the whole report: “Talked to them all, solid” (<@U0SALES>)", next.AllText);
    }

    [Fact]
    public async Task Okr_progress_goes_inside_the_report_when_configured()
    {
        await using var app = await WithLastWeek();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, OkrProgressInReport = true }, CancellationToken.None);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        Assert.Contains("*Key results* for _Grow new business_", Assert.Single(Reports(app)).AllText);
        Assert.DoesNotContain(Posts(app), c => c.Str("thread_ts") is not null && c.AllText.Contains("*Key results*"));
    }
}
