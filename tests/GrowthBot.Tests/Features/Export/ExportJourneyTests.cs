using System.Text;
using System.Text.Json.Nodes;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Icp;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Export;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Export;

public class ExportJourneyTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static async Task Seed(GrowthBotApp app)
    {
        var experiment = await app.Service<ExperimentStore>().Add(new Experiment
        {
            TeamId = GrowthBotApp.TeamId, Name = "InMail, \"CMO\" edition", Hypothesis = "CMOs answer\nbecause they are active", Stage = FunnelStage.Acquisition,
            Ice = new IceScore(8, 6, 7), OwnerId = GrowthBotApp.Alice, StartDate = Today, EndDate = Today.AddDays(7), CreatedBy = GrowthBotApp.Alice, CreatedAt = Now,
        });
        var tasks = app.Service<TaskStore>();
        var task = await tasks.Add(new GrowthTask { TeamId = GrowthBotApp.TeamId, ExperimentId = experiment.Id, Title = "Write copy", OwnerId = GrowthBotApp.Bob, DueDate = Today, CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });
        await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Budget, "=SUM(A1) needs 200 EUR", GrowthBotApp.Bob, Now);
        await tasks.Postpone(task.Id, GrowthBotApp.TeamId, Today.AddDays(2), "waiting, still", GrowthBotApp.Bob, Now);
        await app.Service<LearningStore>().Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Icp, Text = "Välimäki's CMO → very active", ExperimentId = experiment.Id, CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });
        var okrs = app.Service<OkrStore>();
        var okr = await okrs.SetObjective(GrowthBotApp.TeamId, "100 new leads", "Q4 2026", [new KeyResultDraft("New leads", 0, 100, "new leads", GrowthBotApp.Alice)], GrowthBotApp.Lead, Now);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26.5m, KrConfidence.OnTrack, "good week", GrowthBotApp.Alice, Now);
        await app.Service<ExperimentStore>().Update(experiment with { Budget = 800, ResultUnit = "lead" }, Now);
        await app.Service<ExperimentStore>().RecordSpend(GrowthBotApp.TeamId, experiment.Id, 500, 12, GrowthBotApp.Alice, Now);
        await app.Service<PipelineStore>().Add(new Domain.Pipeline.PipelineCheckIn
        {
            TeamId = GrowthBotApp.TeamId, OpenOpportunities = 40, AverageDealSize = 5000, WinRate = 24.5m, SalesCycleDays = 20, CreatedBy = GrowthBotApp.Bob, CreatedAt = Now,
        });
    }

    [Fact]
    public async Task Growth_export_acks_at_once_then_uploads_csv_files_to_the_callers_dm()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);

        var reply = await app.Command("/growth export");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("Preparing your export", reply.Text);
        var complete = await app.Slack.WaitFor("files.completeUploadExternal");
        await app.Idle();

        var urls = app.Slack.CallsTo("files.getUploadURLExternal");
        Assert.Equal(["experiments.csv", "tasks.csv", "task_blockers.csv", "task_postponements.csv", "learnings.csv", "check_ins.csv", "weekly_targets.csv", "kpis.csv", "icp.csv",
            "spend.csv", "pipeline.csv"], urls.Select(c => c.Str("filename")));
        var uploads = app.Slack.CallsTo("upload");
        Assert.Equal(urls.Count, uploads.Count);
        Assert.All(uploads, u => Assert.Equal("true", u.Str("utf8_bom")));
        Assert.All(urls.Zip(uploads), p => Assert.Equal(p.First.Str("length"), p.Second.Str("bytes")));

        Assert.Equal($"D{GrowthBotApp.Alice}", complete.Str("channel_id"));
        Assert.Contains("Your GrowthBot export", complete.Str("initial_comment"));
        var shared = JsonNode.Parse(complete.Str("files")!)!.AsArray().Select(f => f!["id"]!.GetValue<string>());
        Assert.Equal(uploads.Select(u => u.Str("file_id")), shared);
        Assert.Single(app.Slack.CallsTo("conversations.open"));
    }

    [Fact]
    public async Task The_exported_csv_quotes_by_rfc_4180_and_reads_back_to_what_was_stored()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);

        await app.Command("/growth export");
        await app.Slack.WaitFor("files.completeUploadExternal");
        await app.Idle();
        string Content(int i) => app.Slack.CallsTo("upload")[i].Str("content")!;

        var experiments = Content(0);
        Assert.Contains("\"InMail, \"\"CMO\"\" edition\"", experiments);
        Assert.EndsWith("\r\n", experiments);
        var rows = ParseCsv(experiments);
        Assert.Equal("name", rows[0][1]);
        Assert.Equal(("E1", "InMail, \"CMO\" edition", "CMOs answer\nbecause they are active", "7"), (rows[1][0], rows[1][1], rows[1][4], rows[1][10]));
        var experiment = rows[1].Select((v, i) => (rows[0][i], v)).ToDictionary(p => p.Item1, p => p.v);
        Assert.Equal(("", "no"), (experiment["next_step"], experiment["brings_leads"]));

        var tasks = ParseCsv(Content(1));
        var task = tasks[1].Select((v, i) => (tasks[0][i], v)).ToDictionary(p => p.Item1, p => p.v);
        Assert.Equal(("T1", "E1", "2026-11-18", "2026-11-20", "1", "yes", "Budget", "'=SUM(A1) needs 200 EUR"),
            (task["id"], task["experiment"], task["original_due_date"], task["due_date"], task["postponements"], task["blocked"], task["blocker_reason"], task["blocker_note"]));

        Assert.Equal(["T1", "Write copy", "2026-11-18", "2026-11-20", "waiting, still", GrowthBotApp.Bob, "2026-11-18 10:00:00"], ParseCsv(Content(3))[1]);
        Assert.Equal("Välimäki's CMO → very active", ParseCsv(Content(4))[1][2]);
        var checkIn = ParseCsv(Content(5))[1];
        Assert.Equal(["KR1", "New leads", "26.5", "0", "100", "new leads", "OnTrack", "good week"], checkIn.Take(8));

        Assert.Equal(("EUR", "800.00", "500.00", "12", "lead", "41.67"),
            (experiment["currency"], experiment["budget"], experiment["spent"], experiment["results"], experiment["result_unit"], experiment["cost_per_result"]));
        var spend = ParseCsv(Content(app.Slack.CallsTo("files.getUploadURLExternal").ToList().FindIndex(c => c.Str("filename") == "spend.csv")));
        Assert.Equal(["experiment", "experiment_name", "currency", "spent_in_all", "results", "recorded_by", "recorded_at_utc"], spend[0]);
        Assert.Equal(["E1", "InMail, \"CMO\" edition", "EUR", "500.00", "12", GrowthBotApp.Alice, "2026-11-18 10:00:00"], spend[1]);
        var pipeline = ParseCsv(Content(app.Slack.CallsTo("files.getUploadURLExternal").ToList().FindIndex(c => c.Str("filename") == "pipeline.csv")));
        Assert.Equal(["open_opportunities", "average_deal_size", "currency", "win_rate_percent", "sales_cycle_days", "velocity_per_day", "checked_in_by", "checked_in_at_utc"], pipeline[0]);
        Assert.Equal(["40", "5000.00", "EUR", "24.5", "20", "2450.00", GrowthBotApp.Bob, "2026-11-18 10:00:00"], pipeline[1]);
    }

    [Fact]
    public async Task The_export_has_the_kpi_definitions_the_ideal_customer_profile_and_the_weekly_targets()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);
        var lead = await app.Service<KpiStore>().Add(new Kpi
        {
            TeamId = GrowthBotApp.TeamId, Name = "Lead", Definition = "A decision-maker, who booked a call", Measurement = "=HubSpot", OwnerId = GrowthBotApp.Alice,
            Unit = "leads", CreatedBy = GrowthBotApp.Lead, CreatedAt = Now,
        });
        await app.Service<IcpStore>().Save(new IdealCustomerProfile
        {
            TeamId = GrowthBotApp.TeamId, Titles = "CMO, Head of Growth", CompanySize = "50–500", Notes = "Not agencies", UpdatedBy = GrowthBotApp.Lead, UpdatedAt = Now,
        });
        var okrs = app.Service<OkrStore>();
        var kr = (await okrs.Current(GrowthBotApp.TeamId))!.KeyResults[0];
        await okrs.SetWeeklyTargets(GrowthBotApp.TeamId, new DateOnly(2026, 11, 16), new Dictionary<long, decimal?> { [kr.Id] = 12m }, GrowthBotApp.Alice, Now);

        await app.Command("/growth export");
        await app.Slack.WaitFor("files.completeUploadExternal");
        await app.Idle();
        List<List<string>> File(string name) =>
            ParseCsv(app.Slack.CallsTo("upload")[app.Slack.CallsTo("files.getUploadURLExternal").ToList().FindIndex(c => c.Str("filename") == name)].Str("content")!);

        var kpis = File("kpis.csv");
        Assert.Equal(["id", "name", "definition", "measurement", "owner", "unit", "direction"], kpis[0].Take(7));
        Assert.Equal([lead.Kpi!.ShortId, "Lead", "A decision-maker, who booked a call", "'=HubSpot", GrowthBotApp.Alice, "leads", "HigherIsBetter"], kpis[1].Take(7));

        var icp = File("icp.csv");
        Assert.Equal(["CMO, Head of Growth", "", "", "50–500", "", "", "Not agencies", GrowthBotApp.Lead, "2026-11-18 10:00:00"], icp[1]);

        // Q4 2026 runs from Thursday 1 October, so its first week starts Monday 28 September; now is in its eighth week.
        var weeks = File("weekly_targets.csv");
        Assert.Equal(9, weeks.Count);
        var week8 = weeks[8].Select((v, i) => (weeks[0][i], v)).ToDictionary(p => p.Item1, p => p.v);
        Assert.Equal(("KR1", "Q4 2026", "2026-10-01", "2026-12-31", "2026-11-16", "8", "12", GrowthBotApp.Alice, "14.29", "26.5"),
            (week8["key_result"], week8["period"], week8["period_start"], week8["period_end"], week8["week_start"], week8["week"], week8["target"], week8["set_by"],
             week8["default_target"], week8["done"]));
        Assert.Equal(("2026-09-28", "7.15", "", ""), (weeks[1][5], weeks[1][7], weeks[1][8], weeks[1][10]));
    }

    [Fact]
    public async Task When_slack_refuses_the_upload_the_user_is_told_to_try_again()
    {
        await using var app = await GrowthBotApp.Start();
        app.Slack.Script("files.getUploadURLExternal", FakeResponse.Fail("not_allowed_token_type"));

        await app.Command("/growth export");

        var told = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("could not be uploaded"));
        Assert.Contains("not_allowed_token_type", told.AllText);
        Assert.Empty(app.Slack.CallsTo("files.completeUploadExternal"));
    }

    [Fact]
    public async Task Growth_without_a_known_subcommand_prints_its_usage()
    {
        await using var app = await GrowthBotApp.Start();

        Assert.Contains("/growth export", (await app.Command("/growth")).Text);
        Assert.Contains("I don't know `/growth fly`", (await app.Command("/growth fly")).Text);
    }

    [Fact]
    public void The_file_bytes_start_with_the_utf8_byte_order_mark()
    {
        var file = new CsvFile("a.csv", "A", "a", "x\r\n", 0);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', 13, 10 }, file.Bytes());
    }

    /// <summary>An RFC 4180 reader, independent of the writer, so the round trip proves the quoting.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
                i++;
            }
            else field.Append(c);
        }
        Assert.True(field.Length == 0 && record.Count == 0, "The CSV must end with CRLF");
        return records;
    }
}
