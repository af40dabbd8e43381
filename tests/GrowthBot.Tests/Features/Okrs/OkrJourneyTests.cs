using Dapper;
using GrowthBot.Features.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using C = GrowthBot.Features.Okrs.CheckInModal.Blocks;

namespace GrowthBot.Tests.Features.Okrs;

public class OkrJourneyTests
{
    private static Task<OkrSnapshot> Seed(GrowthBotApp app) =>
        app.Service<OkrStore>().SetObjective(GrowthBotApp.TeamId, "100 new leads", "Q4 2026",
        [
            new KeyResultDraft("New leads", 0, 100, "new leads", GrowthBotApp.Alice),
            new KeyResultDraft("Churn", 8, 5, "%", GrowthBotApp.Bob),
        ], GrowthBotApp.Lead, GrowthBotApp.DefaultNow);

    [Fact]
    public async Task Only_a_growth_lead_may_set_the_objective_and_the_refusal_names_who_can()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/okr set", user: GrowthBotApp.Alice);

        Assert.Contains($"a growth lead (<@{GrowthBotApp.Lead}>)", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task A_lead_sets_the_north_star_with_key_results_and_bad_input_is_answered_on_the_right_field()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/okr set", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        Assert.Equal(SetOkrModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.True(open.View!["blocks"]!.AsArray().Count <= 100);

        var bad = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead)
            .Text("objective", "100 new leads").Text("period", "Q4 2026")
            .Text("kr1_name", "New leads").Text("kr1_baseline", "zero").Text("kr1_target", "100")
            .Text("kr2_name", "Deals").Text("kr2_baseline", "5").Text("kr2_target", "5,0").PickUser("kr2_owner", GrowthBotApp.Bob)
            .Text("kr3_baseline", "1").Text("kr3_target", "2").PickUser("kr3_owner", GrowthBotApp.Bob));
        Assert.Equal("errors", bad.ResponseAction);
        Assert.Equal(["kr1_baseline", "kr2_target", "kr3_name"], bad.Errors.Keys.Order());
        await using (var db = await app.Db()) Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM objectives"));

        var ok = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead)
            .Text("objective", "100 new leads").Text("period", "Q4 2026")
            .Text("kr1_name", "New leads").Text("kr1_baseline", "0").Text("kr1_target", "100").Text("kr1_unit", "new leads").PickUser("kr1_owner", GrowthBotApp.Alice)
            .Text("kr2_name", "Churn").Text("kr2_baseline", "8,5").Text("kr2_target", "5").Text("kr2_unit", "%").PickUser("kr2_owner", GrowthBotApp.Bob));

        Assert.True(ok.IsEmptyAck, ok.Raw);
        await using var db2 = await app.Db();
        var krs = (await db2.QueryAsync<(long Number, string Name, double Baseline, double Target, string OwnerId)>(
            "SELECT number, name, baseline, target, owner_id FROM key_results ORDER BY number")).ToList();
        Assert.Equal([(1L, "New leads", 0d, 100d, GrowthBotApp.Alice), (2L, "Churn", 8.5d, 5d, GrowthBotApp.Bob)], krs);
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Saved the North Star *100 new leads* (Q4 2026) with 2 key results", confirmation.AllText);
        Assert.Contains("0/100 new leads", confirmation.AllText);
    }

    [Fact]
    public async Task Okr_update_preselects_the_callers_key_result_and_the_check_in_moves_the_progress_bar()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed(app);

        await app.Command("/okr update", user: GrowthBotApp.Bob);
        var open = app.Slack.Last("views.open");
        Assert.Equal(okr.KeyResults[1].Id.ToString(), open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == C.KeyResult)!["element"]!["initial_option"]!["value"]!.GetValue<string>());

        await app.Command("/okr update", user: GrowthBotApp.Alice);
        var notANumber = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Alice).Text(C.Value, "twenty-six").Select(C.Confidence, "OnTrack"));
        Assert.Contains("is not a number", notANumber.Errors[C.Value]);

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Alice).Text(C.Value, "26").Select(C.Confidence, "OnTrack").Text(C.Note, "InMail brought 20"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("KR1"));
        Assert.Contains("0 → *26/100 new leads*", confirmation.AllText);
        var show = await app.Command("/okr");
        Assert.Contains("100 new leads", show.Text);
        Assert.Contains("`▓▓▓░░░░░░░` 26% · 26/100 new leads", show.Text);
        Assert.Contains("On track", show.Text);
        Assert.Contains("8%/5%", show.Text);
    }

    [Fact]
    public async Task Every_check_in_is_kept_as_history()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);

        foreach (var (value, confidence) in new[] { ("20", "AtRisk"), ("31,5", "OnTrack") })
        {
            await app.Command("/okr update");
            await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(C.Value, value).Select(C.Confidence, confidence));
        }

        await using var db = await app.Db();
        var history = (await db.QueryAsync<(double Value, double Previous, string Confidence)>("SELECT value, previous_value, confidence FROM check_ins ORDER BY id")).ToList();
        Assert.Equal([(20d, 0d, "AtRisk"), (31.5d, 20d, "OnTrack")], history);
        Assert.Equal(31.5d, await db.ExecuteScalarAsync<double>("SELECT current FROM key_results WHERE number = 1"));
    }

    [Fact]
    public async Task Checking_in_on_someone_elses_key_result_needs_a_growth_lead()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed(app);
        await app.Command("/okr update", user: GrowthBotApp.Alice);
        var open = app.Slack.Last("views.open");

        var refused = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Alice).Select(C.KeyResult, okr.KeyResults[1].Id.ToString()).Text(C.Value, "7").Select(C.Confidence, "AtRisk"));
        Assert.Contains("KR2 belongs to someone else", refused.Errors[C.KeyResult]);
        Assert.Contains($"a growth lead ({GrowthBotApp.Lead})", refused.Errors[C.KeyResult]);

        var lead = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Select(C.KeyResult, okr.KeyResults[1].Id.ToString()).Text(C.Value, "7").Select(C.Confidence, "AtRisk"));
        Assert.True(lead.IsEmptyAck, lead.Raw);
        await using var db = await app.Db();
        Assert.Equal(GrowthBotApp.Lead, await db.ExecuteScalarAsync<string>("SELECT created_by FROM check_ins"));
    }

    [Fact]
    public async Task The_check_in_button_opens_the_modal_for_its_key_result_and_refuses_others()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed(app);
        var show = await app.Command("/okr", user: GrowthBotApp.Bob);

        await app.Click(show.Body!, "okr_check_in:KR2", user: GrowthBotApp.Bob);
        var open = app.Slack.Last("views.open");
        Assert.Equal(CheckInModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.Contains(okr.KeyResults[1].Id.ToString(), open.View!["blocks"]!.ToJsonString());

        await app.Click(show.Body!, "okr_check_in:KR1", user: GrowthBotApp.Bob);
        var refusal = await app.Slack.WaitFor("response_url");
        Assert.Contains($"KR1 belongs to <@{GrowthBotApp.Alice}>", refusal.AllText);
        Assert.Single(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Without_an_objective_okr_and_update_say_how_to_set_one()
    {
        await using var app = await GrowthBotApp.Start();

        Assert.Contains("/okr set", (await app.Command("/okr")).Text);
        Assert.Contains("/okr set", (await app.Command("/okr update")).Text);
        Assert.Contains("/okr update", (await app.Command("/okr help")).Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }
}
