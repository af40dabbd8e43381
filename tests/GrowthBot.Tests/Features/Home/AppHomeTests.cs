using System.Text.Json.Nodes;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Features.Okrs;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using GrowthBot.Testing;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Features.Home;

public class AppHomeTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static JsonObject HomeOpened(string user, string tab = "home") => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = tab, ["event_ts"] = "1763460000.000300",
    };

    private static IReadOnlyList<SlackCall> Publishes(GrowthBotApp app, string user) =>
        app.Slack.CallsTo("views.publish").Where(c => c.Str("user_id") == user).ToList();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    private static Experiment NewExperiment(int i, string owner, FunnelStage stage = FunnelStage.Acquisition) => new()
    {
        TeamId = GrowthBotApp.TeamId, Name = $"Experiment number {i} with a fairly descriptive name", Hypothesis = "because",
        Stage = stage, Ice = new IceScore(8, 6, 7), OwnerId = owner, StartDate = Today, EndDate = Today.AddDays(7),
        CreatedBy = owner, CreatedAt = Now,
    };

    private static GrowthTask NewTask(int i, string owner, DateOnly due) => new()
    {
        TeamId = GrowthBotApp.TeamId, Title = $"Task {i}: write the copy & <check> the landing page", OwnerId = owner, DueDate = due,
        CreatedBy = GrowthBotApp.Lead, CreatedAt = Now,
    };

    [Fact]
    public async Task An_empty_workspace_is_welcomed_with_the_first_steps_instead_of_empty_sections()
    {
        await using var app = await GrowthBotApp.Start();

        await app.Event(HomeOpened(GrowthBotApp.Alice));

        var publish = await app.Slack.WaitFor("views.publish");
        Assert.Equal(GrowthBotApp.Alice, publish.Str("user_id"));
        Assert.Equal("home", publish.View!["type"]!.GetValue<string>());
        Assert.Contains("Welcome to GrowthBot", publish.AllText);
        Assert.Contains("/okr set", publish.AllText);
        Assert.Contains("/experiment new", publish.AllText);
        Assert.DoesNotContain("Blocked and overdue", publish.AllText);
        Assert.Contains(HomeNewExperimentButton.ActionId, publish.View!.ToJsonString());
    }

    [Fact]
    public async Task A_busy_workspace_fits_in_100_blocks_and_summarises_what_does_not_fit()
    {
        await using var app = await GrowthBotApp.Start();
        var okrs = app.Service<OkrStore>();
        var experiments = app.Service<ExperimentStore>();
        var tasks = app.Service<TaskStore>();
        var learnings = app.Service<LearningStore>();

        var okr = await okrs.SetObjective(GrowthBotApp.TeamId, "Double inbound revenue", "Q4 2026",
        [
            new KeyResultDraft("New leads per quarter", 0, 100, "new leads", GrowthBotApp.Alice),
            new KeyResultDraft("Closed deals", 0, 20, "deals", GrowthBotApp.Bob),
            new KeyResultDraft("Trial activation", 20, 40, "%", GrowthBotApp.Bob),
            new KeyResultDraft("Monthly churn", 5, 2, "%", GrowthBotApp.Lead),
            new KeyResultDraft("Referrals", 0, 50, "referrals", GrowthBotApp.Lead),
        ], GrowthBotApp.Lead, Now);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Now);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[1].Id, 3, KrConfidence.AtRisk, "", GrowthBotApp.Bob, Now);

        for (var i = 1; i <= 40; i++)
        {
            var e = await experiments.Add(NewExperiment(i, i % 2 == 0 ? GrowthBotApp.Alice : GrowthBotApp.Bob));
            await experiments.Start(e.TeamId, e.Id, Today.AddDays(-10 + i % 12), Today.AddDays(-3 + i % 12), Now);
        }
        for (var i = 1; i <= 8; i++)
        {
            var e = await experiments.Add(NewExperiment(100 + i, GrowthBotApp.Bob));
            await app.Conclude(e, i <= 3 ? Outcome.Worked : Outcome.DidNotWork, "result", "learning", Decision.Iterate, Now.AddDays(-i * 3));
        }
        for (var i = 1; i <= 12; i++)
            await experiments.Add(NewExperiment(200 + i, GrowthBotApp.Bob, i <= 9 ? FunnelStage.Acquisition : FunnelStage.Revenue));

        for (var i = 1; i <= 200; i++)
        {
            var owner = (i % 4) switch { 0 => GrowthBotApp.Alice, 1 => GrowthBotApp.Bob, 2 => GrowthBotApp.Lead, _ => "U0CAROL" };
            var task = await tasks.Add(NewTask(i, owner, Today.AddDays(i % 3 == 0 ? -(i % 9) - 1 : i % 5)));
            if (i % 7 == 0) await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Budget, "Need 200 EUR for ads", owner, Now);
        }
        for (var i = 1; i <= 300; i++)
            await learnings.Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Channel, Text = $"Learning {i}: " + new string('x', 600), CreatedBy = GrowthBotApp.Bob, CreatedAt = Now.AddMinutes(i) });

        await app.Event(HomeOpened(GrowthBotApp.Alice));

        var publish = await app.Slack.WaitFor("views.publish", c => c.Str("user_id") == GrowthBotApp.Alice);
        var view = publish.View!;
        Assert.Empty(BlockKitChecker.CheckView(view));
        Assert.InRange(view["blocks"]!.AsArray().Count, 1, BlockKitLimits.ViewBlocks);
        var text = publish.AllText;
        Assert.Contains("Double inbound revenue", text);
        Assert.Contains("Main goal: 26/100 new leads", text);
        Assert.Contains("On track", text);
        Assert.Contains("At risk", text);
        Assert.Contains("Running experiments (40)", text);
        Assert.Contains("more: `/experiment list`", text);
        Assert.Contains("Your open tasks (50)", text);
        Assert.Contains("…and 42 more: `/task list mine`", text);
        Assert.Contains("Blocked and overdue", text);
        Assert.Contains("more: `/task list`", text);
        Assert.Contains("38% (3 of 8 concluded experiments worked)", text);
        Assert.Contains("concluded per week", text);
        Assert.Contains("(12 ideas)", text);
        Assert.Contains("9 Acquisition", text);
        Assert.Contains("Learning 300", text);
        Assert.DoesNotContain("Learning 295", text);
        Assert.Contains("&lt;check&gt;", text);
        var json = view.ToJsonString();
        // Alice owns T4, T8, …: her eight most urgent carry Done / Blocked; Bob's T1 is not hers.
        Assert.Equal(HomeTab.MyTasksShown, CountOf(json, "\"task_done:T"));
        Assert.Equal(HomeTab.MyTasksShown, CountOf(json, "\"task_block:T"));
        Assert.DoesNotContain("\"task_done:T1\"", json);
    }

    [Fact]
    public async Task Opening_the_messages_tab_publishes_nothing()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.Event(HomeOpened(GrowthBotApp.Alice, tab: "messages"));
        await app.Idle();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(app.Slack.CallsTo("views.publish"));
    }

    [Fact]
    public async Task A_burst_of_changes_refreshes_each_affected_home_once_when_the_window_closes()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Event(HomeOpened(GrowthBotApp.Alice));
        await app.Slack.WaitFor("views.publish");
        app.Slack.Clear();
        var tasks = app.Service<TaskStore>();

        for (var i = 1; i <= 20; i++)
            await tasks.Add(NewTask(i, GrowthBotApp.Bob, Today.AddDays(2)) with { CreatedBy = GrowthBotApp.Bob });
        await app.Idle();
        Assert.Empty(app.Slack.CallsTo("views.publish"));

        app.Time.Advance(HomePublisher.Window);
        await app.Idle();

        var bob = Assert.Single(Publishes(app, GrowthBotApp.Bob));
        Assert.Contains("Your open tasks (20)", bob.AllText);
        // Alice opened her home recently: the team-wide sections changed for her too.
        var alice = Assert.Single(Publishes(app, GrowthBotApp.Alice));
        Assert.Contains("Blocked and overdue (0)", alice.AllText);
        Assert.Equal(2, app.Slack.CallsTo("views.publish").Count);
    }

    [Fact]
    public async Task A_change_after_the_window_refreshes_the_home_again()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Service<ExperimentStore>().Add(NewExperiment(1, GrowthBotApp.Alice));
        var tasks = app.Service<TaskStore>();
        var task = await tasks.Add(NewTask(1, GrowthBotApp.Bob, Today.AddDays(-1)));
        app.Time.Advance(HomePublisher.Window);
        await app.Idle();
        Assert.Contains(":alarm_clock: overdue", Assert.Single(Publishes(app, GrowthBotApp.Bob)).AllText);

        await tasks.MarkDone(task.TeamId, task.Id, GrowthBotApp.Bob, Now);
        app.Time.Advance(HomePublisher.Window);
        await app.Idle();

        var publishes = Publishes(app, GrowthBotApp.Bob);
        Assert.Equal(2, publishes.Count);
        Assert.Contains("Nothing on your plate", publishes[^1].AllText);
    }

    [Fact]
    public async Task People_who_have_not_opened_their_home_for_a_week_are_not_refreshed_for_others_changes()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Event(HomeOpened(GrowthBotApp.Alice));
        await app.Slack.WaitFor("views.publish");
        app.Slack.Clear();

        app.Time.Advance(HomePublisher.RecentViewerFor + TimeSpan.FromMinutes(1));
        await app.Service<TaskStore>().Add(NewTask(1, GrowthBotApp.Bob, Today.AddDays(9)) with { CreatedBy = GrowthBotApp.Bob });
        app.Time.Advance(HomePublisher.Window);
        await app.Idle();

        Assert.Single(Publishes(app, GrowthBotApp.Bob));
        Assert.Empty(Publishes(app, GrowthBotApp.Alice));
    }

    [Fact]
    public async Task The_new_experiment_button_on_the_home_opens_the_modal_and_the_saved_idea_shows_on_the_home()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Event(HomeOpened(GrowthBotApp.Alice));
        var home = (await app.Slack.WaitFor("views.publish")).View!;
        app.Slack.Clear();

        var reply = await app.Click(home, HomeNewExperimentButton.ActionId, GrowthBotApp.Alice);

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var open = app.Slack.Last("views.open");
        Assert.Equal(NewExperimentModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());

        await app.Submit(ViewSubmission.Of(open)
            .Text(B.Name, "LinkedIn InMail to CMOs")
            .Text(B.Hypothesis, "CMOs answer InMail")
            .Select(B.Stage, "Referral")
            .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));
        var confirmation = await app.Slack.WaitFor("chat.postMessage");
        Assert.Contains("E1", confirmation.AllText);

        app.Time.Advance(HomePublisher.Window);
        await app.Idle();
        var refreshed = Assert.Single(Publishes(app, GrowthBotApp.Alice));
        Assert.Contains("(1 idea)", refreshed.AllText);
        Assert.Contains("1 Referral", refreshed.AllText);
    }

    [Fact]
    public async Task My_tasks_carry_done_and_blocked_buttons_for_the_tasks_feature()
    {
        await using var app = await GrowthBotApp.Start();
        var tasks = app.Service<TaskStore>();
        await tasks.Add(NewTask(1, GrowthBotApp.Bob, Today.AddDays(1)));
        var mine = await tasks.Add(NewTask(2, GrowthBotApp.Alice, Today.AddDays(1)));
        await tasks.Block(mine.Id, GrowthBotApp.TeamId, BlockReason.Access, "No LinkedIn seat", GrowthBotApp.Alice, Now);

        await app.Event(HomeOpened(GrowthBotApp.Alice));

        var publish = await app.Slack.WaitFor("views.publish", c => c.Str("user_id") == GrowthBotApp.Alice);
        var json = publish.View!.ToJsonString();
        Assert.Contains("\"task_done:T2\"", json);
        Assert.Contains("\"task_block:T2\"", json);
        Assert.DoesNotContain("task_done:T1", json);
        Assert.Contains("Blocked: access: No LinkedIn seat", publish.AllText);
    }

    [Fact]
    public async Task Every_home_button_answers_check_in_history_conclude_done_blocked_postpone_and_new_experiment()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await GrowthBot.Tests.Jobs.Seed.Okr(app); // KR1 is Alice's, KR2 Bob's
        await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26, KrConfidence.AtRisk, "InMail brought 20", GrowthBotApp.Alice, Now.AddDays(-2));
        await GrowthBot.Tests.Jobs.Seed.Running(app, "Alice's webinar", Today.AddDays(3), owner: GrowthBotApp.Alice);
        await GrowthBot.Tests.Jobs.Seed.Running(app, "Bob's cold calls", Today.AddDays(3), owner: GrowthBotApp.Bob);
        var rated = await GrowthBot.Tests.Jobs.Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "3 leads");
        var feedback = app.Service<FeedbackStore>();
        var report = await app.PostedReport(Now.AddDays(-2), rated);
        await feedback.Rate(GrowthBotApp.TeamId, report.Id, rated.Id, "U0SALES", LeadQuality.Good, Now.AddDays(-1));
        await feedback.SetReason(GrowthBotApp.TeamId, report.Id, rated.Id, "U0SALES", LeadQualityReason.TooSmall, Now.AddDays(-1));
        await feedback.AddComment(new ThreadComment { TeamId = GrowthBotApp.TeamId, ReportId = report.Id, ExperimentId = rated.Id, FromSales = true, Text = "Two of them are real buyers", MessageTs = "1763380000.000100", CreatedBy = "U0SALES2", CreatedAt = Now.AddDays(-1) });
        await app.Service<TaskStore>().Add(NewTask(1, GrowthBotApp.Alice, Today.AddDays(2)));

        await app.Event(HomeOpened(GrowthBotApp.Alice));
        var home = (await app.Slack.WaitFor("views.publish", c => c.Str("user_id") == GrowthBotApp.Alice)).View!;
        var json = home.ToJsonString();
        var text = FakeSlack.TextOf(home);

        // Check in only on her own key result, History on every one; Conclude only on her own experiment.
        Assert.Contains("\"okr_check_in:KR1\"", json);
        Assert.DoesNotContain("okr_check_in:KR2", json);
        Assert.Contains("\"okr_history:KR1\"", json);
        Assert.Contains("\"okr_history:KR2\"", json);
        Assert.Contains("\"experiment_conclude:E1\"", json);
        Assert.DoesNotContain("experiment_conclude:E2", json);
        Assert.Contains("E2* Bob's cold calls", text);
        Assert.Contains("*E3* LinkedIn InMail to CMOs: 1 good (Too small) · “Two of them are real buyers”", text);
        Assert.Contains("due Fri 20 Nov", text);
        app.Slack.Clear();

        await app.Click(home, "okr_check_in:KR1");
        Assert.Equal(CheckInModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());

        await app.Click(home, "okr_history:KR2");
        await app.Click(home, "okr_history:KR1");
        var history = await app.Slack.WaitFor("chat.postMessage", c => c.Str("channel") == "D" + GrowthBotApp.Alice && c.AllText.Contains("KR1"));
        Assert.Contains("0 → *26 new leads*", history.AllText);
        Assert.Contains("At risk", history.AllText);
        Assert.Contains("InMail brought 20", history.AllText);
        Assert.Contains($"<@{GrowthBotApp.Alice}>", history.AllText);
        Assert.Contains("^{date_short_pretty} {time}|", history.AllText);
        Assert.Contains("No check-ins yet", (await app.Slack.WaitFor("chat.postMessage", c => c.AllText.Contains("KR2"))).AllText);

        await app.Click(home, "experiment_conclude:E1");
        Assert.Equal(ConcludeExperimentModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());

        await app.Click(home, "task_block:T1");
        Assert.Equal(GrowthBot.Features.Tasks.BlockTaskModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());
        await app.Click(home, "task_postpone:T1");
        Assert.Equal(GrowthBot.Features.Tasks.PostponeTaskModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());
        await app.Click(home, HomeNewExperimentButton.ActionId);
        Assert.Equal(NewExperimentModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());

        await app.Click(home, "task_done:T1");
        Assert.Contains("T1", (await app.Slack.WaitFor("chat.postMessage", c => c.AllText.Contains("is done"))).AllText);
        await using var db = await app.Db();
        Assert.Equal("Done", await Dapper.SqlMapper.ExecuteScalarAsync<string>(db, "SELECT status FROM tasks WHERE number = 1"));
    }
}
