using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Reports;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Reports;

/// <summary>
/// A report covers the time since the team's previous report, whatever the report day, however it was posted
/// (on time, caught up late, asked for with /growth report now), and the preview says what that post would say.
/// </summary>
public class ReportPeriodTests
{
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    private static IReadOnlyList<SlackCall> Reports(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == GrowthBotApp.GrowthChannel && c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened")).ToList();

    private static async Task<IReadOnlyList<(string Kind, string Start, string End)>> Periods(GrowthBotApp app)
    {
        await using var db = await app.Db();
        var rows = await db.QueryAsync<PeriodRow>("SELECT kind, period_start, period_end FROM reports ORDER BY period_start");
        return rows.Select(r => (r.Kind, Minute(r.PeriodStart), Minute(r.PeriodEnd))).ToList();
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class PeriodRow
    {
        public string Kind { get; init; } = "";
        public DateTimeOffset PeriodStart { get; init; }
        public DateTimeOffset PeriodEnd { get; init; }
    }

    private static Task Save(GrowthBotApp app, SavedTeamSettings settings) => app.Service<TeamSettingsService>().Save(settings, CancellationToken.None);

    [Fact]
    public async Task A_team_that_reports_on_Friday_sees_its_own_week_and_the_next_Friday_starts_where_it_ended()
    {
        await using var app = await GrowthBotApp.Start();
        await Save(app, new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, ReportDay = DayOfWeek.Friday, ReportTime = new TimeOnly(9, 0) });
        await Seed.Concluded(app, "Webinar for agencies", Outcome.Worked, "14 sign-ups", at: At(18, 9));
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        Assert.Empty(Reports(app));
        app.Time.SetUtcNow(At(20, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);

        var friday = Assert.Single(Reports(app));
        Assert.Contains("Hi all! Here's what happened in growth in the last 7 days.", friday.AllText);
        Assert.Contains("*E1 Webinar for agencies*", friday.AllText);
        Assert.DoesNotContain("No experiment was concluded", friday.AllText);

        await Seed.Concluded(app, "Cold calls", Outcome.DidNotWork, "Nobody picked up", at: At(23, 11));
        app.Time.SetUtcNow(At(27, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);

        var next = Reports(app).Last();
        Assert.Contains("Hi all! Here's what happened in growth since Friday 20 Nov.", next.AllText);
        Assert.Contains("*E2 Cold calls*", next.AllText);
        Assert.DoesNotContain("Webinar for agencies", next.AllText);
        Assert.Equal([("Scheduled", "2026-11-13 09:00", "2026-11-20 09:00"), ("Scheduled", "2026-11-20 09:00", "2026-11-27 09:00")], await Periods(app));
    }

    [Fact]
    public async Task The_first_report_covers_the_last_7_days_and_counts_todays_conclusion_in_the_win_rate()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Concluded(app, "Eight days ago", Outcome.Worked, "3 leads", at: At(10, 9));
        await Seed.Concluded(app, "Six days ago", Outcome.DidNotWork, "0 leads", at: At(12, 10));
        await Seed.Concluded(app, "This morning", Outcome.Worked, "5 leads", at: At(18, 9));

        var reply = await app.Command("/growth report now", user: GrowthBotApp.Lead);

        Assert.Contains("Posted the report to <#C0GROWTH>", reply.Text);
        var report = Assert.Single(Reports(app)).AllText;
        Assert.Contains("Here's what happened in growth in the last 7 days.", report);
        Assert.Contains("*E3 This morning*", report);
        Assert.Contains("*E2 Six days ago*", report);
        Assert.DoesNotContain("Eight days ago", report);
        Assert.Contains("Win rate: 67% (2 of 3) in the last 4 weeks · 67% (2 of 3) all time.", report);
        Assert.Equal([("OnDemand", "2026-11-11 10:00", "2026-11-18 10:00")], await Periods(app));
    }

    [Fact]
    public async Task The_preview_is_word_for_word_what_report_now_posts_right_after()
    {
        await using var app = await GrowthBotApp.Start(now: At(17, 9));
        await Save(app, new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, LeadQualityUsers = ["U0SALES"] });
        var okr = await Seed.Okr(app);
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        app.Time.SetUtcNow(At(18, 10));
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead; CTR 60%", okr.KeyResults[0].Id, at: At(18, 8), bringsLeads: true);
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 25), bringsLeads: true);
        await Seed.Task(app, "Buy LinkedIn seat", GrowthBotApp.Bob, new DateOnly(2026, 11, 20), Domain.Tasks.BlockReason.Budget);

