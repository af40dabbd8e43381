using System.Text.Json.Nodes;
using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using static GrowthBot.Tests.Features.Charts.ChartSeeds;

namespace GrowthBot.Tests.Features.Charts;

/// <summary>The App Home shows the North Star's trend under its progress bar, one upload per team for as long as its numbers stay the same.</summary>
public class HomeChartTests
{
    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300",
    };

    private static async Task<SlackCall> Open(GrowthBotApp app, string user)
    {
        var before = app.Slack.CallsTo("views.publish").Count;
        await app.Event(HomeOpened(user));
        await app.Idle();
        var publishes = app.Slack.CallsTo("views.publish").Where(c => c.Response is not null).ToList();
        Assert.True(publishes.Count > 0 && app.Slack.CallsTo("views.publish").Count > before);
        return publishes.Last(c => c.Str("user_id") == user);
    }

    [Fact]
    public async Task The_home_shows_the_north_stars_trend_under_its_bar_uploaded_once_for_everyone()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);

        var alice = await Open(app, GrowthBotApp.Alice);
        var bob = await Open(app, GrowthBotApp.Bob);

        var blocks = alice.View!["blocks"]!.AsArray();
        var image = Assert.Single(Images(blocks));
        var bar = blocks.IndexOf(blocks.First(b => FakeSlack.TextOf(b).Contains("Main goal: 26/100 new leads")));
        Assert.Equal(bar + 1, blocks.IndexOf(image));
        Assert.StartsWith("Trend of KR1 New leads: 26 new leads on 12 Nov", AltText(image));
        Assert.Equal(FileId(image), FileId(Assert.Single(Images(bob.View!["blocks"]))));
        Assert.Single(app.Slack.CallsTo("files.getUploadURLExternal"));
        Keep(app.Slack.Files[FileId(image)], "home-north-star");
    }

    [Fact]
    public async Task A_new_check_in_draws_a_new_trend()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Quarter(app);
        var first = FileId(Images((await Open(app, GrowthBotApp.Alice)).View!["blocks"])[0]);

        await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 31, KrConfidence.OnTrack, "", GrowthBotApp.Alice, GrowthBotApp.DefaultNow);
        var image = Images((await Open(app, GrowthBotApp.Alice)).View!["blocks"])[0];

        Assert.NotEqual(first, FileId(image));
        Assert.StartsWith("Trend of KR1 New leads: 31 new leads on 18 Nov", AltText(image));
    }

    [Fact]
    public async Task Without_check_ins_the_home_has_its_bar_and_no_picture()
    {
        await using var app = await GrowthBotApp.Start();
        await Jobs.Seed.Okr(app);

        var home = await Open(app, GrowthBotApp.Alice);

        Assert.Empty(Images(home.View!["blocks"]));
        Assert.Contains("Main goal: 0/100 new leads", home.AllText);
        Assert.Empty(app.Slack.CallsTo("files.getUploadURLExternal"));
    }

    [Fact]
    public async Task A_picture_Slack_refuses_leaves_the_home_without_it_and_is_not_uploaded_again_at_once()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.RefuseImages = 100;

        var home = await Open(app, GrowthBotApp.Alice);
        app.Slack.RefuseImages = 0;
        var again = await Open(app, GrowthBotApp.Bob);

        Assert.Empty(Images(home.View!["blocks"]));
        Assert.Contains("Main goal: 26/100 new leads", home.AllText);
        Assert.Empty(Images(again.View!["blocks"]));
        Assert.Single(app.Slack.CallsTo("files.getUploadURLExternal"));
    }

    [Fact]
    public async Task An_upload_Slack_does_not_process_leaves_the_home_with_its_bar()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.FileProcessingChecks = int.MaxValue;

        var home = await Open(app, GrowthBotApp.Alice);

        Assert.Empty(Images(home.View!["blocks"]));
        Assert.Contains("`▓▓▓░░░░░░░` 26%", home.AllText);
        Assert.Single(app.Slack.CallsTo("views.publish"), c => c.Str("user_id") == GrowthBotApp.Alice);
    }
}
