using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Domain.Icp;
using GrowthBot.Domain.Kpis;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Home;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Pipeline;
using GrowthBot.Features.Reports;
using GrowthBot.Features.Settings;
using GrowthBot.Features.Tasks;
using GrowthBot.Jobs;
using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;
using K = GrowthBot.Features.Okrs.CheckInModal.Blocks;
using L = GrowthBot.Features.Learnings.LogLearningModal.Blocks;
using P = GrowthBot.Features.Pipeline.PipelineModal.Blocks;
using S = GrowthBot.Features.Settings.SettingsModal.Blocks;
using T = GrowthBot.Features.Tasks.NewTaskModal.Blocks;

namespace GrowthBot.Tests.Hardening;

/// <summary>
/// Two workspaces install GrowthBot through OAuth on one deployment and use every command, button and modal, the App
/// Home, the weekly report with its sales thread, the scheduled DMs and the export, side by side and with the same short
/// ids (both have E1, T1, KR1). Neither ever sees the other's data, and every Web API call made for a team carries that
/// team's token. Each team's typed text carries its own marker word, so any leak shows up as the other's marker.
/// </summary>
public class TwoWorkspacesTests
{
    /// <summary>An Enterprise Grid member of both workspaces: one user id, two teams' tasks, never mixed.</summary>
    private const string Shared = "W0SHARED";

    /// <summary>The week's work happens on Thursday 12 November 2026; the report follows on Monday, the check-in on Friday.</summary>
    private static readonly DateTimeOffset Thursday = new(2026, 11, 12, 10, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Thursday.UtcDateTime);

    private sealed record Team(string Marker, FakeWorkspace Workspace, string Lead, string Member, string Sales, string Channel, int CheckIn)
    {
        public string Id => Workspace.TeamId;
        public HashSet<string> Clicked { get; } = [];
        public HashSet<string> Submitted { get; } = [];
        public HashSet<string> Asked { get; } = [];
        public override string ToString() => Marker;
    }

    [Fact]
    public async Task Two_installed_workspaces_use_everything_side_by_side_and_neither_sees_the_others_data_or_token()
    {
        var slack = await FakeSlack.Start();
        var zephyr = NewTeam(slack, "Zephyr", "T0ZEPHYR", "C0ZEPHYR", checkIn: 12);
        var quokka = NewTeam(slack, "Quokka", "T0QUOKKA", "C0QUOKKA", checkIn: 17);
        Team[] teams = [zephyr, quokka];
        Team Other(Team t) => t == zephyr ? quokka : zephyr;
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack, now: Thursday);

        foreach (var t in teams)
        {
            var installed = await app.Install(t.Workspace, t.Lead);
            Assert.Equal((HttpStatusCode.OK, "GrowthBot is installed"), (installed.Status, installed.Title));
        }

        // Each step runs for both teams in turn, so their writes interleave as they would in production.
        async Task Each(Func<Team, Task> step)
        {
            foreach (var t in teams) await As(app, t, Other(t), () => step(t));
        }

