using System.Text.Json.Nodes;
using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;

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
}
