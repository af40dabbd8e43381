using GrowthBot.Domain.Experiments;
using System.Text.Json.Nodes;
using GrowthBot.Features.Pipeline;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Experiments;

/// <summary>The success and fail boards: what worked, what didn't and what was inconclusive in the last 90 days, as learnings.</summary>
public class BoardTests
{
    private static async Task<GrowthBotApp> WithConcluded()
    {
        var app = await GrowthBotApp.Start();
        var worked = await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "12 leads", at: GrowthBotApp.DefaultNow.AddDays(-3));
        await app.Service<ExperimentStore>().Update(worked with { Budget = 800, ResultUnit = "lead" }, GrowthBotApp.DefaultNow);
        await app.Service<ExperimentStore>().RecordSpend(GrowthBotApp.TeamId, worked.Id, 500, 12, GrowthBotApp.Alice, GrowthBotApp.DefaultNow);
        await Seed.Concluded(app, "Cold calls", Outcome.DidNotWork, "Nobody picked up", at: GrowthBotApp.DefaultNow.AddDays(-10));
        await Seed.Concluded(app, "Webinar", Outcome.Inconclusive, "Too few came", at: GrowthBotApp.DefaultNow.AddDays(-20));
        await Seed.Concluded(app, "Old billboard", Outcome.Worked, "Long ago", at: GrowthBotApp.DefaultNow.AddDays(-91));
        await Seed.Running(app, "Still running", new DateOnly(2026, 11, 25));
        return app;
    }

    [Fact]
    public async Task Experiment_board_groups_the_last_90_days_by_outcome_with_learning_and_cost_per_result()
    {
        await using var app = await WithConcluded();

        var reply = await app.Command("/experiment board");

        Assert.Equal("ephemeral", reply.ResponseType);
        var text = reply.Text;
        Assert.Contains(":trophy: *Worked* (1)\n• `E1` *LinkedIn InMail to CMOs*: CMOs answer InMail · €41.67 per lead", text);
        Assert.Contains(":mortar_board: *Did not work: what we learned* (1)\n• `E2` *Cold calls*: CMOs answer InMail", text);
        Assert.Contains(":grey_question: *Inconclusive* (1)\n• `E3` *Webinar*", text);
        Assert.DoesNotContain("Old billboard", text);
        Assert.DoesNotContain("Still running", text);
        Assert.Contains("Every failed attempt is a learning", text);
    }

    [Fact]
    public async Task An_empty_board_says_how_to_fill_it()
    {
        await using var app = await GrowthBotApp.Start();

        Assert.Contains("No experiment was concluded in the last 90 days", (await app.Command("/experiment board")).Text);
    }

    [Fact]
    public async Task The_app_home_shows_the_boards_the_pipeline_and_the_money_of_running_experiments()
    {
        await using var app = await WithConcluded();
        var running = (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 5))!;
        await app.Service<ExperimentStore>().Update(running with { Budget = 400 }, GrowthBotApp.DefaultNow);
        await app.Service<ExperimentStore>().RecordSpend(GrowthBotApp.TeamId, running.Id, 100, null, GrowthBotApp.Alice, GrowthBotApp.DefaultNow);

        await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300" });

        var publish = await app.Slack.WaitFor("views.publish");
        var text = publish.AllText;

        Assert.Contains("*E5* Still running · yours · ends Wed 25 Nov · €100 of €400 spent", text);
        Assert.Contains("Success and fail boards (3 in 90 days)", text);
        Assert.Contains("`E1` *LinkedIn InMail to CMOs*: CMOs answer InMail · €41.67 per lead", text);
        Assert.Contains("No pipeline numbers yet", text);
        Assert.Contains(PipelineCheckInButton.ActionId, publish.View!.ToJsonString());
    }
}
