using System.Net;
using Dapper;
using GrowthBot.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

public class NewExperimentJourneyTests
{
    [Fact]
    public async Task Experiment_new_opens_the_modal_prefilled_with_the_caller_and_a_week_from_today()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/experiment new");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var open = app.Slack.Last("views.open");
        Assert.NotNull(open.Str("trigger_id"));
        var view = open.View!;
        Assert.Equal(NewExperimentModal.CallbackId, view["callback_id"]!.GetValue<string>());
        Assert.Equal("New experiment", view["title"]!["text"]!.GetValue<string>());
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(GrowthBotApp.Alice, blocks.Single(b => b!["block_id"]?.GetValue<string>() == B.Owner)!["element"]!["initial_user"]!.GetValue<string>());
        Assert.Equal("2026-11-18", blocks.Single(b => b!["block_id"]?.GetValue<string>() == B.Start)!["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal("2026-11-25", blocks.Single(b => b!["block_id"]?.GetValue<string>() == B.End)!["element"]!["initial_date"]!.GetValue<string>());
        Assert.Contains("No key results yet", open.AllText);
    }

    [Fact]
    public async Task Submitting_the_modal_stores_the_experiment_and_confirms_with_the_ICE_formula()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "LinkedIn InMail to CMOs")
            .Text(B.Hypothesis, "CMOs of 100-person companies answer InMail because one of our customers' CMOs is very active")
            .Select(B.Stage, "Acquisition")
            .Text(B.Metric, "Leads")
            .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using var db = await app.Db();
        var stored = await db.QuerySingleAsync<(string Name, long Number, string Stage, long Impact, string OwnerId, string CreatedBy, string TeamId, string StartDate, string EndDate, string Status)>(
            "SELECT name, number, funnel_stage, impact, owner_id, created_by, team_id, CAST(start_date AS TEXT), CAST(end_date AS TEXT), status FROM experiments");
        Assert.Equal(("LinkedIn InMail to CMOs", 1L, "Acquisition", 8L), (stored.Name, stored.Number, stored.Stage, stored.Impact));
        Assert.Equal((GrowthBotApp.Alice, GrowthBotApp.Alice, GrowthBotApp.TeamId), (stored.OwnerId, stored.CreatedBy, stored.TeamId));
        Assert.Equal(("2026-11-18", "2026-11-25", "Backlog"), (stored.StartDate, stored.EndDate, stored.Status));

        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Equal("ephemeral", confirmation.Str("response_type"));
        Assert.Contains("E1", confirmation.AllText);
        Assert.Contains("ICE = (8 + 6 + 7) ÷ 3 = 7", confirmation.AllText);
    }

    [Fact]
    public async Task Invalid_input_is_answered_with_inline_errors_and_nothing_is_stored()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "  ")
            .Text(B.Hypothesis, new string('x', 1001))
            .Number(B.Impact, "11").Number(B.Confidence, "0").Number(B.Ease, "five")
            .Date(B.Start, new DateOnly(2026, 11, 20)).Date(B.End, new DateOnly(2026, 11, 20)));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Equal([B.Confidence, B.Ease, B.End, B.Hypothesis, B.Impact, B.Name, B.Stage], reply.Errors.Keys.Order());
        Assert.Contains("after the start date", reply.Errors[B.End]);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public async Task Short_ids_count_up_per_team()
    {
        await using var app = await GrowthBotApp.Start();

        for (var i = 1; i <= 3; i++)
        {
            await app.Command("/experiment new");
            await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
                .Text(B.Name, $"Idea {i}").Text(B.Hypothesis, "h").Select(B.Stage, "Revenue")
                .Number(B.Impact, "5").Number(B.Confidence, "5").Number(B.Ease, "5"));
        }

        var show = await app.Command("/experiment show E3");
        Assert.Contains("E3 · Idea 3", show.Text);
    }

    [Fact]
    public async Task A_request_with_a_bad_signature_gets_401_and_stores_nothing()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/command", GrowthBotApp.Form(new() { ["command"] = "/experiment", ["text"] = "new", ["team_id"] = "T", ["user_id"] = "U" }),
            "application/x-www-form-urlencoded", secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }
}
