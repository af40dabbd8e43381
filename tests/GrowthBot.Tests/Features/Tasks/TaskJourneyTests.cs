using GrowthBot.Resources;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Tasks;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Tasks.NewTaskModal.Blocks;

namespace GrowthBot.Tests.Features.Tasks;

public class TaskJourneyTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    private static async Task<Experiment> Running(GrowthBotApp app, string name = "LinkedIn InMail to CMOs")
    {
        var store = app.Service<ExperimentStore>();
        var e = await store.Add(new Experiment
        {
            TeamId = GrowthBotApp.TeamId, Name = name, Hypothesis = "h", Stage = FunnelStage.Acquisition, Ice = new IceScore(8, 6, 7),
            OwnerId = GrowthBotApp.Alice, StartDate = Today, EndDate = Today.AddDays(7), CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow,
        });
        await store.Start(e.TeamId, e.Id, Today, Today.AddDays(7), GrowthBotApp.DefaultNow);
        return e;
    }

    private static Task<GrowthTask> Seed(GrowthBotApp app, string title, string owner, DateOnly due, string? createdBy = null) =>
        app.Service<TaskStore>().Add(new GrowthTask
        {
            TeamId = GrowthBotApp.TeamId, Title = title, OwnerId = owner, DueDate = due, CreatedBy = createdBy ?? owner, CreatedAt = GrowthBotApp.DefaultNow,
        });

    private static JsonNode Block(JsonNode view, string blockId) =>
        view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!;

    [Fact]
    public async Task Task_new_with_an_experiment_id_opens_the_modal_with_that_experiment_the_caller_and_a_due_date_in_three_days()
    {
        await using var app = await GrowthBotApp.Start();
        var e = await Running(app);

        var reply = await app.Command("/task new E1");

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var view = app.Slack.Last("views.open").View!;
        Assert.Equal(NewTaskModal.CallbackId, view["callback_id"]!.GetValue<string>());
        Assert.Equal(e.Id.ToString(), Block(view, B.Experiment)["element"]!["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal(GrowthBotApp.Alice, Block(view, B.Owner)["element"]!["initial_user"]!.GetValue<string>());
        Assert.Equal("2026-11-21", Block(view, B.Due)["element"]!["initial_date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_a_new_task_stores_it_and_shows_it_with_its_buttons()
    {
        await using var app = await GrowthBotApp.Start();
        await Running(app);
        await app.Command("/task new E1");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Title, "Write the InMail copy").PickUser(B.Owner, GrowthBotApp.Bob).Date(B.Due, Today.AddDays(2)).Text(B.Notes, "Max 300 characters"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using var db = await app.Db();
        var stored = await db.QuerySingleAsync<(long Number, string Title, string OwnerId, string CreatedBy, string DueDate, string OriginalDueDate, long? ExperimentId)>(
            "SELECT number, title, owner_id, created_by, CAST(due_date AS TEXT), CAST(original_due_date AS TEXT), experiment_id FROM tasks");
        Assert.Equal((1L, "Write the InMail copy", GrowthBotApp.Bob, GrowthBotApp.Alice, "2026-11-20", "2026-11-20"),
            (stored.Number, stored.Title, stored.OwnerId, stored.CreatedBy, stored.DueDate, stored.OriginalDueDate));
        Assert.NotNull(stored.ExperimentId);
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("Added *T1 · Write the InMail copy*", confirmation.AllText);
        Assert.Contains("E1 · LinkedIn InMail to CMOs", confirmation.AllText);
        Assert.Contains("task_done:T1", confirmation.Args.ToJsonString());
        var toOwner = await app.Slack.WaitFor("chat.postMessage", c => c.Str("channel") == "D" + GrowthBotApp.Bob);
        Assert.Contains($"<@{GrowthBotApp.Alice}> gave you *T1 · Write the InMail copy*", toOwner.AllText);
        Assert.Contains("Max 300 characters", toOwner.AllText);
        Assert.Contains("task_done:T1", toOwner.Args.ToJsonString());
    }

    [Fact]
    public async Task A_task_you_give_yourself_sends_no_extra_message()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/task new");

        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(B.Title, "Call <!channel> & the CMO").Date(B.Due, Today.AddDays(2)));
        await app.Idle();

        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
        var confirmation = app.Slack.Last("response_url");
        Assert.DoesNotContain("<!channel>", confirmation.Args.ToJsonString());
        Assert.Contains("&lt;!channel&gt; &amp; the CMO", confirmation.Str("text"));
    }

    [Fact]
    public async Task A_new_task_with_an_empty_title_or_a_due_date_years_back_is_refused_inline_and_not_stored()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/task new");

        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Title, "   ").Date(B.Due, new DateOnly(2024, 11, 18)).Text(B.Notes, new string('n', 1001)));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Equal([B.Due, B.Notes, B.Title], reply.Errors.Keys.Order());
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM tasks"));
    }

    [Fact]
    public async Task Unknown_or_malformed_experiment_ids_get_a_clear_answer_and_no_modal()
    {
        await using var app = await GrowthBotApp.Start();

        var unknown = await app.Command("/task new E9");
        var malformed = await app.Command("/task new banana");

        Assert.Contains("There is no experiment E9", unknown.Text);
        Assert.Contains("is not an experiment id", malformed.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Task_list_shows_overdue_then_blocked_then_the_rest_each_with_done_blocked_and_postpone()
    {
        await using var app = await GrowthBotApp.Start();
        var later = await Seed(app, "Later", GrowthBotApp.Alice, Today.AddDays(5));
        var blocked = await Seed(app, "Blocked one", GrowthBotApp.Bob, Today.AddDays(3));
        var overdue = await Seed(app, "Overdue one", GrowthBotApp.Alice, Today.AddDays(-2));
        await app.Service<TaskStore>().Block(blocked.Id, GrowthBotApp.TeamId, BlockReason.Budget, "Need 200 EUR", GrowthBotApp.Bob, GrowthBotApp.DefaultNow);

        var reply = await app.Command("/task list");

        Assert.Equal("ephemeral", reply.ResponseType);
        var text = reply.Text;
        Assert.True(text.IndexOf("Overdue one", StringComparison.Ordinal) < text.IndexOf("Blocked one", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Blocked one", StringComparison.Ordinal) < text.IndexOf("Later", StringComparison.Ordinal));
        Assert.Contains("overdue* by 2 days", text);
        Assert.Contains("*Budget* — Need 200 EUR", text);
        foreach (var action in new[] { "task_done:T3", "task_block:T3", "task_postpone:T3", "task_done:T1" })
            Assert.Contains(action, reply.Raw);

        var mine = await app.Command("/task list mine", user: GrowthBotApp.Bob);
        Assert.Contains("Blocked one", mine.Text);
        Assert.DoesNotContain("Overdue one", mine.Text);
        _ = (later, overdue);
    }

    [Fact]
    public async Task Clicking_done_in_the_list_marks_the_task_done_and_redraws_the_list_without_it()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Write copy", GrowthBotApp.Alice, Today);
        await Seed(app, "Book webinar", GrowthBotApp.Alice, Today.AddDays(1));
        var list = await app.Command("/task list");

        await app.Click(list.Body!, "task_done:T1");

        var redrawn = await app.Slack.WaitFor("response_url", c => c.Args["replace_original"]?.GetValue<bool>() == true);
        Assert.Contains("T1 · Write copy is done", redrawn.AllText);
        Assert.DoesNotContain("task_done:T1", redrawn.Args.ToJsonString());
        Assert.Contains("task_done:T2", redrawn.Args.ToJsonString());
        await using var db = await app.Db();
        Assert.Equal(("Done", GrowthBotApp.Alice), await db.QuerySingleAsync<(string, string)>("SELECT status, done_by FROM tasks WHERE number = 1"));
    }

    [Fact]
    public async Task Clicking_blocked_opens_the_reason_modal_and_submitting_it_records_the_blocker()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Write copy", GrowthBotApp.Alice, Today.AddDays(1));
        var list = await app.Command("/task list");

        await app.Click(list.Body!, "task_block:T1");
        var open = app.Slack.Last("views.open");
        Assert.Equal(BlockTaskModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());

        var missing = await app.Submit(ViewSubmission.Of(open).Select(BlockTaskModal.Blocks.Reason, "Other"));
        Assert.Equal([BlockTaskModal.Blocks.Note], missing.Errors.Keys);

        var reply = await app.Submit(ViewSubmission.Of(open).Select(BlockTaskModal.Blocks.Reason, "WaitingOnSomeone").Text(BlockTaskModal.Blocks.Note, "Legal reviews the copy"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using var db = await app.Db();
        Assert.Equal(("WaitingOnSomeone", "Legal reviews the copy"), await db.QuerySingleAsync<(string, string)>("SELECT reason, note FROM task_blocks WHERE resolved_at IS NULL"));
        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("marked blocked"));
        Assert.Contains("*Waiting on someone*", confirmation.AllText);

        var unblock = await app.Command("/task unblock T1");
        Assert.Contains("moving again", unblock.Text);
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM task_blocks WHERE resolved_at IS NULL"));
        Assert.Contains("isn't blocked", (await app.Command("/task unblock T1")).Text);
    }

    [Fact]
    public async Task Postponing_needs_a_later_date_and_a_reason_and_every_postponement_is_kept_and_counted()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Write copy", GrowthBotApp.Alice, Today.AddDays(1));
        var list = await app.Command("/task list");

        await app.Click(list.Body!, "task_postpone:T1");
        var open = app.Slack.Last("views.open");
        var notLater = await app.Submit(ViewSubmission.Of(open).Date(PostponeTaskModal.Blocks.NewDate, Today.AddDays(1)).Text(PostponeTaskModal.Blocks.Reason, ""));
        Assert.Equal([PostponeTaskModal.Blocks.NewDate, PostponeTaskModal.Blocks.Reason], notLater.Errors.Keys.Order());
        Assert.Contains("after the current due date (Thu 19 Nov)", notLater.Errors[PostponeTaskModal.Blocks.NewDate]);

        await app.Submit(ViewSubmission.Of(open).Date(PostponeTaskModal.Blocks.NewDate, Today.AddDays(3)).Text(PostponeTaskModal.Blocks.Reason, "Waiting for budget"));
        await app.Command("/task postpone T1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Date(PostponeTaskModal.Blocks.NewDate, Today.AddDays(6)).Text(PostponeTaskModal.Blocks.Reason, "Still waiting"));

        await using var db = await app.Db();
        Assert.Equal(("2026-11-19", "2026-11-24"), await db.QuerySingleAsync<(string, string)>("SELECT CAST(original_due_date AS TEXT), CAST(due_date AS TEXT) FROM tasks"));
        var moves = (await db.QueryAsync<(string From, string To, string Reason)>("SELECT CAST(from_date AS TEXT), CAST(to_date AS TEXT), reason FROM task_postponements ORDER BY id")).ToList();
        Assert.Equal([("2026-11-19", "2026-11-21", "Waiting for budget"), ("2026-11-21", "2026-11-24", "Still waiting")], moves);
        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("Postponed twice"));
        Assert.Contains("Still waiting", confirmation.AllText);
    }

    [Fact]
    public async Task Someone_elses_task_can_only_be_changed_by_its_owner_creator_or_a_growth_lead()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app, "Write copy", GrowthBotApp.Alice, Today);
        var list = await app.Command("/task list", user: GrowthBotApp.Bob);

        await app.Click(list.Body!, "task_done:T1", user: GrowthBotApp.Bob);
        var refusal = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("someone else's task"));
        Assert.Contains($"<@{GrowthBotApp.Alice}>", refusal.AllText);
        Assert.Contains($"a growth lead (<@{GrowthBotApp.Lead}>)", refusal.AllText);
        await app.Click(list.Body!, "task_block:T1", user: GrowthBotApp.Bob);
        Assert.Contains("someone else's task", (await app.Command("/task postpone T1", user: GrowthBotApp.Bob)).Text);
        await app.Idle();
        Assert.Empty(app.Slack.CallsTo("views.open"));

        var lead = await app.Command("/task done T1", user: GrowthBotApp.Lead);
        Assert.Contains("T1 · Write copy is done", lead.Text);
        Assert.Contains("already done", (await app.Command("/task done T1")).Text);
    }

    [Fact]
    public async Task Unknown_and_other_teams_task_ids_get_a_clear_answer()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Service<TaskStore>().Add(new GrowthTask { TeamId = "T0OTHER", Title = "Theirs", OwnerId = GrowthBotApp.Alice, DueDate = Today, CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow });

        Assert.Contains("There is no task T1", (await app.Command("/task done T1")).Text);
        Assert.Contains("is not a task id", (await app.Command("/task block E1")).Text);
        Assert.Contains("Which task?", (await app.Command("/task postpone")).Text);
        Assert.Contains("/task list mine", (await app.Command("/task frobnicate")).Text);
    }

    [Fact]
    public async Task Still_blocked_from_a_nudge_keeps_the_blocker_and_says_since_when()
    {
        await using var app = await GrowthBotApp.Start();
        var task = await Seed(app, "Write copy", GrowthBotApp.Alice, Today.AddDays(-1));
        await app.Service<TaskStore>().Block(task.Id, GrowthBotApp.TeamId, BlockReason.Access, "No LinkedIn seat", GrowthBotApp.Alice, GrowthBotApp.DefaultNow.AddDays(-2));
        task = (await app.Service<TaskStore>().Find(GrowthBotApp.TeamId, 1))!;
        var nudge = System.Text.Json.JsonSerializer.SerializeToNode(
            new GrowthBot.Slack.BlockKit.Message("nudge", TaskMessages.TaskBlocks(task, Today, GrowthBot.Resources.Wording.English, TaskButtons.Done | TaskButtons.Postpone | TaskButtons.StillBlocked)),
            GrowthBot.Slack.SlackJson.Options)!;

        await app.Click(nudge, "task_still_blocked:T1");

        var answer = await app.Slack.WaitFor("response_url");
        Assert.Contains("Noted: T1 · Write copy is still blocked since", answer.AllText);
        Assert.Contains("(Access)", answer.AllText);
        await using var db = await app.Db();
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM task_blocks WHERE resolved_at IS NULL"));
    }
}
