using GrowthBot.Jobs;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using static GrowthBot.Tests.Features.Charts.ChartSeeds;

namespace GrowthBot.Tests.Features.Charts;

/// <summary>The weekly report's thread shows the team's charts: one message after the details, posted once, never at the report's cost.</summary>
public class ReportChartsTests
{
    private const string TrendAlt = "Trend of KR1 New leads: 26 new leads on 12 Nov, target 100 new leads by 31 Dec from a baseline of 0 new leads. " +
                                    "6 check-ins from 8 Oct to 12 Nov. On the straight line from baseline to target it would be 52.75 new leads by today (18 Nov); this week's target is 37 new leads by 22 Nov.";

    private const string PaceAlt = "KR1 New leads per week: on target in 0 of 6 weeks. Week of 28 Sept: no check-in (target 8 new leads); " +
                                   "Week of 5 Oct: 2 new leads (target 8 new leads); Week of 12 Oct: 3 new leads (target 9 new leads);";

    private const string ScoreboardAlt = "3 concluded experiments in the last 12 weeks: 2 worked, 1 didn't work, 0 inconclusive. " +
                                         "Week of 19 Oct: 1 worked; Week of 2 Nov: 1 didn't work; Week of 9 Nov: 1 worked.";

    private static List<SlackCall> Thread(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == GrowthBotApp.GrowthChannel && c.Str("thread_ts") is not null && c.Response is not null).ToList();

    private static SlackCall ChartPost(GrowthBotApp app) => Assert.Single(Thread(app), c => c.Text!.StartsWith("Charts:"));

    [Fact]
    public async Task The_thread_gets_one_message_with_the_north_stars_trend_and_pace_and_the_scoreboard_after_the_details()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var thread = Thread(app);
        var charts = ChartPost(app);
        var details = thread.Where(c => c.AllText.Contains("*Hypothesis:*")).ToList();
        Assert.NotEmpty(details);
        Assert.True(thread.IndexOf(charts) > thread.IndexOf(details[^1]), "the charts come after the details");
        Assert.Equal("Charts: KR1 New leads, KR1 New leads per week, Experiments concluded per week", charts.Text);

        var images = Images(charts.Args["blocks"]);
        Assert.Equal(3, images.Count);
        Assert.Equal(TrendAlt, AltText(images[0]));
        Assert.Equal(PaceAlt, AltText(images[1])[..PaceAlt.Length]);
        Assert.Contains("Week of 9 Nov: 7 new leads (target 11 new leads); Week of 16 Nov: no check-in (target 11 new leads); Week of 23 Nov: to come (target 11 new leads)", AltText(images[1]));
        Assert.Equal(ScoreboardAlt, AltText(images[2]));
        Assert.Equal(["KR1 New leads", "KR1 New leads per week", "Experiments concluded per week"], images.Select(i => i["title"]!["text"]!.GetValue<string>()));

        // Each image is a file the bot uploaded (a PNG of Slack's size, with the same alt text), kept private to the bot,
        // and shown only once Slack had processed it.
        var uploads = app.Slack.CallsTo("files.getUploadURLExternal");
        Assert.Equal(["KR1-trend.png", "KR1-per-week.png", "experiment-scoreboard.png"], uploads.Select(u => u.Str("filename")));
        foreach (var (image, name) in images.Zip(["report-trend", "report-pace", "report-scoreboard"]))
        {
            var file = app.Slack.Files[FileId(image)];
            Assert.True(file.IsPng);
            Assert.Equal(file.Bytes!.Length.ToString(), uploads.Single(u => u.Response!["file_id"]!.ToString() == file.Id).Str("length"));
            Assert.InRange(file.Bytes.Length, 1_000, 200_000);
            Assert.Equal(AltText(image), file.AltText);
            Assert.True(file.Completed);
            Assert.Null(file.Shared);
            Assert.Contains(app.Slack.CallsTo("files.info"), c => c.Str("file") == file.Id);
            Keep(file, name);
        }
        Assert.All(app.Slack.CallsTo("files.completeUploadExternal"), c => Assert.Null(c.Str("channel_id")));
    }

    [Fact]
    public async Task The_charts_are_posted_and_uploaded_once_however_often_the_report_runs()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        ChartPost(app);
        Assert.Equal(3, app.Slack.CallsTo("files.getUploadURLExternal").Count);
    }

    [Fact]
    public async Task A_chart_Slack_has_not_processed_in_time_shows_its_numbers_and_the_thread_goes_on()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.FileProcessingChecks = int.MaxValue;

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var charts = ChartPost(app);
        Assert.Empty(Images(charts.Args["blocks"]));
        Assert.Contains($"*KR1 New leads*\n{TrendAlt}", charts.AllText);
        Assert.Contains("*Experiments concluded per week*\n" + ScoreboardAlt, charts.AllText);
        // Asked again and again, boundedly: six checks a file.
        Assert.Equal(18, app.Slack.CallsTo("files.info").Count);
        var ask = Assert.Single(Thread(app), c => c.AllText.Contains("judge the quality of leads"));
        Assert.True(Thread(app).IndexOf(ask) > Thread(app).IndexOf(charts), "the thread goes on after the charts");
    }

    [Fact]
    public async Task When_Slack_keeps_refusing_the_images_the_thread_gets_the_text_bar_and_the_numbers_instead()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.RefuseImages = 100;

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var tries = app.Slack.CallsTo("chat.postMessage").Where(c => c.Text!.StartsWith("Charts:")).ToList();
        Assert.Equal(4, tries.Count); // the first try and two retries with the pictures, then the text
        Assert.All(tries.SkipLast(1), t => Assert.Equal(3, Images(t.Args["blocks"]).Count));
        var posted = ChartPost(app);
        Assert.Same(tries[^1], posted);
        Assert.Empty(Images(posted.Args["blocks"]));
        Assert.Contains("Slack could not show this report's charts just now, so here are their numbers.\n`▓▓▓░░░░░░░` 26% · *KR1* New leads: 26/100 new leads", posted.AllText);
        Assert.Contains(TrendAlt, posted.AllText);
    }

    [Fact]
    public async Task Slack_refusing_an_image_once_costs_only_a_retry()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.RefuseImages = 1;

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        Assert.Equal(3, Images(ChartPost(app).Args["blocks"]).Count);
    }

    [Fact]
    public async Task A_failed_upload_leaves_that_chart_as_text_and_the_others_as_pictures()
    {
        await using var app = await GrowthBotApp.Start();
        await Quarter(app);
        app.Slack.Script("files.getUploadURLExternal", FakeResponse.Fail("missing_scope"));

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var charts = ChartPost(app);
        Assert.Equal(2, Images(charts.Args["blocks"]).Count);
        Assert.Equal("section", charts.Args["blocks"]![1]!["type"]!.GetValue<string>());
        Assert.Contains($"*KR1 New leads*\n{TrendAlt}", charts.AllText);
    }

    [Fact]
    public async Task Without_check_ins_or_concluded_experiments_there_is_no_chart_message_and_no_upload()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Okr(app);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        Assert.DoesNotContain(app.Slack.CallsTo("chat.postMessage"), c => c.Text!.StartsWith("Charts:"));
        Assert.Empty(app.Slack.CallsTo("files.getUploadURLExternal"));
        Assert.Contains(app.Slack.CallsTo("chat.postMessage"), c => c.AllText.Contains("Here's what happened"));
    }
}
