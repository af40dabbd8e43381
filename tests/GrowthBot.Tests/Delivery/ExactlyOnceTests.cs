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
using Microsoft.Extensions.Logging;

namespace GrowthBot.Tests.Delivery;

/// <summary>The crash window between Slack accepting a scheduled post and us recording its ts.</summary>
public class ExactlyOnceTests
{
    private const string ReportKey = $"{GrowthBotApp.TeamId}/weekly-report/";

    private static async Task<GrowthBotApp> WithReportDue(CapturedLogs? logs = null)
    {
        var app = await GrowthBotApp.Start(services: logs is null ? null : logs.AddTo);
        await Seed.Okr(app);
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "We got one lead; CTR 60%");
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel }, CancellationToken.None);
        return app;
    }

    private static IReadOnlyList<SlackCall> Reports(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened")).ToList();

    /// <summary>
    /// The state a crash right after chat.postMessage leaves: the message is in Slack, the delivery still Pending without
    /// a ts, and the report it belongs to neither posted nor finished.
    /// </summary>
    private static async Task LoseTheAnswer(GrowthBotApp app, string job)
    {
        await using var db = await app.Db();
        await db.ExecuteAsync("UPDATE deliveries SET status = 'Pending', ts = NULL, channel = NULL, sent_at = NULL WHERE job = @job", new { job });
        await db.ExecuteAsync("UPDATE reports SET ts = NULL, channel = NULL, posted_at = NULL, finished_at = NULL");
    }

    [Fact]
    public async Task A_report_that_reached_Slack_before_a_crash_is_found_there_and_not_posted_again()
    {
        await using var app = await WithReportDue();
        var posts = app.Service<ScheduledPosts>();
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        var landed = Assert.Single(Reports(app));
        var landedTs = app.Slack.Messages(GrowthBotApp.GrowthChannel).Single(m => m["metadata"]?["event_payload"]?["key"]?.ToString().StartsWith(ReportKey) == true)["ts"]!.ToString();
        await LoseTheAnswer(app, "weekly-report");

        app.Time.Advance(DeliveryStore.StaleClaim + TimeSpan.FromMinutes(1));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Same(landed, Assert.Single(Reports(app)));
        var history = app.Slack.Last("conversations.history");
        Assert.Equal(GrowthBotApp.GrowthChannel, history.Str("channel"));
        Assert.Equal("true", history.Str("include_all_metadata"));
        await using var db = await app.Db();
        var row = await db.QuerySingleAsync<(string Status, string Ts, string Channel)>("SELECT status, ts, channel FROM deliveries WHERE job = 'weekly-report'");
        Assert.Equal(("Sent", landedTs, GrowthBotApp.GrowthChannel), row);
    }

    [Fact]
    public async Task A_thread_reply_that_reached_Slack_before_a_crash_is_found_in_its_thread()
    {
        await using var app = await GrowthBotApp.Start();
        var delivery = app.Service<ScheduledDelivery>();
        var parent = app.Slack.AddMessage(GrowthBotApp.GrowthChannel, "the report");
        var key = ScheduledDelivery.Key(GrowthBotApp.TeamId, "weekly-report-detail", "2026-W47-E1", GrowthBotApp.GrowthChannel);
        // The earlier run claimed the key and its reply landed in the thread; then the process died.
        await app.Service<DeliveryStore>().Claim(key, GrowthBotApp.TeamId, "weekly-report-detail", GrowthBotApp.GrowthChannel, app.Time.GetUtcNow());
        var landedTs = app.Slack.AddMessage(GrowthBotApp.GrowthChannel, "details", new JsonObject
        {
            ["event_type"] = ScheduledDelivery.MetadataEventType, ["event_payload"] = new JsonObject { ["key"] = key },
        }, threadTs: parent);

        app.Time.Advance(DeliveryStore.StaleClaim + TimeSpan.FromMinutes(1));
        var outcome = await delivery.Post(GrowthBotApp.TeamId, "weekly-report-detail", "2026-W47-E1", PostTarget.Channel(GrowthBotApp.GrowthChannel),
            () => new GrowthBot.Slack.BlockKit.Message("details", []), CancellationToken.None, parent);

        Assert.Equal(new DeliveryOutcome(true, false, GrowthBotApp.GrowthChannel, landedTs), outcome);
        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
        Assert.Equal(parent, app.Slack.Last("conversations.replies").Str("ts"));
        Assert.Equal(DeliveryStatus.Sent, (await app.Service<DeliveryStore>().Find(key))!.Status);
    }

    /// <summary>The state a crash right after claiming leaves: this week's report reserved, its post Pending, and nothing in Slack.</summary>
    private static async Task ClaimAndDie(GrowthBotApp app)
    {
        var now = app.Time.GetUtcNow();
        var settings = app.Service<TeamSettingsService>().For(GrowthBotApp.TeamId);
        var slot = ScheduleMath.WeeklySlot(settings.WeeklyReportCron, settings.Zone, now)!.Value;
        var report = (await app.Service<ReportStore>().ReserveSlot(GrowthBotApp.TeamId, slot, ScheduleMath.WeekStart(settings.Zone, now), now))!;
        var key = ScheduledDelivery.Key(GrowthBotApp.TeamId, WeeklyReportPoster.ReportKey, report.PeriodKey, GrowthBotApp.GrowthChannel);
        Assert.Equal(ClaimResult.Claimed, (await app.Service<DeliveryStore>().Claim(key, GrowthBotApp.TeamId, WeeklyReportPoster.ReportKey, GrowthBotApp.GrowthChannel, now)).Result);
    }

    [Fact]
    public async Task A_stale_claim_whose_post_never_reached_Slack_is_posted_once()
    {
        await using var app = await WithReportDue();
        await ClaimAndDie(app);
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        Assert.Empty(Reports(app));
        app.Time.Advance(DeliveryStore.StaleClaim + TimeSpan.FromMinutes(1));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        var report = Assert.Single(Reports(app));
        Assert.Single(app.Slack.CallsTo("conversations.history"));
        await using var db = await app.Db();
        Assert.Equal(("Sent", report.Str("channel")), await db.QuerySingleAsync<(string, string)>("SELECT status, channel FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task When_history_cannot_be_read_the_retaken_post_is_made_once_and_a_warning_logged()
    {
        var logs = new CapturedLogs();
        await using var app = await WithReportDue(logs);
        var posts = app.Service<ScheduledPosts>();
        // The earlier run claimed the report and died; whether it posted cannot be checked.
        await ClaimAndDie(app);
        app.Slack.Script("conversations.history", FakeResponse.Fail("missing_scope"));

        app.Time.Advance(DeliveryStore.StaleClaim + TimeSpan.FromMinutes(1));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        Assert.Single(Reports(app));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("missing_scope") && e.Message.Contains("posting it again"));
        await using var db = await app.Db();
        Assert.Equal("Sent", await db.ExecuteScalarAsync<string>("SELECT status FROM deliveries WHERE job = 'weekly-report'"));
    }

    [Fact]
    public async Task Every_scheduled_post_carries_its_delivery_key_as_message_metadata()
    {
        await using var app = await WithReportDue();
        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var calls = app.Slack.CallsTo("chat.postMessage");
        Assert.True(calls.Count >= 2, "the report and its thread");
        await using var db = await app.Db();
        var keys = (await db.QueryAsync<(string Key, string Ts)>("SELECT key, ts FROM deliveries")).ToDictionary(r => r.Ts, r => r.Key);
        var messages = app.Slack.Messages(GrowthBotApp.GrowthChannel);
        Assert.Equal(calls.Count, messages.Count);
        foreach (var message in messages)
        {
            Assert.Equal(ScheduledDelivery.MetadataEventType, message["metadata"]!["event_type"]!.ToString());
            Assert.Equal(keys[message["ts"]!.ToString()], message["metadata"]!["event_payload"]!["key"]!.ToString());
        }
    }
}
