using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Features.Settings;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Settings.SettingsModal.Blocks;

namespace GrowthBot.Tests.Features.Growth;

/// <summary>/slack/options answers the settings modal's external selects: time zones and user groups.</summary>
public class SettingsOptionsTests
{
    private const string FormType = "application/x-www-form-urlencoded";

    private static string Suggestion(string actionId, string blockId, string typed, string type = "block_suggestion") => GrowthBotApp.Form(new()
    {
        ["payload"] = new JsonObject
        {
            ["type"] = type, ["action_id"] = actionId, ["block_id"] = blockId, ["value"] = typed,
            ["team"] = new JsonObject { ["id"] = GrowthBotApp.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = GrowthBotApp.Lead, ["team_id"] = GrowthBotApp.TeamId },
            ["api_app_id"] = "A0GROWTH",
            ["view"] = new JsonObject { ["id"] = "V0SETTINGS", ["type"] = "modal", ["callback_id"] = SettingsModal.CallbackId },
        }.ToJsonString(),
    });

    private static async Task<(HttpStatusCode Status, IReadOnlyList<(string Text, string Value)> Options)> Ask(GrowthBotApp app, string actionId, string blockId, string typed)
    {
        var response = await app.PostSigned("/slack/options", Suggestion(actionId, blockId, typed), FormType);
        var body = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        var options = body?["options"]?.AsArray().Select(o => (o!["text"]!["text"]!.GetValue<string>(), o["value"]!.GetValue<string>())).ToList() ?? [];
        return (response.StatusCode, options);
    }

    [Fact]
    public async Task Time_zones_match_the_typed_city_region_or_offset_within_Slack_s_100_options()
    {
        await using var app = await GrowthBotApp.Start();

        var auck = await Ask(app, TimeZoneOptions.ActionId, B.Zone, "auck");
        Assert.Equal(HttpStatusCode.OK, auck.Status);
        Assert.Equal(("Pacific/Auckland (UTC+13:00)", "Pacific/Auckland"), auck.Options[0]);

        var newYork = await Ask(app, TimeZoneOptions.ActionId, B.Zone, "new york");
        Assert.Equal("America/New_York", newYork.Options[0].Value);

        var plusThirteen = await Ask(app, TimeZoneOptions.ActionId, B.Zone, "+13");
        Assert.Contains(plusThirteen.Options, o => o.Value == "Pacific/Auckland");
        Assert.All(plusThirteen.Options, o => Assert.Contains("UTC+13", o.Text));

        var nothingTyped = await Ask(app, TimeZoneOptions.ActionId, B.Zone, "");
        Assert.Equal(TimeZoneOptions.Popular, nothingTyped.Options.Select(o => o.Value));

        var everything = await Ask(app, TimeZoneOptions.ActionId, B.Zone, "a");
        Assert.Equal(100, everything.Options.Count);
        Assert.True(TimeZoneInfo.GetSystemTimeZones().Count(z => z.HasIanaId) > 100, "there are more zones than one answer may hold");

        Assert.Empty((await Ask(app, TimeZoneOptions.ActionId, B.Zone, "atlantis")).Options);
    }

    [Fact]
    public async Task User_groups_come_from_usergroups_list_matched_on_handle_or_name_and_are_remembered()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.AddUserGroup("S0SALES", "sales", "Sales team");
        app.Slack.AddUserGroup("S0CS", "customer-success", "Customer success");
        app.Slack.AddUserGroup("S0SDR", "sdr", "Sales development");

        var sal = await Ask(app, UserGroupOptions.ActionId, B.SalesGroup, "sal");
        Assert.Equal([("@sales (Sales team)", "S0SALES"), ("@sdr (Sales development)", "S0SDR")], sal.Options);
        var all = await Ask(app, UserGroupOptions.ActionId, B.SalesGroup, "@");
        Assert.Equal(["S0CS", "S0SALES", "S0SDR"], all.Options.Select(o => o.Value));

        Assert.Single(app.Slack.CallsTo("usergroups.list"));
    }

    [Fact]
    public async Task A_failing_usergroups_list_offers_no_groups_rather_than_an_error()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.Script("usergroups.list", FakeResponse.Fail("missing_scope"));

        var answer = await Ask(app, UserGroupOptions.ActionId, B.SalesGroup, "sales");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Options);
    }

    [Theory]
    [InlineData("payload=not+json")]
    [InlineData("something=else")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%2C%22actions%22%3A%5B%5D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_suggestion%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D")]
    public async Task Anything_but_a_block_suggestion_gets_400_and_unsigned_requests_401(string body)
    {
        await using var app = await GrowthBotApp.Start();

        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostSigned("/slack/options", body, FormType)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.PostSigned("/slack/options", body, FormType, secret: "not-the-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await app.PostSigned("/slack/options", body, "application/json")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_select_gets_no_options()
    {
        await using var app = await GrowthBotApp.Start();

        var answer = await Ask(app, "nobody_answers_this", "x", "a");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Options);
    }

    [Fact]
    public async Task The_settings_form_saves_the_chosen_zone_and_group_and_shows_the_group_by_name_next_time()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.AddUserGroup("S0SALES", "sales", "Sales team");
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var zone = open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]!.GetValue<string>() == B.Zone)!["element"]!;
        Assert.Equal(("external_select", TimeZoneOptions.ActionId, "UTC"),
            (zone["type"]!.GetValue<string>(), zone["action_id"]!.GetValue<string>(), zone["initial_option"]!["value"]!.GetValue<string>()));

        var reply = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Select(B.Zone, "Pacific/Auckland").Select(B.SalesGroup, "S0SALES"));
        await app.Idle();

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using (var db = await app.Db())
            Assert.Equal(("Pacific/Auckland", "S0SALES"), await db.QuerySingleAsync<(string, string)>("SELECT time_zone, lead_quality_group FROM team_settings"));
        Assert.Equal("Pacific/Auckland", app.Service<TeamClock>().Zone(GrowthBotApp.TeamId).Id);

        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var again = app.Slack.Last("views.open").View!["blocks"]!.AsArray();
        Assert.Equal("@sales (Sales team)", again.Single(b => b!["block_id"]!.GetValue<string>() == B.SalesGroup)!["element"]!["initial_option"]!["text"]!["text"]!.GetValue<string>());
        Assert.StartsWith("Pacific/Auckland (UTC+13:00)", again.Single(b => b!["block_id"]!.GetValue<string>() == B.Zone)!["element"]!["initial_option"]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Working_days_and_the_nudge_hour_are_validated_and_saved()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");

        var none = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Checked(B.WorkingDays));
        Assert.Contains("at least one working day", none.Errors[B.WorkingDays]);
        var late = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Select(B.NudgeHour, "19:00"));
        Assert.Contains("from 08:00 to 16:00", late.Errors[B.NudgeHour]);

        Assert.True((await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Checked(B.WorkingDays, "Monday", "Wednesday", "Friday").Select(B.NudgeHour, "11:00"))).IsEmptyAck);

        await using var db = await app.Db();
        Assert.Equal(("Monday,Wednesday,Friday", "11:00"), await db.QuerySingleAsync<(string, string)>("SELECT working_days, nudge_hour FROM team_settings"));
        var hours = app.Service<TeamSettingsService>().For(GrowthBotApp.TeamId).Hours;
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], hours.WorkingDays.Order());
        Assert.Equal(new TimeOnly(11, 0), hours.NudgeHour);
    }
}
