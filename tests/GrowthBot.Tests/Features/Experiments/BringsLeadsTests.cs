using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Experiments;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

/// <summary>
/// Which experiments sales are asked about is the team's choice: "counts leads" on a key result in /okr set, and
/// "Brings leads for sales to judge" in the New, Edit and Conclude modals, ticked by default from the key result.
/// </summary>
public class BringsLeadsTests
{
    private static async Task<OkrSnapshot> TwoKeyResults(GrowthBotApp app) =>
        await app.Service<OkrStore>().SetObjective(GrowthBotApp.TeamId, "Grow revenue", "Q4",
            [new KeyResultDraft("Demo requests", 0, 40, "demos", GrowthBotApp.Alice, CountsLeads: true), new KeyResultDraft("Churn", 8, 5, "%", GrowthBotApp.Bob)],
            GrowthBotApp.Lead, GrowthBotApp.DefaultNow);

    private static JsonObject Block(JsonNode view, string blockId) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!.AsObject();

    /// <summary>A running experiment marked as bringing leads, with its Conclude modal opened.</summary>
    private static async Task<(Experiment Running, SlackCall Open)> ConcludingOneThatBringsLeads(GrowthBotApp app)
    {
        var running = await app.Running();
        await app.Service<ExperimentStore>().Update(running with { BringsLeads = true }, GrowthBotApp.DefaultNow);
        await app.Command("/experiment conclude E1");
        return (running, app.Slack.Last("views.open"));
    }

    private static bool Ticked(JsonObject checkboxBlock) => checkboxBlock["element"]!["initial_options"] is JsonArray { Count: 1 };

    private static IReadOnlyList<string> BlockIds(JsonNode view) =>
        view["blocks"]!.AsArray().Select(b => b!["block_id"]?.GetValue<string>()).OfType<string>().ToList();

