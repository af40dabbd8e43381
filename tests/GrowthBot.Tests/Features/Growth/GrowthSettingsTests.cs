using Dapper;
using GrowthBot.Common;
using GrowthBot.Features.Settings;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Settings.SettingsModal.Blocks;

namespace GrowthBot.Tests.Features.Growth;

public class GrowthSettingsTests
{
    [Fact]
    public async Task Only_a_growth_lead_can_open_the_settings()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/growth settings", user: GrowthBotApp.Alice);

        Assert.Contains("Only a growth lead", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Saved_settings_are_stored_and_change_the_team_clock_without_a_restart()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        Assert.Equal(SettingsModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());

        var bad = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead).Select(B.SalesGroup, "@sales team"));
        Assert.Equal("errors", bad.ResponseAction);
        Assert.Contains(B.SalesGroup, bad.Errors.Keys);

        var reply = await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead)
            .Conversation(B.Channel, "C0REPORTS").Select(B.Day, "Tuesday").Time(B.Time, "08:30").Select(B.Zone, "Europe/Helsinki")
            .PickUsers(B.Sales, "U0SALES").Select(B.SalesGroup, "s0sales").Select(B.Nudges, "off").Select(B.OkrProgress, "report"));
        await app.Idle();

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using var db = await app.Db();
        var row = await db.QuerySingleAsync<(string Channel, string Day, string Time, string Zone, string Users, string Group, long Nudges, long Okr)>(
            "SELECT report_channel, report_day, report_time, time_zone, lead_quality_users, lead_quality_group, nudges_enabled, okr_progress_in_report FROM team_settings");
        Assert.Equal(("C0REPORTS", "Tuesday", "08:30", "Europe/Helsinki", "U0SALES", "S0SALES", 0L, 1L), row);
        Assert.Equal("Europe/Helsinki", app.Service<TeamClock>().Zone(GrowthBotApp.TeamId).Id);
        Assert.Contains("every Tuesday at 08:30", (await app.Slack.WaitFor("response_url")).AllText);
    }

    [Fact]
    public async Task Report_preview_is_ephemeral_and_report_now_posts_once()
    {
        await using var app = await GrowthBotApp.Start();

        var preview = await app.Command("/growth report");
        Assert.Equal("ephemeral", preview.ResponseType);
        Assert.Contains("Here's what happened", preview.Text);
        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));

        Assert.Contains("Only a growth lead", (await app.Command("/growth report now")).Text);
        Assert.Contains("Posted the report to <#C0GROWTH>", (await app.Command("/growth report now", user: GrowthBotApp.Lead)).Text);
        Assert.Contains("went out to <#C0GROWTH> a moment ago, so I didn't post another", (await app.Command("/growth report now", user: GrowthBotApp.Lead)).Text);
        Assert.Single(app.Slack.CallsTo("chat.postMessage"));
    }
}
