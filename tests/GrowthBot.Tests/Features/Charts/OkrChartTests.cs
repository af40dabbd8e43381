using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using static GrowthBot.Tests.Features.Charts.ChartSeeds;

namespace GrowthBot.Tests.Features.Charts;

/// <summary><c>/okr</c> answers with the text at once and follows with the North Star's trend; <c>/okr chart KR2</c> shows any key result's.</summary>
public class OkrChartTests
{
    private static SlackCall FollowUp(GrowthBotApp app) => Assert.Single(app.Slack.CallsTo("response_url"));

    [Fact]
    public async Task Okr_shows_the_progress_bars_at_once_and_then_the_north_stars_trend_as_a_picture()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);

        var reply = await app.Command("/okr");
        await app.Idle();

        Assert.Contains("`▓▓▓░░░░░░░` 26% · 26/100 new leads", reply.Text);
        Assert.Contains("`/okr chart KR1` for a chart", reply.Text);
        var chart = FollowUp(app);
        Assert.Equal("ephemeral", chart.Str("response_type"));
        var image = Assert.Single(Images(chart.Args["blocks"]));
        Assert.StartsWith("Trend of KR1 New leads: 26 new leads on 12 Nov, target 100 new leads by 31 Dec", AltText(image));
        Assert.Equal("KR1-trend.png", app.Slack.Files[FileId(image)].Name);
        Keep(app.Slack.Files[FileId(image)], "okr-north-star");
    }

    [Fact]
    public async Task Okr_chart_KR2_draws_that_key_results_trend()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Quarter(app);
        await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[1].Id, 3, KrConfidence.AtRisk, "", GrowthBotApp.Bob,
            new DateTimeOffset(2026, 11, 16, 12, 0, 0, TimeSpan.Zero));

        var reply = await app.Command("/okr chart KR2", user: GrowthBotApp.Bob);
        await app.Idle();

        Assert.Contains("*KR2 Closed deals*", reply.Text);
        Assert.Contains("Drawing its chart…", reply.Text);
        var image = Assert.Single(Images(FollowUp(app).Args["blocks"]));
        Assert.Equal("Trend of KR2 Closed deals: 3 deals on 16 Nov, target 10 deals by 31 Dec from a baseline of 0 deals. 1 check-in, on 16 Nov. " +
                     "On the straight line from baseline to target it would be 5.27 deals by today (18 Nov); this week's target is 2 deals by 22 Nov.", AltText(image));
        Assert.Equal("KR2 Closed deals", image["title"]!["text"]!.GetValue<string>());
        Assert.True(app.Slack.Files[FileId(image)].IsPng);
    }

    [Fact]
    public async Task The_trend_marks_this_weeks_own_target_once_the_owner_set_it()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Quarter(app);
        var owner = okr.KeyResults[0].OwnerId;
        await app.Command("/okr week", user: owner);
        Assert.True((await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), owner).Text("week_KR1", "8"))).IsEmptyAck);
        await app.Idle();
        var before = app.Slack.CallsTo("response_url").Count;

        await app.Command("/okr chart KR1");
        await app.Idle();

        // 26 new leads when the week began (Monday 16 Nov) and 8 more set for the week: 34 by Sunday.
        var image = Assert.Single(Images(app.Slack.CallsTo("response_url").Skip(before).Last().Args["blocks"]));
        Assert.EndsWith("this week's target is 34 new leads by 22 Nov.", AltText(image));
    }

    [Fact]
    public async Task An_unknown_key_result_gets_what_to_type_instead_and_nothing_is_drawn()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);

        var reply = await app.Command("/okr chart KR9");
        await app.Idle();

        Assert.Contains("`KR9` is not a key result. They look like `KR2`", reply.Text);
        Assert.Empty(app.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Empty(app.Slack.CallsTo("response_url"));
    }

    [Fact]
    public async Task A_key_result_without_check_ins_has_no_trend_to_draw_and_says_who_can_check_in()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);

        var reply = await app.Command("/okr chart KR2");
        await app.Idle();

        Assert.Contains("`░░░░░░░░░░` 0%", reply.Text);
        Assert.Contains($"KR2 has no check-ins yet, so there is no trend to draw. <@{GrowthBotApp.Bob}> checks in with `/okr update KR2`.", reply.Text);
        Assert.Empty(app.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Empty(app.Slack.CallsTo("response_url"));
    }

    [Fact]
    public async Task Okr_chart_sends_the_numbers_when_Slack_does_not_process_the_picture()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.FileProcessingChecks = int.MaxValue;

        await app.Command("/okr chart KR1");
        await app.Idle();

        var followUp = FollowUp(app);
        Assert.Empty(Images(followUp.Args["blocks"]));
        Assert.Contains("Slack did not take the chart just now, so here are its numbers.", followUp.AllText);
        Assert.Contains("*KR1 New leads*\nTrend of KR1 New leads: 26 new leads on 12 Nov", followUp.AllText);
    }

    [Fact]
    public async Task Okr_sends_the_numbers_when_Slack_keeps_refusing_the_picture_and_nothing_more_when_the_upload_fails()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.RefuseImages = 100;

        await app.Command("/okr");
        await app.Idle();

        var tries = app.Slack.CallsTo("response_url");
        Assert.Equal(4, tries.Count);
        Assert.Empty(Images(tries[^1].Args["blocks"]));
        Assert.Contains("Slack did not take the chart just now", tries[^1].AllText);

        app.Slack.Clear();
        app.Slack.Script("files.getUploadURLExternal", FakeResponse.Fail("missing_scope"));
        var reply = await app.Command("/okr");
        await app.Idle();

        Assert.Contains("26/100 new leads", reply.Text);
        Assert.Empty(app.Slack.CallsTo("response_url"));
    }
}
