using GrowthBot.Domain.Experiments;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;

namespace GrowthBot.Tests.Features.Reports;

/// <summary>The report reads like the seed's example: sentences, one line each for result, learning, decision and next step, and a way to the App Home.</summary>
public class ReportTextTests
{
    private const string HomeLink = "<slack://app?team=T0TEAM&id=A0GROWTH&tab=home|Open GrowthBot's Home tab>";

    private static SlackCall LastReport(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Last(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened"));

    [Fact]
    public async Task A_conclusion_reads_as_sentences_with_result_learning_decision_and_next_step_on_lines_of_their_own()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Running(name: "LinkedIn InMail to CMOs");
        await app.Command("/experiment conclude E1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Radio(C.Outcome, "Worked").Text(C.Result, "We got one lead and the campaign CTR was 60%")
            .Text(C.Learning, "This looks like a promising lead source!").Radio(C.Decision, "Scale")
            .Text(C.NextStep, "Double the budget this week to see if we can double the leads"));
        await app.Idle();
        app.Time.Advance(TimeSpan.FromMinutes(10));

        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        var report = LastReport(app);
        Assert.Contains("*E1 LinkedIn InMail to CMOs*: CMOs of 100-person companies answer InMail. :white_check_mark: It worked.\n" +
                        "*Result:* We got one lead and the campaign CTR was 60%.\n*Learning:* This looks like a promising lead source!\n" +
                        "*Decision:* Scale.\n*Next step:* Double the budget this week to see if we can double the leads.", report.AllText);
        var detail = app.Slack.CallsTo("chat.postMessage").Single(c => c.Str("thread_ts") is not null && c.AllText.Contains("*Hypothesis:*"));
        Assert.Contains("*Decision:* Scale.\n*Next step:* Double the budget", detail.AllText);
        Assert.Contains("It ran from Wed 18 Nov to Wed 25 Nov and was concluded on Wed 18 Nov.", detail.AllText);
    }

    [Fact]
    public async Task The_report_ends_with_a_link_that_opens_the_App_Home()
    {
        await using var app = await GrowthBotApp.Start();

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var blocks = LastReport(app).Args["blocks"]!.AsArray();
        Assert.Equal("context", blocks[^1]!["type"]!.GetValue<string>());
        Assert.StartsWith(HomeLink, FakeSlack.TextOf(blocks[^1]));
        Assert.Equal("BBOT", app.Slack.Last("bots.info").Str("bot"));
    }

    [Fact]
    public async Task Without_bots_info_the_app_id_comes_from_the_first_request_Slack_sends()
    {
        var slack = await FakeSlack.Start();
        slack.BotsInfoAppId = null;
        await using var app = await GrowthBotApp.Start(slack: slack);
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        Assert.DoesNotContain("slack://", LastReport(app).AllText);

        await app.Command("/experiment list"); // carries api_app_id A0GROWTH, as every request from Slack does
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        Assert.Contains(HomeLink, LastReport(app).AllText);
    }

    [Fact]
    public async Task The_footer_mentions_the_thread_only_when_something_is_posted_there()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 25));

        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        var report = LastReport(app);
        Assert.Contains("Win rate: no experiments concluded yet in the last 4 weeks · no experiments concluded yet all time.", report.AllText);
        Assert.DoesNotContain("In the thread", report.AllText);
        Assert.DoesNotContain(app.Slack.CallsTo("chat.postMessage"), c => c.Str("thread_ts") is not null);
        Assert.Contains("No experiment was concluded in the last 7 days.", report.AllText);
        Assert.Contains("*E1 Webinar*: day 1 of 8, ends Wed 25 Nov · no tasks yet.", report.AllText);
    }

    [Fact]
    public async Task A_running_experiment_gets_one_status_line_with_its_day_and_tasks()
    {
        await using var app = await GrowthBotApp.Start();
        var webinar = await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 21));
        var tasks = app.Service<TaskStore>();
        foreach (var (title, done, blocked) in new[] { ("Book the room", true, false), ("Invite partners", false, true), ("Write slides", false, false) })
        {
            var task = await tasks.Add(new Domain.Tasks.GrowthTask { TeamId = GrowthBotApp.TeamId, ExperimentId = webinar.Id, Title = title, OwnerId = GrowthBotApp.Bob, DueDate = new DateOnly(2026, 11, 20), CreatedBy = GrowthBotApp.Bob, CreatedAt = GrowthBotApp.DefaultNow });
            if (done) await tasks.MarkDone(GrowthBotApp.TeamId, task.Id, GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
            if (blocked) await tasks.Block(task.Id, GrowthBotApp.TeamId, Domain.Tasks.BlockReason.Access, "no CRM login", GrowthBotApp.Bob, GrowthBotApp.DefaultNow);
        }

        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        Assert.Contains("*Running now*\n• *E1 Webinar*: day 5 of 8, ends Sat 21 Nov · 1 task done, 2 open, 1 blocked.", LastReport(app).AllText);
    }
}