    [Fact]
    public async Task A_lead_ticks_counts_leads_on_a_key_result_in_okr_set_and_sees_it_ticked_next_time()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/okr set", user: GrowthBotApp.Lead);

        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Text("objective", "100 new leads").Text("period", "Q4 2026")
            .Text("kr1_name", "Demo requests").Text("kr1_baseline", "0").Text("kr1_target", "40").PickUser("kr1_owner", GrowthBotApp.Alice).Checked("kr1_leads", "yes")
            .Text("kr2_name", "Churn").Text("kr2_baseline", "8").Text("kr2_target", "5").PickUser("kr2_owner", GrowthBotApp.Bob));

        await using (var db = await app.Db())
            Assert.Equal([("Demo requests", true), ("Churn", false)], await db.QueryAsync<(string, bool)>("SELECT name, counts_leads FROM key_results ORDER BY number"));
        await app.Command("/okr set", user: GrowthBotApp.Lead);
        var again = app.Slack.Last("views.open").View!;
        Assert.True(Ticked(Block(again, "kr1_leads")));
        Assert.False(Ticked(Block(again, "kr2_leads")));
        Assert.Equal("Counts leads", Block(again, "kr1_leads")["element"]!["options"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Choosing_a_key_result_that_counts_leads_ticks_the_box_in_the_open_modal_and_keeps_what_was_typed()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await TwoKeyResults(app);
        await app.Command("/experiment new");
        var open = app.Slack.Last("views.open");
        Assert.False(Ticked(Block(open.View!, B.BringsLeads)));
        Assert.Equal("Brings leads for sales to judge", Block(open.View!, B.BringsLeads)["element"]!["options"]![0]!["text"]!["text"]!.GetValue<string>());

        var typed = ViewSubmission.Of(open).Text(B.Name, "Partner webinar").Text(B.Hypothesis, "Partners bring warm leads")
            .Select(B.KeyResult, okr.KeyResults[0].Id.ToString());
        var ack = await app.Change(typed, B.KeyResult);

        Assert.True(ack.IsEmptyAck, ack.Raw);
        var update = app.Slack.Last("views.update");
        Assert.Equal(("V0SUBMIT", "156772938.1827394"), (update.Str("view_id"), update.Str("hash")));
        var updated = update.View!;
        var leadsBlock = Assert.Single(BlockIds(updated), id => id.StartsWith(B.BringsLeads + "."));
        Assert.True(Ticked(Block(updated, leadsBlock)));
        // Every other input keeps its block id, so Slack keeps what was typed in it; the new initial values say the same.
        Assert.Equal(BlockIds(open.View!).Where(id => id != B.BringsLeads), BlockIds(updated).Where(id => id != leadsBlock));
        Assert.Equal("Partner webinar", Block(updated, B.Name)["element"]!["initial_value"]!.GetValue<string>());
        Assert.Equal(okr.KeyResults[0].Id.ToString(), Block(updated, B.KeyResult)["element"]!["initial_option"]!["value"]!.GetValue<string>());

        // Another key result, one that counts no leads: the box follows again.
        await app.Change(ViewSubmission.Of(update).Text(B.Name, "Partner webinar").Select(B.KeyResult, okr.KeyResults[1].Id.ToString()), B.KeyResult);
        var second = app.Slack.Last("views.update").View!;
        var secondLeads = Assert.Single(BlockIds(second), id => id.StartsWith(B.BringsLeads + "."));
        Assert.NotEqual(leadsBlock, secondLeads);
        Assert.False(Ticked(Block(second, secondLeads)));

        var saved = await app.Submit(ViewSubmission.Of(update).Text(B.Hypothesis, "Partners bring warm leads").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6"));
        Assert.True(saved.IsEmptyAck, saved.Raw);
        var stored = (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!;
        Assert.Equal(("Partner webinar", okr.KeyResults[0].Id, true), (stored.Name, stored.KeyResultId, stored.BringsLeads));
    }

    [Fact]
    public async Task The_edit_modal_shows_the_experiments_own_choice_and_saves_an_unticked_box()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await TwoKeyResults(app);
        var idea = await app.Idea(keyResultId: okr.KeyResults[0].Id);
        await app.Service<ExperimentStore>().Update(idea with { BringsLeads = true }, GrowthBotApp.DefaultNow);

        await app.Command("/experiment edit E1");
        var open = app.Slack.Last("views.open");
        Assert.True(Ticked(Block(open.View!, B.BringsLeads)));
        await app.Submit(ViewSubmission.Of(open).Checked(B.BringsLeads));

        Assert.False((await app.Reload(idea)).BringsLeads);
    }

    [Fact]
    public async Task The_conclude_modal_is_ticked_from_the_experiment_and_keeps_the_next_step()
    {
        await using var app = await GrowthBotApp.Start();
        var (running, open) = await ConcludingOneThatBringsLeads(app);

        Assert.True(Ticked(Block(open.View!, C.BringsLeads)));
        Assert.Equal("Next step", Block(open.View!, C.NextStep)["label"]!["text"]!.GetValue<string>());
        var reply = await app.Submit(ViewSubmission.Of(open)
            .Radio(C.Outcome, "Worked").Text(C.Result, "1 lead, CTR 60%").Text(C.Learning, "CMOs answer InMail").Radio(C.Decision, "Scale")
            .Text(C.NextStep, "Double the budget this week to see if we can double the leads"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var stored = await app.Reload(running);
        Assert.Equal((ExperimentStatus.Concluded, "Double the budget this week to see if we can double the leads", true), (stored.Status, stored.NextStep, stored.BringsLeads));
        Assert.Contains("*Next step:* Double the budget this week", (await app.Command("/experiment show E1")).Text);
    }

    [Fact]
    public async Task Unticking_the_box_while_concluding_stops_sales_being_asked()
    {
        await using var app = await GrowthBotApp.Start();
        var (_, open) = await ConcludingOneThatBringsLeads(app);

        await app.Submit(ViewSubmission.Of(open)
            .Radio(C.Outcome, "DidNotWork").Text(C.Result, "No replies").Text(C.Learning, "CMOs ignore cold InMail").Radio(C.Decision, "Stop")
            .Checked(C.BringsLeads));

        await using var db = await app.Db();
        Assert.Equal((0L, (string?)null), await db.QuerySingleAsync<(long, string?)>("SELECT brings_leads, next_step FROM experiments"));
    }
}
