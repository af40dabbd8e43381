using Dapper;
using GrowthBot.Domain.Kpis;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using F = GrowthBot.Domain.Kpis.KpiDraft.Fields;

namespace GrowthBot.Tests.Features.Kpis;

public class KpiJourneyTests
{
    /// <summary>A growth lead defines a KPI through /kpi new, as a person fills in the modal.</summary>
    internal static async Task<SlackReply> DefineKpi(GrowthBotApp app, string name, string definition, string unit = "", string measurement = "",
        KpiDirection direction = KpiDirection.HigherIsBetter, string team = GrowthBotApp.TeamId, string lead = GrowthBotApp.Lead)
    {
        await app.Command("/kpi new", user: lead, team: team);
        var open = app.Slack.Last("views.open");
        return await app.Submit(ViewSubmission.Of(open, lead).Text(F.Name, name).Text(F.Definition, definition).Text(F.Unit, unit)
            .Text(F.Measurement, measurement).Radio(F.Direction, direction.ToString()), team);
    }

    [Fact]
    public async Task A_lead_defines_a_kpi_and_everyone_reads_it_with_its_short_id()
    {
        await using var app = await GrowthBotApp.Start();

        await app.Command("/kpi new", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        Assert.Equal(KpiModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        var labels = open.View!["blocks"]!.AsArray().Select(b => b!["label"]?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(["Name", "What counts", "How it is measured", "Owner", "Unit", "Which way is better?"], labels);

        var saved = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead)
            .Text(F.Name, "Lead").Text(F.Definition, "A decision-maker at an ICP company who booked a call")
            .Text(F.Measurement, "HubSpot: first meeting booked").Text(F.Unit, "leads").PickUser(F.Owner, GrowthBotApp.Alice));
        Assert.True(saved.IsEmptyAck, saved.Raw);
        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Added"));
        Assert.Contains("K1 · Lead", confirmation.AllText);

        var list = await app.Command("/kpi", user: GrowthBotApp.Bob);
        Assert.Contains("*K1 · Lead* · higher is better · counted in leads", list.Text);
        Assert.Contains("*What counts:* A decision-maker at an ICP company who booked a call", list.Text);
        Assert.Contains("*How it is measured:* HubSpot: first meeting booked", list.Text);
        Assert.Contains($"owner <@{GrowthBotApp.Alice}>", list.Text);
        Assert.DoesNotContain(EditKpiButton.ActionId, list.Body!.ToJsonString());
        Assert.Contains("*K1 · Lead*", (await app.Command("/kpi k1", user: GrowthBotApp.Bob)).Text);

        await using var db = await app.Db();
        var row = await db.QuerySingleAsync<(long Number, string Name, string Direction, string OwnerId)>("SELECT number, name, direction, owner_id FROM kpis");
        Assert.Equal((1L, "Lead", "HigherIsBetter", GrowthBotApp.Alice), row);
    }

    [Fact]
    public async Task Only_growth_leads_write_kpis_and_a_forged_submission_is_refused_too()
    {
        await using var app = await GrowthBotApp.Start();

        var refused = await app.Command("/kpi new", user: GrowthBotApp.Alice);
        Assert.Contains($"a growth lead (<@{GrowthBotApp.Lead}>)", refused.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));

        await app.Command("/kpi new", user: GrowthBotApp.Lead);
        var forged = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Alice).Text(F.Name, "Lead").Text(F.Definition, "x"));
        Assert.Equal("errors", forged.ResponseAction);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kpis"));
    }

    [Fact]
    public async Task Bad_input_is_answered_on_its_field_an_empty_name_and_a_duplicate_name_in_any_case()
    {
        await using var app = await GrowthBotApp.Start();
        Assert.True((await DefineKpi(app, "Lead", "A decision-maker who booked a call")).IsEmptyAck);

        await app.Command("/kpi new", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var empty = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(F.Name, "  ").Text(F.Definition, ""));
        Assert.Equal([F.Definition, F.Name], empty.Errors.Keys.Order());

        var duplicate = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(F.Name, "  lead ").Text(F.Definition, "Something else"));
        Assert.Contains("K1 is already called “Lead”", duplicate.Errors[F.Name]);

        var tooLong = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(F.Name, new string('x', KpiDraft.NameMax + 1)).Text(F.Definition, "x"));
        Assert.Contains(F.Name, tooLong.Errors.Keys);
        await using var db = await app.Db();
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM kpis"));
    }

    [Fact]
    public async Task Kpi_edit_opens_the_kpi_filled_in_and_saving_keeps_its_id()
    {
        await using var app = await GrowthBotApp.Start();
        await DefineKpi(app, "Lead", "A decision-maker who booked a call", unit: "leads");
        await DefineKpi(app, "Churn", "Customers who cancelled in the month", unit: "%", direction: KpiDirection.LowerIsBetter);

        await app.Command("/kpi edit K2", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        Assert.Equal("Edit K2", open.View!["title"]!["text"]!.GetValue<string>());
        Assert.Contains("Customers who cancelled in the month", open.View!.ToJsonString());

        var renamedOntoK1 = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(F.Name, "LEAD"));
        Assert.Contains("K1 is already called “Lead”", renamedOntoK1.Errors[F.Name]);
        var saved = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text(F.Name, "Logo churn").Text(F.Measurement, "Stripe cancellations ÷ customers"));
        Assert.True(saved.IsEmptyAck, saved.Raw);

        var kpi = await app.Service<KpiStore>().Find(GrowthBotApp.TeamId, 2);
        Assert.Equal(("Logo churn", KpiDirection.LowerIsBetter, GrowthBotApp.Lead), (kpi!.Name, kpi.Direction, kpi.UpdatedBy));
        Assert.Contains("Last changed by", (await app.Command("/kpi K2")).Text);

        Assert.Contains("There is no KPI K9", (await app.Command("/kpi edit K9", user: GrowthBotApp.Lead)).Text);
        Assert.Contains("is a key result", (await app.Command("/kpi edit KR1", user: GrowthBotApp.Lead)).Text);
        Assert.Contains("Which KPI?", (await app.Command("/kpi edit", user: GrowthBotApp.Lead)).Text);
        Assert.Contains("/kpi edit K3", (await app.Command("/kpi help")).Text);
    }

    [Fact]
    public async Task The_list_gives_leads_new_and_edit_buttons_that_open_the_modal()
    {
        await using var app = await GrowthBotApp.Start();
        var empty = await app.Command("/kpi", user: GrowthBotApp.Lead);
        Assert.Contains("No KPI definitions yet", empty.Text);
        await app.Click(empty.Body!, NewKpiButton.ActionId, user: GrowthBotApp.Lead);
        Assert.Equal("New KPI", app.Slack.Last("views.open").View!["title"]!["text"]!.GetValue<string>());

        await DefineKpi(app, "Lead", "A decision-maker who booked a call");
        var list = await app.Command("/kpi", user: GrowthBotApp.Lead);
        await app.Click(list.Body!, $"{EditKpiButton.ActionId}:K1", user: GrowthBotApp.Lead);
        Assert.Equal("Edit K1", app.Slack.Last("views.open").View!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_result_links_a_kpi_in_okr_set_takes_its_unit_and_shows_its_definition()
    {
        await using var app = await GrowthBotApp.Start();
        await DefineKpi(app, "Lead", "A decision-maker at an ICP company who booked a call", unit: "leads", measurement: "HubSpot meetings");
        await DefineKpi(app, "Churn", "Customers who cancelled", unit: "%", direction: KpiDirection.LowerIsBetter);

        await app.Command("/okr set", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var kpiSelect = open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == "kr1_kpi")!;
        Assert.Equal("KPI it counts", kpiSelect["label"]!["text"]!.GetValue<string>());
        Assert.Equal(["No KPI", "K1 · Lead (leads)", "K2 · Churn (%)"],
            kpiSelect["element"]!["options"]!.AsArray().Select(o => o!["text"]!["text"]!.GetValue<string>()));

        var wrongWay = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text("objective", "100 new leads")
            .Text("kr1_name", "Churn down").Select("kr1_kpi", "K2").Text("kr1_baseline", "5").Text("kr1_target", "8"));
        Assert.Contains("lower is better", wrongWay.Errors["kr1_target"]);
        var otherUnit = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text("objective", "100 new leads")
            .Text("kr1_name", "New leads").Select("kr1_kpi", "K1").Text("kr1_baseline", "0").Text("kr1_target", "100").Text("kr1_unit", "MQLs"));
        Assert.Contains("counts in “leads”", otherUnit.Errors["kr1_unit"]);

        var ok = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Text("objective", "100 new leads")
            .Text("kr1_name", "New leads").Select("kr1_kpi", "K1").Text("kr1_baseline", "0").Text("kr1_target", "100")
            .Text("kr2_name", "Deals").Select("kr2_kpi", "none").Text("kr2_baseline", "0").Text("kr2_target", "10").Text("kr2_unit", "deals").PickUser("kr2_owner", GrowthBotApp.Bob));
        Assert.True(ok.IsEmptyAck, ok.Raw);
        await app.Idle();

        await using (var db = await app.Db())
        {
            var rows = (await db.QueryAsync<(string Unit, long? Kpi)>("SELECT unit, kpi_number FROM key_results ORDER BY number")).ToList();
            Assert.Equal([("leads", 1L), ("deals", null)], rows);
        }
        var okr = await app.Command("/okr", user: GrowthBotApp.Bob);
        Assert.Contains("0/100 leads", okr.Text);
        Assert.Contains(":straight_ruler: *K1 Lead*: A decision-maker at an ICP company who booked a call · measured: HubSpot meetings", okr.Text);
        Assert.Contains("_Counted by KR1 New leads_", (await app.Command("/kpi")).Text);

        // The definition is on the App Home too, next to the key result.
        await app.Event(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Bob, ["tab"] = "home" });
        var home = await app.Slack.WaitFor("views.publish", c => c.AllText.Contains("KR1"));
        Assert.Contains("*K1 Lead*: A decision-maker at an ICP company who booked a call", home.AllText);

        // Editing the KPI's unit carries over to the current key result that counts it.
        await app.Command("/kpi edit K1", user: GrowthBotApp.Lead);
        Assert.True((await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text(F.Unit, "SQLs"))).IsEmptyAck);
        Assert.Contains("0/100 SQLs", (await app.Command("/okr")).Text);
    }
}
