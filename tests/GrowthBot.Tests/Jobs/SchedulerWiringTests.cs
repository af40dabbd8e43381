using System.Text.Json.Nodes;
using GrowthBot.Common;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using Quartz;

namespace GrowthBot.Tests.Jobs;

public class SchedulerWiringTests
{
    [Fact]
    public async Task With_fast_crons_Quartz_fires_the_jobs_and_each_post_is_made_once()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?>
        {
            ["GrowthBot:Schedule:Enabled"] = "true",
            ["GrowthBot:Schedule:WeeklyReport"] = "0/1 * * * * ?",
            ["GrowthBot:Schedule:ExperimentDue"] = "0/1 * * * * ?",
            ["GrowthBot:Schedule:CatchUp"] = "0/1 * * * * ?",
        });
        var firings = await Firings.Watch(app);
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 16), owner: GrowthBotApp.Bob);

        // The firings at startup may have run before the experiment existed; these run after it.
        await firings.Tick(app, Schedule.WeeklyReport, Schedule.ExperimentDue, Schedule.CatchUp);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == GrowthBotApp.GrowthChannel);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + GrowthBotApp.Bob);

        // Several more firings of every job: still one report and one reminder.
        for (var i = 0; i < 3; i++) await firings.Tick(app, Schedule.WeeklyReport, Schedule.ExperimentDue, Schedule.CatchUp);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == GrowthBotApp.GrowthChannel);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + GrowthBotApp.Bob);

        var scheduler = JsonNode.Parse(await app.Http.GetStringAsync("/health"))!["checks"]!["scheduler"]!;
        Assert.Equal("ok", scheduler["status"]!.GetValue<string>());
        Assert.Contains("weekly-report 2026-11-18T10:00:05Z", scheduler["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_installed_workspace_gets_its_report_at_its_own_day_and_time_and_an_uninstalled_one_none()
    {
        var slack = await FakeSlack.Start();
        var acme = slack.AddWorkspace("T0ACME", "Acme");
        var globex = slack.AddWorkspace("T0GLOBEX", "Globex");
        slack.AddMember(acme, GrowthBotApp.Alice);
        slack.AddMember(globex, GrowthBotApp.Bob);
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack, new Dictionary<string, string?>
        {
            ["GrowthBot:Schedule:Enabled"] = "true",
            ["GrowthBot:Schedule:WeeklyReport"] = "0 0 9 ? * MON",
        });
        await app.Install(acme, GrowthBotApp.Alice);
        await app.Install(globex, GrowthBotApp.Bob);
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings
        {
            TeamId = "T0GLOBEX", ReportChannel = "C0GLOBEX", ReportDay = DayOfWeek.Friday, ReportTime = new TimeOnly(15, 30), TimeZone = "Europe/Helsinki",
        }, CancellationToken.None);
        await app.Idle();

        // Wednesday 18 November 10:00 UTC: Acme reports on Monday 23rd at 09:00 UTC, Globex on Friday 20th at 15:30 in Helsinki (13:30 UTC).
        Assert.Equal(
            [("T0ACME", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), ("T0GLOBEX", new DateTimeOffset(2026, 11, 20, 13, 30, 0, TimeSpan.Zero))],
            await NextReports(app));

        await app.Event(new JsonObject { ["type"] = "app_uninstalled" }, team: "T0GLOBEX");
        await app.Idle();
        Assert.Equal([("T0ACME", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))], await NextReports(app));
    }

    private static async Task<IReadOnlyList<(string Team, DateTimeOffset Next)>> NextReports(GrowthBotApp app)
    {
        var scheduler = await app.Service<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggersOfJob(Schedule.WeeklyReport.Key);
        return triggers.Select(t => (t.JobDataMap.GetString(ScheduledPosts.TeamKey)!, t.NextFireTimeUtc!.Value)).OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
    }
}
