using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

public class ScheduleTests
{
    [Fact]
    public void Every_job_and_every_delivery_key_is_declared_once()
    {
        Assert.Equal(Schedule.All.Count, Schedule.All.Select(j => j.Name).Distinct().Count());
        var keys = Schedule.All.SelectMany(j => j.DeliveryKeys).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.DoesNotContain(ScheduledDelivery.ChannelProblemKey, keys);
    }

    [Fact]
    public async Task A_catch_up_on_a_friday_afternoon_records_each_post_under_a_key_its_job_declares()
    {
        await using var app = await GrowthBotApp.Start(now: new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var okr = await Seed.Okr(app);
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "We got one lead", okr.KeyResults[0].Id, bringsLeads: true);
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 18), owner: GrowthBotApp.Bob);
        await Seed.Task(app, "Write InMail copy", GrowthBotApp.Alice, new DateOnly(2026, 11, 17));
        await Seed.Task(app, "Buy LinkedIn seat", GrowthBotApp.Bob, new DateOnly(2026, 11, 27), BlockReason.Budget);
        // A sales person, asked for the pipeline's numbers on Friday morning.
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, LeadQualityUsers = ["U0SALES"] }, CancellationToken.None);

        await app.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);

        await using var db = await app.Db();
        var recorded = (await db.QueryAsync<string>("SELECT DISTINCT job FROM deliveries WHERE status = 'Sent'")).Order().ToList();
        Assert.Equal(Schedule.Posts.SelectMany(j => j.DeliveryKeys).Order().ToList(), recorded);
    }

    [Fact]
    public async Task With_scheduling_on_every_job_of_the_table_has_a_trigger_that_health_reports()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" });

        var scheduler = JsonNode.Parse(await app.Http.GetStringAsync("/health"))!["checks"]!["scheduler"]!;

        Assert.Equal("ok", scheduler["status"]!.GetValue<string>());
        var detail = scheduler["detail"]!.GetValue<string>();
        // The backup is SQLite's alone: PostgreSQL is backed up with pg_dump.
        var jobs = Schedule.For(postgres: app.TestDatabase.Kind == DatabaseKind.Postgres);
        Assert.Equal(app.TestDatabase.Kind == DatabaseKind.Sqlite, jobs.Contains(Schedule.Backup));
        Assert.Contains($"{jobs.Count} jobs", detail);
        Assert.All(jobs, job => Assert.Matches($@"{job.Name} \d{{4}}-\d\d-\d\dT", detail));
    }

    [Fact]
    public async Task Saving_a_report_day_time_and_zone_reschedules_the_weekly_report_without_a_restart()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" });
        Assert.Matches(@"weekly-report \d{4}-\d\d-\d\dT09:00:00Z", await SchedulerDetail(app));

        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportDay = DayOfWeek.Tuesday, ReportTime = new TimeOnly(8, 30), TimeZone = "Europe/Helsinki",
        }, CancellationToken.None);
        await app.Idle();

        // 08:30 in Helsinki is 06:30 UTC in winter.
        Assert.Matches(@"weekly-report \d{4}-\d\d-\d\dT06:30:00Z", await SchedulerDetail(app));
    }

    [Fact]
    public async Task After_a_restart_the_triggers_follow_the_teams_saved_report_day_time_and_zone()
    {
        var first = await StoppedAfterSavingTuesday0830InHelsinki();

        await using var second = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" },
            slack: first.Slack, database: first.TestDatabase);

        Assert.Contains("weekly-report 2026-11-24T06:30:00Z", await SchedulerDetail(second));
    }

    [Fact]
    public async Task When_Slack_answers_only_after_startup_the_triggers_follow_the_saved_settings_from_then_on()
    {
        var first = await StoppedAfterSavingTuesday0830InHelsinki();
        first.Slack.Script("auth.test", FakeResponse.Fail("internal_error"));

        // The bot serves at once; it asks Slack again 5 s later (real time).
        await using var second = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" },
            slack: first.Slack, database: first.TestDatabase, now: GrowthBotApp.DefaultNow.AddMinutes(2));

        // /health answers 503 until Slack has answered.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await (await second.Http.GetAsync("/health")).Content.ReadAsStringAsync()).Contains("weekly-report 2026-11-24T06:30:00Z") && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Contains("weekly-report 2026-11-24T06:30:00Z", await SchedulerDetail(second));
    }

    [Fact]
    public async Task A_report_missed_while_the_bot_was_down_is_posted_by_the_catch_up_when_it_starts()
    {
        // Monday 09:00 passed while the bot was off. At 10:02 no trigger is due (the catch-up's next is 10:05),
        // so only the catch-up the scheduler runs at startup can post it.
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" },
            now: GrowthBotApp.DefaultNow.AddMinutes(2));

        await app.Idle();

        var report = Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == GrowthBotApp.GrowthChannel);
        Assert.Contains("Here's what happened", report.AllText);
    }

    /// <summary>An app that saved a Tuesday 08:30 Helsinki report (06:30 UTC in winter) and stopped, for a restart on its database.</summary>
    private static async Task<GrowthBotApp> StoppedAfterSavingTuesday0830InHelsinki()
    {
        var app = await GrowthBotApp.Start();
        app.KeepForRestart = true;
        await app.Service<TeamSettingsStore>().Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportDay = DayOfWeek.Tuesday, ReportTime = new TimeOnly(8, 30), TimeZone = "Europe/Helsinki",
        });
        await app.DisposeAsync();
        return app;
    }

    private static async Task<string> SchedulerDetail(GrowthBotApp app) =>
        JsonNode.Parse(await app.Http.GetStringAsync("/health"))!["checks"]!["scheduler"]!["detail"]!.GetValue<string>();
}
