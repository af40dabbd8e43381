using System.Text.Json.Nodes;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Features.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using T = GrowthBot.Features.Tasks.NewTaskModal.Blocks;

namespace GrowthBot.Tests.Slack;

/// <summary>
/// Walks every message, modal and Home view the bot renders, through its real flows, and proves that each button,
/// select and submittable modal reaches a registered handler, and that each registered action and modal is rendered
/// somewhere (so a new handler without a way to reach it, or a renderer writing an id of its own, fails here).
/// </summary>
public class EveryIdHasAHandlerTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300",
    };

    [Fact]
    public async Task Every_action_id_and_callback_id_the_bot_renders_reaches_a_registered_handler_and_every_handler_is_rendered()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.AddUser(GrowthBotApp.Alice);

        // A new team's App Home, and its New experiment button.
        await app.Event(HomeOpened(GrowthBotApp.Alice));
        await app.Click((await app.Slack.WaitFor("views.publish")).View!, HomeNewExperimentButton.ActionId);

        // Direction, then an idea logged through the modal, started, edited and concluded.
        await Seed.Okr(app);
        await app.Command("/okr");
        await app.Command("/okr set", user: GrowthBotApp.Lead);
        await app.Command("/okr update");
        await app.Command("/okr week");
        // KPI definitions and the ideal customer profile, as a lead sees them (with their buttons) and edits them.
        await app.Command("/kpi", user: GrowthBotApp.Lead);
        await app.Command("/kpi new", user: GrowthBotApp.Lead);
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text(KpiDraft.Fields.Name, "Lead").Text(KpiDraft.Fields.Definition, "Booked a call"));
        await app.Idle();
        await app.Command("/kpi", user: GrowthBotApp.Lead);
        await app.Command("/icp", user: GrowthBotApp.Lead);
        await app.Command("/icp edit", user: GrowthBotApp.Lead);
        await app.Command("/experiment new");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "Partner webinar").Text(B.Hypothesis, "Partners bring warm leads").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6"));
        await app.Idle();
        await app.Command("/experiment list");
        await app.Click((await app.Command("/experiment show E1")).Body!, $"{StartExperimentButton.ActionId}:E1");
        await app.Command("/experiment show E1");
        await app.Command("/experiment edit E1");
        await app.Command("/experiment conclude E1");

        // Work: a task given to Bob, the lists with their buttons, and the task modals.
        await app.Command("/task new E1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(T.Title, "Write the invitation").PickUser(T.Owner, GrowthBotApp.Bob).Date(T.Due, Today.AddDays(2)));
        await app.Idle();
        await app.Command("/task list");
        await app.Command("/task list mine", user: GrowthBotApp.Bob);
        await app.Command("/task block T1", user: GrowthBotApp.Bob);
        await app.Command("/task postpone T1", user: GrowthBotApp.Bob);
        await app.Event(HomeOpened(GrowthBotApp.Bob));
        await app.Command("/learning new");
        await app.Command("/learning search webinar");
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        await app.Command("/growth pipeline", user: GrowthBotApp.Lead);
        await app.Command("/growth report");

        // The scheduled posts: nudges, the experiment-due DM, the report whose thread asks the leads to choose who
        // judges leads (nobody is set yet), a report asked for once sales are chosen, with its sales ask, Friday's check-in and pipeline ask.
        await Seed.Task(app, "Buy a LinkedIn seat", GrowthBotApp.Alice, Today.AddDays(-2), BlockReason.Budget);
        await Seed.Running(app, "Cold calls", Today.AddDays(-1), bringsLeads: true);
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead; CTR 60%", bringsLeads: true);
        var settings = app.Service<TeamSettingsService>();
        await settings.Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel }, CancellationToken.None);
        var posts = app.Service<ScheduledPosts>();
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        await posts.Run(Schedule.ExperimentDue, CancellationToken.None);
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await settings.Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, LeadQualityUsers = ["U0SALES"] }, CancellationToken.None);
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.OkrCheckIn, CancellationToken.None);
        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);
        await app.Idle();
        // The quarter is over: a lead is offered to set the next period.
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        await app.Command("/okr", user: GrowthBotApp.Lead);

        var registry = app.Service<SlackHandlerRegistry>();
        var sent = app.Sent;
        Assert.Empty(sent.SelectMany(p => SlackIds.Unanswered(p, registry)).Distinct());

        var rendered = sent.SelectMany(SlackIds.ActionIds).Select(registry.Action).ToHashSet();
        var neverRendered = registry.Actions.Where(id => !rendered.Contains(registry.Action(id))).ToList();
        Assert.Empty(neverRendered);
        var modals = sent.SelectMany(SlackIds.SubmittableModals).ToHashSet();
        var neverOpened = registry.ViewSubmissions.Where(id => !modals.Contains(id)).ToList();
        Assert.Empty(neverOpened);
        var selects = sent.SelectMany(SlackIds.ExternalSelects).ToHashSet();
        Assert.DoesNotContain(registry.OptionsProviders, id => !selects.Contains(id));
    }

    [Fact]
    public void An_id_no_handler_answers_is_reported_and_an_answered_one_is_not()
    {
        var registry = new SlackHandlerRegistry();
        new SlackBuilder(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), registry)
            .AddBlockAction<TaskDoneButton>(TaskDoneButton.ActionId)
            .AddViewSubmission<NewTaskModal>(NewTaskModal.CallbackId);
        var message = JsonNode.Parse("""
            {"text":"x","blocks":[
              {"type":"actions","elements":[{"type":"button","action_id":"task_done:T1"},{"type":"button","action_id":"task_gone:T1"},
                                            {"type":"button","action_id":"docs","url":"https://example.com"}]},
              {"type":"section","text":{"type":"mrkdwn","text":"x"},"accessory":{"type":"button","action_id":"orphan"}},
              {"type":"input","block_id":"title","label":{"type":"plain_text","text":"Title"},"element":{"type":"plain_text_input","action_id":"value"}},
              {"type":"input","block_id":"zone","label":{"type":"plain_text","text":"Zone"},"element":{"type":"external_select","action_id":"zone_nobody_answers"}}]}
            """);
        var views = JsonNode.Parse("""
            [{"type":"modal","callback_id":"task_new","submit":{"type":"plain_text","text":"Add"},"blocks":[]},
             {"type":"modal","callback_id":"task_gone","submit":{"type":"plain_text","text":"Save"},"blocks":[]},
             {"type":"modal","title":{"type":"plain_text","text":"Sorry"},"close":{"type":"plain_text","text":"Close"},"blocks":[]}]
            """);

        Assert.Equal(["no handler for action_id 'task_gone:T1'", "no handler for action_id 'orphan'", "no options provider for the external select 'zone_nobody_answers'"],
            SlackIds.Unanswered(message, registry));
        Assert.Equal(["no handler for the submission of modal 'task_gone'"], SlackIds.Unanswered(views, registry));
    }
}
