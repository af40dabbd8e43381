using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Settings;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Reports;

/// <summary>
/// The report's thread: the people asked rate each experiment's leads once (a later click replaces the earlier), the
/// question shows the current counts, everyone else's words are comments, and each rating and comment is shown in
/// exactly one following report.
/// </summary>
public class SalesThreadTests
{
    private const string Sales = "U0SALES";
    private const string Sales2 = "U0SALES2";
    private const string GroupMember = "U0GROUPIE";

    private sealed record Thread(GrowthBotApp App, JsonObject Ask, string ReportTs) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    /// <summary>A report asked for on Wednesday, whose thread asks sales about E1 and E2 (or only E1).</summary>
    private static async Task<Thread> Asked(bool twoExperiments = true, string? group = "S0SALES", IReadOnlyList<string>? people = null)
    {
        var app = await GrowthBotApp.Start();
        app.Slack.AddUserGroup("S0SALES", "sales", "Sales team", GroupMember);
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, LeadQualityUsers = people ?? [Sales, Sales2], LeadQualityGroup = group,
        }, CancellationToken.None);
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead; CTR 60%", at: GrowthBotApp.DefaultNow.AddDays(-2), bringsLeads: true);
        if (twoExperiments) await Seed.Concluded(app, "Partner webinar", Outcome.Inconclusive, "12 sign-ups", at: GrowthBotApp.DefaultNow.AddDays(-1), bringsLeads: true);
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        var report = app.Slack.CallsTo("chat.postMessage").Single(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened"));
        var ask = app.Slack.CallsTo("chat.postMessage").Single(c => c.Str("thread_ts") is not null && c.AllText.Contains("quality of the leads"));
        return new Thread(app, ask.AsPosted(), report.Response!["ts"]!.GetValue<string>());
    }

    private static int _replies;

    private static Task Reply(GrowthBotApp app, string threadTs, string user, string text) =>
        app.Event(new JsonObject
        {
            ["type"] = "message", ["user"] = user, ["text"] = text, ["channel"] = GrowthBotApp.GrowthChannel,
            ["ts"] = $"1763470000.{Interlocked.Increment(ref _replies):000000}", ["thread_ts"] = threadTs,
        });

    /// <summary>The ratings line of one experiment in the latest version of the question.</summary>
    private static string CountsNow(GrowthBotApp app, string shortId) =>
        FakeSlack.TextOf(app.Slack.Last("chat.update").Args["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == $"lead_quality_counts_{shortId}")).Trim();

    private static async Task<string> NextReport(GrowthBotApp app, TimeSpan after)
    {
        app.Time.Advance(after);
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        return app.Slack.CallsTo("chat.postMessage").Last(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened")).AllText;
    }

    [Fact]
    public async Task A_later_click_replaces_the_earlier_one_and_the_question_shows_the_current_counts()
    {
        await using var thread = await Asked();
        var app = thread.App;
        Assert.Contains("No ratings yet.", FakeSlack.TextOf(thread.Ask));

        await app.Click(thread.Ask, "lead_quality:E1:Good", user: Sales);
        await app.Click(thread.Ask, "lead_quality:E1:Poor", user: Sales);
        await app.Idle();

        await using (var db = await app.Db())
            Assert.Equal([(1L, Sales, "Poor")], await db.QueryAsync<(long, string, string)>("SELECT experiment_id, rated_by, quality FROM lead_ratings"));
        var update = app.Slack.Last("chat.update");
        Assert.Equal((GrowthBotApp.GrowthChannel, thread.Ask["ts"]!.GetValue<string>()), (update.Str("channel"), update.Str("ts")));
        Assert.Equal("Poor 1", CountsNow(app, "E1"));
        Assert.Equal("No ratings yet.", CountsNow(app, "E2"));
        Assert.Contains("Noted *Poor* leads for *E1*", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Noted *Poor*"))).AllText);

        await app.Click(thread.Ask, "lead_quality:E1:Good", user: Sales2);
        await app.Click(thread.Ask, "lead_quality:E1:Mixed", user: GroupMember);
        await app.Click(thread.Ask, "lead_quality_reason:E1", user: GroupMember, selectedValue: "TooSmall");
        await app.Idle();
        Assert.Equal("Good 1 · Mixed 1 · Poor 1", CountsNow(app, "E1"));
        Assert.Single(app.Slack.CallsTo("usergroups.users.list")); // the group is read once for both of its member's clicks

        var next = await NextReport(app, TimeSpan.FromDays(1));
        Assert.Contains("*What sales said about the leads*\n• *E1 LinkedIn InMail to CMOs*: 1 good, 1 mixed, 1 poor (Too small)", next);

        // A change after that report is kept (and counted in the thread), but the rating is not reported again.
        await app.Click(thread.Ask, "lead_quality:E1:Good", user: Sales);
        await app.Idle();
        Assert.Equal("Good 2 · Mixed 1", CountsNow(app, "E1"));
        Assert.DoesNotContain("What sales said", await NextReport(app, TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task Someone_not_asked_is_thanked_but_not_counted_and_their_reply_is_a_comment_not_sales_feedback()
    {
        await using var thread = await Asked();
        var app = thread.App;

        await app.Click(thread.Ask, "lead_quality:E1:Good", user: GrowthBotApp.Bob);
        await Reply(app, thread.ReportTs, GrowthBotApp.Bob, "E1 copy was great, by the way");
        await app.Idle();

        Assert.Contains("Only the people asked to judge these leads (<!subteam^S0SALES> <@U0SALES> <@U0SALES2>) count as ratings, so I didn't count this click.",
            (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Only the people asked"))).AllText);
        Assert.Empty(app.Slack.CallsTo("chat.update"));
        await using (var db = await app.Db())
        {
            Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lead_ratings"));
            Assert.Equal([(1L, false)], await db.QueryAsync<(long, bool)>("SELECT experiment_id, from_sales FROM thread_comments"));
        }
        var next = await NextReport(app, TimeSpan.FromDays(1));
        Assert.Contains("*Also said in the report threads*\n• <@U0BOB> about *E1*: “E1 copy was great, by the way”", next);
        Assert.DoesNotContain("What sales said", next);
        Assert.DoesNotContain(":handshake:", (await app.Command("/experiment show E1")).Text);
    }

    [Fact]
    public async Task A_reply_is_about_one_experiment_only_when_it_names_exactly_one_or_only_one_was_asked_about()
    {
        await using (var thread = await Asked())
        {
            var app = thread.App;
            await Reply(app, thread.ReportTs, Sales, "They were fine overall");
            await Reply(app, thread.ReportTs, Sales, "E1 and E2 both look good");
            await Reply(app, thread.ReportTs, Sales, "E2: one of them booked a demo");
            await Reply(app, thread.ReportTs, Sales, "Like E7 last month");
            await app.Idle();

            await using var db = await app.Db();
            Assert.Equal([("E1 and E2 both look good", null), ("E2: one of them booked a demo", 2L), ("Like E7 last month", null), ("They were fine overall", null)],
                await db.QueryAsync<(string, long?)>("SELECT text, experiment_id FROM thread_comments ORDER BY text"));
            var next = await NextReport(app, TimeSpan.FromDays(1));
            Assert.Contains("• *E2 Partner webinar*: comments · “E2: one of them booked a demo”", next);
            Assert.Contains("• About the whole report: “They were fine overall” (<@U0SALES>)", next);
        }

        await using (var single = await Asked(twoExperiments: false))
        {
            await Reply(single.App, single.ReportTs, Sales, "Great leads, two already in a demo");
            await single.App.Idle();
            await using var db = await single.App.Db();
            Assert.Equal(1L, await db.ExecuteScalarAsync<long?>("SELECT experiment_id FROM thread_comments"));
            Assert.Contains("Click a rating below, or just reply in this thread.", FakeSlack.TextOf(single.Ask));
        }
    }

    [Fact]
    public async Task With_nobody_set_to_judge_leads_the_thread_asks_the_growth_leads_with_a_button_to_the_settings()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead; CTR 60%", bringsLeads: true);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var posts = app.Slack.CallsTo("chat.postMessage");
        var question = Assert.Single(posts, c => c.AllText.Contains("nobody is set"));
        Assert.Contains("<@U0LEAD>, nobody is set to judge the quality of leads yet, so I asked no one about *E1 LinkedIn InMail to CMOs*. " +
                        "Choose the sales people or their user group in the settings, and the next report will ask them.", question.AllText);
        Assert.All(posts, p => Assert.DoesNotContain("Sales", p.AllText));
        Assert.Contains("In the thread: the details of the concluded experiment and a question for the growth leads about who judges the leads.",
            posts.Single(c => c.AllText.Contains("Here's what happened")).AllText);

        var refused = await app.Click(question.AsPosted(), OpenSettingsButton.ActionId, user: GrowthBotApp.Alice);
        Assert.Contains("Only a growth lead (<@U0LEAD>) can change the settings.", (await app.Slack.WaitFor("response_url")).AllText);
        Assert.True(refused.IsEmptyAck);
        Assert.Empty(app.Slack.CallsTo("views.open"));
        await app.Click(question.AsPosted(), OpenSettingsButton.ActionId, user: GrowthBotApp.Lead);
        Assert.Equal(SettingsModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_the_group_cannot_be_read_a_click_is_not_counted_and_the_person_is_told_to_try_again()
    {
        await using var thread = await Asked(group: "S0GONE", people: [Sales]);
        var app = thread.App;

        await app.Click(thread.Ask, "lead_quality:E1:Good", user: GroupMember);
        await app.Click(thread.Ask, "lead_quality:E2:Good", user: Sales);
        await app.Idle();

        Assert.Contains("couldn't check the user group", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("couldn't check"))).AllText);
        await using var db = await app.Db();
        Assert.Equal([Sales], await db.QueryAsync<string>("SELECT rated_by FROM lead_ratings"));
    }

    [Fact]
    public async Task Someone_added_to_the_group_counts_once_the_remembered_members_are_a_few_minutes_old()
    {
        await using var thread = await Asked();
        var app = thread.App;
        await app.Click(thread.Ask, "lead_quality:E1:Good", user: "U0NEWBIE");
        app.Slack.AddUserGroup("S0SALES", "sales", "Sales team", GroupMember, "U0NEWBIE");
        await app.Click(thread.Ask, "lead_quality:E1:Good", user: "U0NEWBIE");
        app.Time.Advance(TimeSpan.FromMinutes(6));
        await app.Click(thread.Ask, "lead_quality:E1:Good", user: "U0NEWBIE");
        await app.Idle();

        Assert.Equal(2, app.Slack.CallsTo("usergroups.users.list").Count);
        await using var db = await app.Db();
        Assert.Equal(["U0NEWBIE"], await db.QueryAsync<string>("SELECT rated_by FROM lead_ratings"));
    }
}