        var preview = await app.Command("/growth report");
        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        var posted = Reports(app).Last();
        var previewBlocks = preview.Body!["blocks"]!.AsArray();
        Assert.Contains("Preview: only you see this", FakeSlack.TextOf(previewBlocks[^1]));
        Assert.Contains("its thread would hold the details of the concluded experiment and the lead-quality question for sales", FakeSlack.TextOf(previewBlocks[^1]));
        Assert.Equal(posted.Str("text"), preview.Body!["text"]!.GetValue<string>());
        Assert.Equal(posted.Args["blocks"]!.ToJsonString(), new JsonArray(previewBlocks.Take(previewBlocks.Count - 1).Select(b => b!.DeepClone()).ToArray()).ToJsonString());
        Assert.Contains("Here's what happened in growth since Tuesday 17 Nov.", posted.AllText);
        Assert.Contains("*E1 LinkedIn InMail to CMOs*", posted.AllText);
    }

    [Fact]
    public async Task A_report_caught_up_late_keeps_the_period_it_would_have_had_and_the_next_one_starts_there()
    {
        await using var app = await GrowthBotApp.Start(now: At(16, 9));
        var posts = app.Service<ScheduledPosts>();
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await Seed.Concluded(app, "Before the slot", Outcome.Worked, "4 leads", at: At(22, 15));
        await Seed.Concluded(app, "After the slot", Outcome.Inconclusive, "2 leads", at: At(23, 10));

        // Monday 23 Nov 09:00 passes while the bot is down; it is back on Tuesday night, then in the morning.
        app.Time.SetUtcNow(At(24, 3));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Single(Reports(app));
        app.Time.SetUtcNow(At(24, 8));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        var late = Reports(app).Last().AllText;
        Assert.Contains("Here's what happened in growth since Monday 16 Nov up to Monday 23 Nov 09:00.", late);
        Assert.Contains("Before the slot", late);
        Assert.DoesNotContain("After the slot", late);

        app.Time.SetUtcNow(At(30, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        var next = Reports(app).Last().AllText;
        Assert.Contains("Here's what happened in growth since Monday 23 Nov.", next);
        Assert.Contains("After the slot", next);
        Assert.DoesNotContain("Before the slot", next);
        Assert.Equal([("Scheduled", "2026-11-09 09:00", "2026-11-16 09:00"), ("Scheduled", "2026-11-16 09:00", "2026-11-23 09:00"), ("Scheduled", "2026-11-23 09:00", "2026-11-30 09:00")],
            await Periods(app));
    }

    [Fact]
    public async Task Report_now_before_the_slot_does_not_swallow_the_ritual_and_neither_is_posted_twice()
    {
        await using var app = await GrowthBotApp.Start(now: At(23, 8, 55));
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead", at: At(20, 12));
        var posts = app.Service<ScheduledPosts>();

        Assert.Contains("Posted the report to <#C0GROWTH>", (await app.Command("/growth report now", user: GrowthBotApp.Lead)).Text);
        var again = await app.Command("/growth report now", user: GrowthBotApp.Lead);
        Assert.Contains("went out to <#C0GROWTH> a moment ago, so I didn't post another", again.Text);
        Assert.Single(Reports(app));

        app.Time.SetUtcNow(At(23, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Equal(2, Reports(app).Count);
        Assert.Contains("Here's what happened in growth since 08:55 today.", Reports(app)[1].AllText);
        Assert.Contains("No experiment was concluded since 08:55 today.", Reports(app)[1].AllText);
        Assert.Equal([("OnDemand", "2026-11-16 08:55", "2026-11-23 08:55"), ("Scheduled", "2026-11-23 08:55", "2026-11-23 09:00")], await Periods(app));
        await using var db = await app.Db();
        Assert.Equal(["T0TEAM/weekly-report/now-2026-11-23T08:55:00Z/C0GROWTH", "T0TEAM/weekly-report/slot-2026-11-23T09:00:00Z/C0GROWTH"],
            await db.QueryAsync<string>("SELECT key FROM deliveries WHERE job = 'weekly-report' AND status = 'Sent' ORDER BY key"));
    }

    [Fact]
    public async Task Report_now_while_another_request_posts_the_report_says_so_and_posts_nothing()
    {
        await using var app = await GrowthBotApp.Start();
        // Another /growth report now reserved the report and claimed its post a moment ago, and is posting it.
        var (report, _) = await app.Service<ReportStore>().ReserveOnDemand(GrowthBotApp.TeamId, app.Time.GetUtcNow(), TimeSpan.FromMinutes(2));
        var key = ScheduledDelivery.Key(GrowthBotApp.TeamId, WeeklyReportPoster.ReportKey, report.PeriodKey, GrowthBotApp.GrowthChannel);
        await app.Service<DeliveryStore>().Claim(key, GrowthBotApp.TeamId, WeeklyReportPoster.ReportKey, GrowthBotApp.GrowthChannel, app.Time.GetUtcNow());
        app.Time.Advance(TimeSpan.FromSeconds(2));

        var reply = await app.Command("/growth report now", user: GrowthBotApp.Lead);

        Assert.Contains("A report is being posted to <#C0GROWTH> right now", reply.Text);
        Assert.Empty(Reports(app));
        Assert.Single(await Periods(app));
    }

    [Fact]
    public async Task A_report_asked_for_after_a_missed_slot_covers_it_and_moving_the_report_day_never_posts_twice_a_week()
    {
        await using var app = await GrowthBotApp.Start(now: At(16, 9));
        var posts = app.Service<ScheduledPosts>();
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);

        // On Tuesday the lead moves the report to Wednesdays: this week's report is out already.
        app.Time.SetUtcNow(At(17, 11));
        await Save(app, new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, ReportDay = DayOfWeek.Wednesday, ReportTime = new TimeOnly(9, 0) });
        app.Time.SetUtcNow(At(18, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        Assert.Single(Reports(app));
        app.Time.SetUtcNow(At(25, 9));
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        Assert.Contains("since Monday 16 Nov.", Reports(app)[1].AllText);

        // Wednesday 2 Dec 09:00 is missed; on Thursday a lead asks for the report before the catch-up comes round.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        Assert.Contains("Posted the report", (await app.Command("/growth report now", user: GrowthBotApp.Lead)).Text);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Equal(3, Reports(app).Count);
        Assert.Contains("since Wednesday 25 Nov.", Reports(app)[2].AllText);
    }
}
