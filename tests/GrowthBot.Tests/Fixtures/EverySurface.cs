using System.Text.Json.Nodes;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Home;
using GrowthBot.Features.Experiments;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Jobs;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using T = GrowthBot.Features.Tasks.NewTaskModal.Blocks;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// Drives the app through every message, modal and Home view it renders, through its real flows: the App Home, every
/// command and the modals they open, the scheduled posts (nudges, due DM, the report with and without sales people,
/// the check-ins) and the end of a period. What it types is neutral ("Zeta 1"), so what a test reads afterwards in
/// <see cref="GrowthBotApp.Sent"/> is the bot's own wording.
/// </summary>
public static class EverySurface
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300",
    };

    /// <summary>Walks every surface; the team's saved language (if any) is kept when the walk saves settings of its own.</summary>
    public static async Task Walk(GrowthBotApp app)
    {
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
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text(KpiDraft.Fields.Name, "Zeta 1").Text(KpiDraft.Fields.Definition, "Zeta 2"));
        await app.Idle();
        await app.Command("/kpi", user: GrowthBotApp.Lead);
        await app.Command("/kpi K1", user: GrowthBotApp.Lead);
        await app.Command("/icp", user: GrowthBotApp.Lead);
        await app.Command("/icp edit", user: GrowthBotApp.Lead);
        await app.Command("/experiment new");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "Zeta 3").Text(B.Hypothesis, "Zeta 4").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6"));
        await app.Idle();
        await app.Command("/experiment list");
        await app.Click((await app.Command("/experiment show E1")).Body!, $"{StartExperimentButton.ActionId}:E1");
        await app.Command("/experiment spend E1 250");
        await app.Command("/experiment results E1 12");
        await app.Command("/experiment show E1");
        await app.Command("/experiment edit E1");
        await app.Command("/experiment conclude E1");
        await app.Command("/experiment board");

        // Work: a task given to Bob, the lists with their buttons, and the task modals.
        await app.Command("/task new E1");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(T.Title, "Zeta 5").PickUser(T.Owner, GrowthBotApp.Bob).Date(T.Due, Today.AddDays(2)));
        await app.Idle();
        await app.Command("/task list");
        await app.Command("/task list mine", user: GrowthBotApp.Bob);
        await app.Command("/task block T1", user: GrowthBotApp.Bob);
        await app.Command("/task postpone T1", user: GrowthBotApp.Bob);
        await app.Event(HomeOpened(GrowthBotApp.Bob));
        await app.Command("/learning new");
        await app.Command("/learning search zeta");
        await app.Command("/growth settings", user: GrowthBotApp.Lead);
        await app.Command("/growth pipeline", user: GrowthBotApp.Lead);
        await app.Command("/growth report");
        await app.Command("/growth pause tomorrow");
        await app.Command("/growth pause 2020-01-01");
        await app.Command("/growth pause 2099-01-01");
        await app.Command($"/growth pause {Today.AddDays(14):yyyy-MM-dd}");
        await app.Command("/growth resume");
        await app.Command("/growth resume");
        await app.Command("/okr chart");
        await app.Command("/okr chart KR9");
        await app.Command("/okr chart KR2");

        // The scheduled posts: nudges, the experiment-due DM, the report whose thread asks the leads to choose who
        // judges leads (nobody is set yet), a report asked for once sales are chosen, with its sales ask, Friday's check-in and pipeline ask.
        await Seed.Task(app, "Zeta 6", GrowthBotApp.Alice, Today.AddDays(-2), BlockReason.Budget);
        await Seed.Running(app, "Zeta 7", Today.AddDays(-1), bringsLeads: true);
        await Seed.Concluded(app, "Zeta 8", Outcome.Worked, "Zeta 9", bringsLeads: true);
        var settings = app.Service<TeamSettingsService>();
        var language = settings.For(GrowthBotApp.TeamId).Language.Code;
        await settings.Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, Language = language }, CancellationToken.None);
        var posts = app.Service<ScheduledPosts>();
        await posts.Run(Schedule.TaskNudges, CancellationToken.None);
        await posts.Run(Schedule.ExperimentDue, CancellationToken.None);
        await posts.Run(Schedule.WeeklyReport, CancellationToken.None);
        await settings.Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, LeadQualityUsers = ["U0SALES"], Language = language,
        }, CancellationToken.None);
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero));
        await posts.Run(Schedule.OkrCheckIn, CancellationToken.None);
        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);
        await app.Idle();
        // The quarter is over: a lead is offered to set the next period.
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        await app.Command("/okr", user: GrowthBotApp.Lead);
        await app.Idle();
    }
}
