using System.Text.Json.Nodes;
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
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 16), owner: GrowthBotApp.Bob);
        // Quartz runs on the app's clock, which tests hold still: let it move as real time does, so the fast crons fire.
        using var stop = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                app.Time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(100, CancellationToken.None);
            }
        });

        await app.Slack.WaitFor("chat.postMessage", c => c.Str("channel") == GrowthBotApp.GrowthChannel);
        await app.Slack.WaitFor("chat.postMessage", c => c.Str("channel") == "D" + GrowthBotApp.Bob);
        // Let several more firings pass: still one report and one reminder.
        var health = JsonNode.Parse(await app.Http.GetStringAsync("/health"))!;
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await stop.CancelAsync();
        await ticking;

        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == GrowthBotApp.GrowthChannel);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + GrowthBotApp.Bob);
        Assert.Equal("ok", health["checks"]!["scheduler"]!["status"]!.GetValue<string>());
        Assert.Contains("weekly-report", health["checks"]!["scheduler"]!["detail"]!.GetValue<string>());
    }
}
