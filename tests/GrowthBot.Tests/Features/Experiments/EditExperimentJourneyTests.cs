using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

public class EditExperimentJourneyTests
{
    private static string? Initial(SlackCall open, string blockId, string key) =>
        open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!["element"]![key] switch
        {
            System.Text.Json.Nodes.JsonObject o => o["value"]!.GetValue<string>(),
            { } v => v.GetValue<string>(),
            null => null,
        };

    [Fact]
    public async Task Experiment_edit_opens_the_new_experiment_form_prefilled()
    {
        await using var app = await GrowthBotApp.Start();
        var kr = await app.KeyResult();
        await app.Idea(keyResultId: kr.Id);

        var reply = await app.Command("/experiment edit E1");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var open = app.Slack.Last("views.open");
        Assert.Equal(EditExperimentModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.Equal("Edit E1", open.View["title"]!["text"]!.GetValue<string>());
        Assert.Equal("LinkedIn InMail to CMOs", Initial(open, B.Name, "initial_value"));
        Assert.Equal("Acquisition", Initial(open, B.Stage, "initial_option"));
        Assert.Equal(kr.Id.ToString(), Initial(open, B.KeyResult, "initial_option"));
        Assert.Equal("8", Initial(open, B.Impact, "initial_value"));
        Assert.Equal("Leads", Initial(open, B.Metric, "initial_value"));
        Assert.Equal("2026-11-25", Initial(open, B.End, "initial_date"));
        Assert.Contains("\"subject\":\"E1\"", open.View["private_metadata"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saving_the_edit_updates_the_experiment_and_confirms_the_new_ICE_score()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();
        await app.Command("/experiment edit E1");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "InMail to CMOs and CEOs").Number(B.Ease, "10").PickUser(B.Owner, GrowthBotApp.Bob));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var stored = await app.Reload(idea);
        Assert.Equal(("InMail to CMOs and CEOs", new IceScore(8, 6, 10), GrowthBotApp.Bob), (stored.Name, stored.Ice, stored.OwnerId));
        Assert.Equal(("CMOs of 100-person companies answer InMail", 1, ExperimentStatus.Backlog), (stored.Hypothesis, stored.Number, stored.Status));
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Saved changes to *E1 · InMail to CMOs and CEOs*", confirmation.AllText);
        Assert.Contains("ICE = (8 + 6 + 10) ÷ 3 = 8", confirmation.AllText);
    }

    [Fact]
    public async Task Invalid_edits_are_inline_errors_and_change_nothing()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();
        await app.Command("/experiment edit E1");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(B.Name, "").Number(B.Impact, "12"));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Equal([B.Impact, B.Name], reply.Errors.Keys.Order());
        Assert.Equal(idea.Name, (await app.Reload(idea)).Name);
    }

    [Fact]
    public async Task Someone_else_cannot_edit_and_is_told_who_can()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea(owner: GrowthBotApp.Bob, createdBy: GrowthBotApp.Alice);

        var reply = await app.Command("/experiment edit E1", user: "U0CAROL");

        Assert.Contains("Only its owner <@U0BOB>, the person who logged it (<@U0ALICE>) or a growth lead (<@U0LEAD>) can edit E1", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task The_creator_the_owner_and_a_growth_lead_may_edit()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Idea(owner: GrowthBotApp.Bob, createdBy: GrowthBotApp.Alice);

        foreach (var user in new[] { GrowthBotApp.Alice, GrowthBotApp.Bob, GrowthBotApp.Lead })
            Assert.True((await app.Command("/experiment edit E1", user: user)).IsEmptyAck);

        Assert.Equal(3, app.Slack.CallsTo("views.open").Count);
    }

    [Fact]
    public async Task A_forged_edit_submission_by_someone_else_is_refused_and_changes_nothing()
    {
        await using var app = await GrowthBotApp.Start();
        var idea = await app.Idea();
        await app.Command("/experiment edit E1");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), user: GrowthBotApp.Bob).Text(B.Name, "Hijacked"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        Assert.Equal(idea.Name, (await app.Reload(idea)).Name);
        Assert.Contains("can edit E1", (await app.Slack.WaitFor("response_url")).AllText);
    }
}