        // Direction: settings, the objective, a check-in.
        await Each(async t =>
        {
            Assert.True((await Command(app, t, "/growth settings", t.Lead)).IsEmptyAck);
            var settings = Opened(app, t);
            foreach (var (blockId, typed) in new[] { (S.SalesGroup, "sales"), (S.Zone, "helsinki") })
            {
                t.Asked.Add(settings.View!["blocks"]!.AsArray().First(b => b?["block_id"]?.GetValue<string>() == blockId)!["element"]!["action_id"]!.GetValue<string>());
                Assert.NotEmpty((await app.Suggest(settings.View!, blockId, typed, t.Lead, t.Id)).Body!["options"]!.AsArray());
            }
            await Submit(app, t, ViewSubmission.Of(settings, t.Lead).Conversation(S.Channel, t.Channel).PickUsers(S.Sales, t.Sales));
            await Command(app, t, "/okr set", t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).Text("objective", $"{t.Marker} North Star").Text("period", "Q4 2026")
                .Text("kr1_name", $"{t.Marker} new leads").Text("kr1_baseline", "0").Text("kr1_target", "100").Text("kr1_unit", "leads").PickUser("kr1_owner", t.Member)
                .Checked("kr1_leads", "yes"));
            var overview = await Command(app, t, "/okr");
            Assert.Contains($"{t.Marker} North Star", overview.Text);
            await Command(app, t, "/okr update");
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(K.Value, t.CheckIn.ToString()).Select(K.Confidence, "OnTrack").Text(K.Note, $"{t.Marker} webinar signups"));
            // The check-in's confirmation follows its submission in the background: posted before the click, it cannot
            // come after the history and be taken for it.
            await app.Idle();
            await Click(app, t, overview.Body!, $"{OkrHistoryButton.ActionId}:KR1", t.Member);
            await app.Idle();
            Assert.Contains($"{t.Marker} webinar signups", app.Slack.CallsTo("response_url").Last(c => c.Path!.StartsWith(t.Id)).AllText);
        });

        // The dashboard's other tabs: a KPI definition each (K1 in both), the ideal customer profile, this week's target.
        await Each(async t =>
        {
            var none = await Command(app, t, "/kpi", t.Lead);
            await Click(app, t, none.Body!, NewKpiButton.ActionId, t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).Text(KpiDraft.Fields.Name, $"{t.Marker} lead")
                .Text(KpiDraft.Fields.Definition, $"{t.Marker} decision-maker who booked a call").Text(KpiDraft.Fields.Unit, "leads"));
            var kpis = await Command(app, t, "/kpi", t.Lead);
            Assert.Contains($"{t.Marker} decision-maker who booked a call", kpis.Text);
            await Click(app, t, kpis.Body!, $"{EditKpiButton.ActionId}:K1", t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).Text(KpiDraft.Fields.Measurement, $"{t.Marker} CRM meetings"));
            Assert.Contains($"{t.Marker} CRM meetings", (await Command(app, t, "/kpi K1")).Text);

            var icp = await Command(app, t, "/icp", t.Lead);
            await Click(app, t, icp.Body!, EditIcpButton.ActionId, t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).Text(IcpDraft.Block(IcpField.Titles), $"{t.Marker} CMOs"));
            Assert.Contains($"{t.Marker} CMOs", (await Command(app, t, "/icp")).Text);

            await Command(app, t, "/okr week", t.Member);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text("week_KR1", "9"));
            Assert.Contains($"This week {t.CheckIn}/9 leads", (await Command(app, t, "/okr")).Text);
        });

        // Ideas: two experiments each (E1, E2 in both teams), listed, shown, started, edited.
        await Each(async t =>
        {
            foreach (var name in new[] { "webinar", "cold email" })
            {
                // Choosing the key result, which counts leads, ticks "Brings leads for sales to judge" in the open modal.
                await Command(app, t, "/experiment new");
                var opened = Opened(app, t);
                var keyResult = opened.View!["blocks"]!.AsArray().First(b => b?["block_id"]?.GetValue<string>() == B.KeyResult)!["element"]!["options"]![0]!["value"]!.GetValue<string>();
                await Change(app, t, ViewSubmission.Of(opened, t.Member).Text(B.Name, $"{t.Marker} {name}").Select(B.KeyResult, keyResult), B.KeyResult);
                var updated = app.Slack.CallsTo("views.update").Last(c => c.Token == t.Workspace.BotToken);
                await Submit(app, t, ViewSubmission.Of(updated, t.Member).Text(B.Hypothesis, $"{t.Marker} partners bring leads")
                    .Select(B.Stage, "Acquisition").Text(B.Metric, "new leads").Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6"));
            }
            var list = await Command(app, t, "/experiment list");
            Assert.Contains($"{t.Marker} webinar", list.Text);
            Assert.Contains($"{t.Marker} cold email", list.Text);
            var card = await Command(app, t, "/experiment show E1");
            await Click(app, t, card.Body!, $"{StartExperimentButton.ActionId}:E1", t.Member);
            await Command(app, t, "/experiment start E2");
            await Command(app, t, "/experiment edit E1");
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(B.Name, $"{t.Marker} partner webinar").Text(B.Budget, "800").Text(B.ResultUnit, "lead"));
            Assert.Contains($"{t.Marker} partner webinar", (await Command(app, t, "/experiment show E1")).Text);
            Assert.Contains("€250 of €800 spent", (await Command(app, t, "/experiment spend E1 250")).Text);
            Assert.Contains("€250 of €800 spent · 2 leads · €125 per lead", (await Command(app, t, "/experiment results E1 2")).Text);
        });

        // Work: two tasks for the shared member, blocked, postponed, done, through commands, list buttons and modals.
        await Each(async t =>
        {
            foreach (var (title, due) in new[] { ("write the invitation", 2), ("book the venue", 1) })
            {
                await Command(app, t, "/task new E1");
                await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(T.Title, $"{t.Marker} {title}").PickUser(T.Owner, Shared).Date(T.Due, Today.AddDays(due)));
            }
            await Command(app, t, "/task block T2", Shared);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), Shared).Select(BlockTaskModal.Blocks.Reason, "Budget").Text(BlockTaskModal.Blocks.Note, $"{t.Marker} venue deposit"));
            await Command(app, t, "/task postpone T1", Shared);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), Shared).Date(PostponeTaskModal.Blocks.NewDate, Today.AddDays(5)).Text(PostponeTaskModal.Blocks.Reason, "speaker is ill"));
            await Command(app, t, "/task unblock T2", Shared);

            var mine = await Command(app, t, "/task list mine", Shared);
            Assert.Contains($"{t.Marker} write the invitation", mine.Text);
            Assert.Contains($"{t.Marker} book the venue", mine.Text);
            await Click(app, t, mine.Body!, $"{TaskPostponeButton.ActionId}:T2", Shared);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), Shared).Date(PostponeTaskModal.Blocks.NewDate, Today.AddDays(3)).Text(PostponeTaskModal.Blocks.Reason, "venue closed"));
            await Click(app, t, mine.Body!, $"{TaskBlockButton.ActionId}:T2", Shared);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), Shared).Select(BlockTaskModal.Blocks.Reason, "Budget").Text(BlockTaskModal.Blocks.Note, $"{t.Marker} deposit again"));
            await Click(app, t, mine.Body!, $"{TaskDoneButton.ActionId}:T1", Shared);
            Assert.Contains($"{t.Marker} book the venue", (await Command(app, t, "/task list")).Text);
        });

        // Study: a learning, the search, E1 concluded from its card's button.
        await Each(async t =>
        {
            await Command(app, t, "/learning new");
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(L.Text, $"{t.Marker} customers want case studies").Select(L.Kind, "Icp"));
            var search = await Command(app, t, "/learning search customers case studies");
            Assert.Contains("1 match for", search.Text);
            Assert.Contains(t.Marker, search.Text);

            var card = await Command(app, t, "/experiment show E1");
            await Click(app, t, card.Body!, $"{ConcludeExperimentButton.ActionId}:E1", t.Member);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Radio(C.Outcome, "Worked").Text(C.Result, $"{t.Marker}: 3 new leads")
                .Text(C.Learning, $"{t.Marker} partners bring warm leads").Radio(C.Decision, "Scale").Text(C.Spent, "300").Text(C.Results, "3"));
            var board = await Command(app, t, "/experiment board");
            Assert.Contains($"{t.Marker} partner webinar", board.Text);
            Assert.Contains("€100 per lead", board.Text);
        });

        // The App Home, its New experiment button, the report preview, a pause, the export.
        var exported = new Dictionary<string, string>();
        await Each(async t =>
        {
            await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = t.Member, ["channel"] = $"D{t.Id}", ["tab"] = "home", ["event_ts"] = "1763460000.000300" },
                team: t.Id);
            await app.Idle();
            var home = app.Slack.CallsTo("views.publish").Last(c => c.Token == t.Workspace.BotToken);
            Assert.Contains($"{t.Marker} North Star", home.AllText);
            Assert.Contains($"{t.Marker} customers want case studies", home.AllText);
            await Click(app, t, home.View!, HomeNewExperimentButton.ActionId, t.Member);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(B.Name, $"{t.Marker} referral bonus").Text(B.Hypothesis, "Customers refer peers")
                .Select(B.Stage, "Referral").Text(B.Metric, "referrals").Number(B.Impact, "4").Number(B.Confidence, "4").Number(B.Ease, "4"));
            Assert.Contains($"Abandoned E3 · {t.Marker} referral bonus", (await Command(app, t, "/experiment abandon E3")).Text);

            Assert.Contains($"Main goal: {t.CheckIn}/100 leads", (await Command(app, t, "/growth report")).Text);
            await Command(app, t, "/growth pipeline", t.Sales);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Sales).Text(P.OpenOpportunities, $"{t.CheckIn}").Text(P.AverageDealSize, "1000")
                .Text(P.WinRate, "20").Text(P.SalesCycleDays, "10"));
            Assert.Contains("Pipeline velocity", (await Command(app, t, "/growth report")).Text);
            await Command(app, t, "/growth pause 2026-11-19");
            await Command(app, t, "/growth resume");
            var before = slack.Calls.Count;
            await Command(app, t, "/growth export");
            // The export is the upload shared to the person's DM; the charts' uploads stay private to the bot.
            await slack.WaitFor("files.completeUploadExternal", c => c.Token == t.Workspace.BotToken && c.Str("channel_id") is not null);
            exported[t.Id] = string.Join("\n", slack.Calls.Skip(before).Where(c => c.Method == "upload" && c.Str("utf8_bom") == "true").Select(c => c.Str("content")));
        });

        // Monday: the scheduled posts, made for every installed team in one run each, as Quartz makes them.
        var posts = app.Service<ScheduledPosts>();
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
        await Scheduled(app, teams, () => posts.Run(Schedule.WeeklyReport, CancellationToken.None));
        await Scheduled(app, teams, () => posts.Run(Schedule.TaskNudges, CancellationToken.None));

        // What they ask people to do: rate the leads in the report's thread, answer the nudge.
        await Each(async t =>
        {
            var report = slack.Messages(t.Channel).First(m => m["thread_ts"] is null);
            var posted = slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == t.Channel).ToList();
            Assert.Contains($"{t.Marker} partner webinar", posted[0].AllText);
            var ask = posted.Single(c => SlackIds.ActionIds(c.Args).Any(id => id.StartsWith(LeadQualityButton.ActionId + ":")));
            await Click(app, t, ask.Args, $"{LeadQualityButton.ActionId}:E1:Good", t.Sales);
            await Click(app, t, ask.Args, $"{LeadQualityReasonSelect.ActionId}:E1", t.Sales, selected: "NotReachable");
            await app.Event(new JsonObject
            {
                ["type"] = "message", ["user"] = t.Sales, ["channel"] = t.Channel, ["text"] = $"{t.Marker}: E1 leads look solid",
                ["ts"] = "1763900000.000100", ["thread_ts"] = report["ts"]!.GetValue<string>(),
            }, team: t.Id);

            var nudge = slack.CallsTo("chat.postMessage").Last(c => c.Str("channel") == $"D{t.Id}-{Shared}" && c.AllText.Contains("book the venue"));
            Assert.Contains($"{t.Marker} book the venue", nudge.AllText);
            await Click(app, t, nudge.Args, $"{TaskStillBlockedButton.ActionId}:T2", Shared);
        });

        // Friday: the check-in DM and the reminder about E2, which ran past its end; both answered.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero));
        await Scheduled(app, teams, () => posts.Run(Schedule.OkrCheckIn, CancellationToken.None));
        await Scheduled(app, teams, () => posts.Run(Schedule.ExperimentDue, CancellationToken.None));
        await Scheduled(app, teams, () => posts.Run(Schedule.PipelineCheckIn, CancellationToken.None));
        await Each(async t =>
        {
            var checkIn = slack.CallsTo("chat.postMessage").Last(c => c.Str("channel") == $"D{t.Id}-{t.Member}" && SlackIds.ActionIds(c.Args).Any(id => id.StartsWith(OkrCheckInButton.ActionId)));
            await Click(app, t, checkIn.Args, SlackIds.ActionIds(checkIn.Args).First(id => id.StartsWith(OkrCheckInButton.ActionId)), t.Member);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(K.Value, "30").Select(K.Confidence, "OnTrack"));
            // The pipeline was last checked in the week before: sales are asked again, and answer through the DM's button.
            var pipeline = slack.CallsTo("chat.postMessage").Last(c => c.Str("channel") == $"D{t.Id}-{t.Sales}" && SlackIds.ActionIds(c.Args).Contains(PipelineCheckInButton.ActionId));
            await Click(app, t, pipeline.Args, PipelineCheckInButton.ActionId, t.Sales);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Sales).Text(P.OpenOpportunities, $"{t.CheckIn + 10}"));
            var due = slack.CallsTo("chat.postMessage").Last(c => c.Str("channel") == $"D{t.Id}-{t.Member}" && c.AllText.Contains("cold email"));
            await Click(app, t, due.Args, $"{ConcludeExperimentButton.ActionId}:E2", t.Member);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Radio(C.Outcome, "Inconclusive").Text(C.Result, "2 replies")
                .Text(C.Learning, $"{t.Marker} cold email needs a better list").Radio(C.Decision, "Iterate"));
        });

        // A lead stops asking sales, and the report asked for then asks the lead to choose someone, with a button to the
        // settings, where the sales person is chosen again.
        await Each(async t =>
        {
            await Command(app, t, "/growth settings", t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).PickUsers(S.Sales));
            app.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.Contains("Posted the report", (await Command(app, t, "/growth report now", t.Lead)).Text);
            var choose = slack.CallsTo("chat.postMessage").Last(c => c.Str("channel") == t.Channel && c.AllText.Contains("nobody is set"));
            await Click(app, t, choose.AsPosted(), OpenSettingsButton.ActionId, t.Lead);
            await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Lead).PickUsers(S.Sales, t.Sales));
        });

        // Hostile requests: each team submits the other's row ids, which its own modals never offer.
        var keyResults = await RowIds(app, "key_results");
        var experiments = await RowIds(app, "experiments");
        await Each(async t =>
        {
            await Command(app, t, "/okr update");
            var refused = await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Select(K.KeyResult, keyResults[Other(t).Id].ToString())
                .Text(K.Value, "999").Select(K.Confidence, "OffTrack"));
            Assert.Equal("errors", refused.ResponseAction);
            await Command(app, t, "/learning new");
            var foreign = await Submit(app, t, ViewSubmission.Of(Opened(app, t), t.Member).Text(L.Text, "stolen").Select(L.Kind, "Experiment")
                .Select(L.Experiment, experiments[Other(t).Id].ToString()));
            Assert.Equal("errors", foreign.ResponseAction);
        });

        // The quarter is over: each lead is offered the next one.
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        await Each(async t =>
        {
            var over = await Command(app, t, "/okr", t.Lead);
            Assert.Contains("Quarter ended", over.Text);
            await Click(app, t, over.Body!, SetNextPeriodButton.ActionId, t.Lead);
            Assert.Contains("\"initial_date\":\"2027-01-01\"", Opened(app, t).View!.ToJsonString());
        });

        // Every button, modal and external select the bot answers was used by both teams.
        var registry = app.Service<SlackHandlerRegistry>();
        foreach (var t in teams)
        {
            Assert.Empty(registry.Actions.Except(t.Clicked));
            Assert.Empty(registry.ViewSubmissions.Except(t.Submitted));
            Assert.Empty(registry.OptionsProviders.Except(t.Asked));
        }

        // Neither team's data is under the other's id: both did the same things, so every table holds as many rows for each.
        await using var db = await app.Db();
        foreach (var table in await TeamTables(app, db))
        {
            var counts = (await db.QueryAsync<(string Team, long Rows)>($"SELECT team_id, COUNT(*) FROM {table} GROUP BY team_id")).ToDictionary(r => r.Team, r => r.Rows);
            Assert.True(counts.Keys.All(k => k is "T0ZEPHYR" or "T0QUOKKA"), $"{table} holds rows of {string.Join(", ", counts.Keys)}");
            Assert.True(counts.GetValueOrDefault("T0ZEPHYR") == counts.GetValueOrDefault("T0QUOKKA"), $"{table}: {string.Join(", ", counts)}");
        }
        foreach (var t in teams)
        {
            var rows = await db.QuerySingleAsync<(string Name, string Outcome)>("SELECT name, outcome FROM experiments WHERE team_id = @Id AND number = 1", new { t.Id });
            Assert.Equal(($"{t.Marker} partner webinar", "Worked"), rows);
            Assert.Equal(["Good"], await db.QueryAsync<string>("SELECT quality FROM lead_ratings WHERE team_id = @Id AND quality IS NOT NULL", new { t.Id }));
            Assert.Equal(30.0, await db.ExecuteScalarAsync<double>("SELECT current FROM key_results WHERE team_id = @Id", new { t.Id }));
            Assert.Contains($"{t.Marker} write the invitation", exported[t.Id]);
            Assert.Contains($"{t.Marker} customers want case studies", exported[t.Id]);
            Assert.DoesNotContain(Other(t).Marker, exported[t.Id]);
        }
        Assert.All(slack.Calls.Where(c => c.Token is not null), c => Assert.Contains(c.Token, teams.Select(t => t.Workspace.BotToken)));
        // The charts (report thread, /okr, App Home) were uploaded in each team's own workspace and shown only there.
        foreach (var t in teams)
        {
            Assert.Contains(slack.Files.Values, f => f.TeamId == t.Id && f.Name == "KR1-trend.png" && f.Completed);
            var shown = slack.Calls.Where(c => c.Token == t.Workspace.BotToken && c.Response is not null)
                .SelectMany(c => FakeSlack.ImageFiles(c.Method.StartsWith("views.") ? c.View?["blocks"] : c.Args["blocks"])).ToList();
            Assert.NotEmpty(shown);
            Assert.All(shown, id => Assert.Equal(t.Id, slack.Files[id].TeamId));
        }
    }

    private static Team NewTeam(FakeSlack slack, string marker, string teamId, string channel, int checkIn)
    {
        var workspace = slack.AddWorkspace(teamId, $"{marker} Inc");
        var team = new Team(marker, workspace, $"U{teamId}LEAD", $"U{teamId}MEMBER", $"U{teamId}SALES", channel, checkIn);
        slack.AddMember(workspace, team.Lead, admin: true);
        slack.AddMember(workspace, team.Member);
        slack.AddMember(workspace, team.Sales);
        slack.AddMember(workspace, Shared);
        slack.AddUserGroup(workspace, $"S{teamId}", $"{marker.ToLowerInvariant()}-sales", $"{marker} sales");
        return team;
    }

    private static Task<SlackReply> Command(GrowthBotApp app, Team t, string line, string? user = null) =>
        app.Command(line, user ?? t.Member, t.Channel, t.Id);

    private static Task<SlackReply> Submit(GrowthBotApp app, Team t, ViewSubmission submission)
    {
        t.Submitted.Add(submission.CallbackId!);
        return app.Submit(submission, t.Id);
    }

    /// <summary>Changes an input of an open modal that dispatches its changes, as the person does in Slack.</summary>
    private static Task<SlackReply> Change(GrowthBotApp app, Team t, ViewSubmission form, string blockId)
    {
        t.Clicked.Add(ExperimentKeyResultSelect.ActionId);
        return app.Change(form, blockId, t.Id);
    }

    private static Task<SlackReply> Click(GrowthBotApp app, Team t, JsonNode source, string actionId, string user, string? selected = null)
    {
        t.Clicked.Add(actionId.Split(':')[0]);
        return app.Click(source, actionId, user, t.Channel, selected, t.Id);
    }

    /// <summary>The last modal the bot opened in this team's workspace.</summary>
    private static SlackCall Opened(GrowthBotApp app, Team t) => app.Slack.CallsTo("views.open").Last(c => c.Token == t.Workspace.BotToken);

    /// <summary>
    /// One team's step, and everything it made the bot send (App Home refreshes included, whose short window is let
    /// pass): each Web API call with this team's token, each reply through this team's response_url or in the ack, and
    /// none of it naming the other team's data, channel, id or token.
    /// </summary>
    private static async Task As(GrowthBotApp app, Team t, Team other, Func<Task> step)
    {
        await app.Idle();
        var (calls, acks) = (app.Slack.Calls.Count, app.Acks.Count);
        await step();
        await app.Idle();
        app.Time.Advance(HomePublisher.Window);
        await app.Idle();
        foreach (var call in app.Slack.Calls.Skip(calls))
        {
            if (call.Method == "response_url") Assert.StartsWith($"{t.Id}-", call.Path);
            else if (call.Method != "upload") Assert.True(call.Token == t.Workspace.BotToken, $"{t}'s step made {call.Method} with another token");
            Clean(call.Args, t, other, call.Method);
        }
        foreach (var ack in app.Acks.Skip(acks)) Clean(ack, t, other, "an acknowledgement");
    }

    /// <summary>A run for every team: each call goes with the token of the team whose channel or person it is for, and names nothing of the other.</summary>
    private static async Task Scheduled(GrowthBotApp app, IReadOnlyList<Team> teams, Func<Task> run)
    {
        await app.Idle();
        var before = app.Slack.Calls.Count;
        await run();
        await app.Idle();
        var calls = app.Slack.Calls.Skip(before).ToList();
        foreach (var t in teams) Assert.Contains(calls, c => c.Token == t.Workspace.BotToken);
        foreach (var call in calls)
        {
            var t = teams.Single(t => t.Workspace.BotToken == call.Token);
            var other = teams.Single(o => o != t);
            Clean(call.Args, t, other, call.Method);
            if (call.Str("channel") is { } channel) Assert.True(channel == t.Channel || channel.StartsWith($"D{t.Id}-"), $"{t}'s token posted to {channel}");
        }
    }

    private static void Clean(JsonNode payload, Team t, Team other, string what)
    {
        var json = payload.ToJsonString();
        foreach (var foreign in new[] { other.Marker, other.Id, other.Channel, other.Workspace.BotToken, other.Member, other.Lead })
            Assert.False(json.Contains(foreign, StringComparison.Ordinal), $"{what} for {t} contains {other}'s '{foreign}': {json}");
    }

    private static async Task<Dictionary<string, long>> RowIds(GrowthBotApp app, string table)
    {
        await using var db = await app.Db();
        return (await db.QueryAsync<(string Team, long Id)>($"SELECT team_id, MIN(id) FROM {table} GROUP BY team_id")).ToDictionary(r => r.Team, r => r.Id);
    }

    /// <summary>Every table with a team_id column but Quartz's, the search index included (read from the database's catalogue).</summary>
    private static async Task<IReadOnlyList<string>> TeamTables(GrowthBotApp app, System.Data.Common.DbConnection db)
    {
        var withTeam = (await app.TestDatabase.Tables(db)).Where(t => !t.Key.StartsWith("qrtz") && t.Value.Contains("team_id")).Select(t => t.Key).ToList();
        Assert.Contains("experiments", withTeam);
        Assert.Contains("search_index", withTeam);
        return withTeam;
    }
}
