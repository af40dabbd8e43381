using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Verification;
using GrowthBot.Testing;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Hardening;

/// <summary>
/// Thousands of correctly signed requests that are malformed or hostile, generated deterministically: the bot
/// must answer each with something other than a 5xx, keep serving, leave stored data alone (apart from
/// experiments a request validly created), and never answer with Block Kit Slack would reject.
/// </summary>
public class HostileInputTests
{
    private const int Requests = 2000;

    private static readonly string Huge = new('A', 100_000);

    private static readonly string[] HostileText =
    [
        "'; DROP TABLE experiments; --",
        "Robert'); DELETE FROM experiments WHERE 1=1; --",
        "1 OR 1=1",
        Huge,
        "\u0000\u0001\u0007\b\u001b[31mred\u007f",
        "line\r\nbreak\ttab",
        "<!channel> <@U0LEAD> *bold* `code` &lt; &amp; <https://evil.example|click>",
        "🧪\u202Eevil\u200B\uFEFF",
        "\uD800 lone surrogate",
        "99999999999999999999",
        "-1",
        "1e308",
        "NaN",
        "9999-12-31",
        "0001-01-01",
        "2026-02-30",
        "",
        "   ",
        "E99999999999999999999",
        "E0",
        "%00%ZZ%",
        "{\"json\":true}",
    ];

    private const string Stranger = "U0MALLORY";

    private static readonly string[] ContentTypes =
        ["application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data; boundary=x", ""];

    [Fact]
    public async Task Thousands_of_hostile_requests_never_get_a_5xx_and_change_nothing_they_should_not()
    {
        await using var app = await GrowthBotApp.Start();
        await CreateExperiment(app, "LinkedIn InMail to CMOs");
        await CreateExperiment(app, "Cold email to VPs of Sales");
        await app.Idle();
        var before = await Snapshot(app);

        var random = new Random(20261118);
        var requests = Enumerable.Range(0, Requests).Select(i => Generate(random, app, i)).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var problems = new ConcurrentQueue<string>();
        var created = 0;

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, _) =>
        {
            using var response = await Send(app, request);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var raw = await response.Content.ReadAsStringAsync();
            if (status >= 500) problems.Enqueue($"{status} for {request.Describe}: {Cut(raw)}");
            if (request.MayCreate && status == 200 && raw.Length == 0) Interlocked.Increment(ref created);
            foreach (var violation in AckViolations(raw, response.Content.Headers.ContentType?.MediaType))
                problems.Enqueue($"Block Kit in the ack to {request.Describe}: {violation}");
        });
        await app.Idle();

        Assert.True(problems.IsEmpty, $"{problems.Count} problems; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}:\n{string.Join("\n", problems.Take(20))}");
        var list = await app.Command("/experiment list");
        Assert.Contains("LinkedIn InMail to CMOs", list.Text);
        Assert.Contains("Cold email to VPs of Sales", list.Text);

        var after = await Snapshot(app);
        Assert.Equal(before.Tables, after.Tables);
        Assert.Equal(before.ExperimentsUpTo(before.MaxExperimentId), after.ExperimentsUpTo(before.MaxExperimentId));
        Assert.True(created > 0, "Some submissions were hostile in text only, so valid, and should have been stored");
        Assert.Equal(before.ExperimentCount + created, after.ExperimentCount);
    }

    /// <summary>One request to send: path, body bytes and content type (null for none).</summary>
    private sealed record HostileRequest(string Path, byte[] Body, string? ContentType, string Describe, bool MayCreate = false);

    private static HostileRequest Generate(Random random, GrowthBotApp app, int i) => (i % 4) switch
    {
        0 => Command(random, app),
        1 => Interaction(random, app),
        2 => Options(random),
        _ => Event(random),
    };

    private static HostileRequest Command(Random random, GrowthBotApp app)
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "legacy-unused", ["team_id"] = GrowthBotApp.TeamId, ["channel_id"] = GrowthBotApp.GrowthChannel,
            ["user_id"] = GrowthBotApp.Alice, ["command"] = "/experiment", ["text"] = "list",
            ["response_url"] = app.Slack.ResponseUrl("hostile"), ["trigger_id"] = "1.2.3",
        };
        fields["text"] = random.Next(6) switch
        {
            0 => Pick(random, HostileText),
            1 => "show " + Pick(random, HostileText),
            2 => Pick(random, HostileText) + " " + Pick(random, HostileText),
            3 => Pick(random, ["list", "new", "help", "show E1", "show E2"]),
            4 => "new " + Pick(random, HostileText),
            _ => "show E1 " + Pick(random, HostileText),
        };
        if (random.Next(4) == 0) fields["command"] = Pick(random, ["/nope", "experiment", "/EXPERIMENT", .. HostileText]);
        if (random.Next(5) == 0) fields[Pick(random, fields.Keys.ToArray())] = Pick(random, HostileText);
        if (random.Next(5) == 0) fields.Remove(Pick(random, fields.Keys.ToArray()));
        if (random.Next(8) == 0) fields["response_url"] = Pick(random, ["http://evil.example/x", "javascript:alert(1)", "not a url", "file:///etc/passwd"]);
        var body = random.Next(12) == 0 ? "" : GrowthBotApp.Form(fields);
        var type = random.Next(6) == 0 ? Pick(random, ContentTypes) : "application/x-www-form-urlencoded";
        return Request("/slack/command", body, type, $"command {Cut(fields.GetValueOrDefault("command") ?? "")} {Cut(fields.GetValueOrDefault("text") ?? "")}");
    }

    private static HostileRequest Interaction(Random random, GrowthBotApp app)
    {
        // A stranger, not the creator of the seeded experiments: a well-formed click of theirs (e.g. experiment_start:E1)
        // must be refused, while Alice, who created them, could legitimately start them.
        var user = new JsonObject { ["id"] = Stranger, ["team_id"] = GrowthBotApp.TeamId };
        var team = new JsonObject { ["id"] = GrowthBotApp.TeamId };
        string payload;
        var mayCreate = false;
        switch (random.Next(12))
        {
            case 0:
                payload = Pick(random, ["{", "not json", "[]", "null", "\"string\"", "42", "{\"type\":", Huge, .. HostileText]);
                break;
            case 1:
                payload = Nested(random.Next(50, 5000));
                break;
            case 2:
                payload = Pick(random, [
                    "{\"type\":\"view_submission\",\"user\":5}",
                    "{\"type\":\"view_submission\",\"user\":null,\"view\":{\"callback_id\":\"experiment_new\"}}",
                    "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"},\"view\":null}",
                    "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"},\"view\":{\"callback_id\":5}}",
                    "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"},\"view\":{\"callback_id\":\"experiment_new\",\"state\":null}}",
                    "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"},\"view\":{\"callback_id\":\"experiment_new\",\"state\":{\"values\":{\"name\":{\"value\":{\"value\":5}}}}}}",
                    "{\"type\":\"view_submission\",\"user\":{\"id\":null},\"view\":{\"callback_id\":\"experiment_new\",\"state\":{\"values\":null}}}",
                    "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":null}",
                    "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":[null]}",
                    "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":[{\"action_id\":null}]}",
                    "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0ALICE\"},\"actions\":{}}",
                    "{\"type\":\"view_closed\",\"user\":{\"id\":\"U0ALICE\"},\"view\":null}",
                    "{\"type\":\"block_suggestion\",\"user\":{\"id\":\"U0ALICE\"},\"action_id\":null,\"value\":null}",
                    "{\"type\":\"shortcut\",\"user\":{\"id\":\"U0ALICE\"},\"callback_id\":\"x\"}",
                    "{\"type\":null,\"user\":{\"id\":\"U0ALICE\"}}",
                    "{\"type\":\"view_submission\"}",
                    "{\"type\":\"block_actions\",\"user\":{},\"actions\":[]}",
                ]);
                break;
            case 3:
                payload = new JsonObject
                {
                    ["type"] = "view_submission", ["team"] = team, ["user"] = user,
                    ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = Pick(random, ["nope", "experiment_new_", "EXPERIMENT_NEW", .. HostileText]), ["state"] = new JsonObject { ["values"] = new JsonObject() } },
                }.ToJsonString();
                break;
            case 4:
                payload = new JsonObject
                {
                    ["type"] = "block_actions", ["team"] = team, ["user"] = user, ["response_url"] = app.Slack.ResponseUrl("act"),
                    ["actions"] = new JsonArray(new JsonObject { ["action_id"] = Pick(random, ["nope", "experiment_start:E1", "x:y:z", .. HostileText]), ["value"] = Pick(random, HostileText) }),
                }.ToJsonString();
                break;
            case 5:
                payload = new JsonObject
                {
                    ["type"] = "view_closed", ["team"] = team, ["user"] = user,
                    ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = Pick(random, ["nope", NewExperimentModal.CallbackId, .. HostileText]) },
                }.ToJsonString();
                break;
            default:
                payload = NewExperimentSubmission(random, app, user, team);
                mayCreate = true;
                break;
        }
        var type = random.Next(10) == 0 ? Pick(random, ContentTypes) : "application/x-www-form-urlencoded";
        var body = random.Next(15) == 0 ? "" : random.Next(15) == 0 ? "paylod=" + Uri.EscapeDataString(payload) : "payload=" + Uri.EscapeDataString(payload);
        return Request("/slack/action", body, type, $"action {Cut(payload)}", mayCreate && type == "application/x-www-form-urlencoded");
    }

    /// <summary>The New experiment modal, submitted with hostile values in random fields (some of it is still valid).</summary>
    private static string NewExperimentSubmission(Random random, GrowthBotApp app, JsonObject user, JsonObject team)
    {
        JsonObject Value(string type, JsonNode? value) => new() { [ViewValues.Action] = new JsonObject { ["type"] = type, ["value"] = value } };
        JsonNode? Maybe(string good) => random.Next(3) == 0 ? Pick(random, HostileText) : good;
        var values = new JsonObject
        {
            [B.Name] = Value("plain_text_input", Maybe("Webinar with a partner")),
            [B.Hypothesis] = Value("plain_text_input", Maybe("Partners bring warm leads")),
            [B.Stage] = new JsonObject { [ViewValues.Action] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = Maybe("Acquisition") } } },
            [B.Impact] = Value("number_input", Maybe("7")),
            [B.Confidence] = Value("number_input", Maybe("5")),
            [B.Ease] = Value("number_input", Maybe("6")),
            [B.Owner] = new JsonObject { [ViewValues.Action] = new JsonObject { ["type"] = "users_select", ["selected_user"] = Maybe(GrowthBotApp.Bob) } },
            [B.Start] = new JsonObject { [ViewValues.Action] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = Maybe("2026-11-18") } },
            [B.End] = new JsonObject { [ViewValues.Action] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = Maybe("2026-11-25") } },
        };
        if (random.Next(4) == 0) values[B.KeyResult] = new JsonObject { [ViewValues.Action] = new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = Pick(random, ["1", "-1", "99999999999999999999", "9223372036854775807", .. HostileText]) } } };
        if (random.Next(6) == 0) values.Remove(Pick(random, values.Select(v => v.Key).ToArray()));
        var metadata = random.Next(4) switch
        {
            0 => Pick(random, ["{", "null", "[]", "{\"channel_id\":5}", .. HostileText]),
            1 => new ModalOrigin(GrowthBotApp.GrowthChannel, Pick(random, ["http://evil.example/x", "not a url"])).Serialize(),
            _ => new ModalOrigin(GrowthBotApp.GrowthChannel, app.Slack.ResponseUrl("submit")).Serialize(),
        };
        return new JsonObject
        {
            ["type"] = "view_submission", ["team"] = team, ["user"] = user, ["trigger_id"] = "1.2.3",
            ["view"] = new JsonObject
            {
                ["id"] = "V1", ["type"] = "modal", ["callback_id"] = NewExperimentModal.CallbackId, ["private_metadata"] = metadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
        }.ToJsonString();
    }

    private static HostileRequest Options(Random random)
    {
        var payload = random.Next(3) == 0
            ? Pick(random, ["{", "{\"type\":\"block_suggestion\"}", "{\"type\":\"block_suggestion\",\"user\":{\"id\":\"U\"},\"action_id\":5}", Nested(200), .. HostileText])
            : new JsonObject
            {
                ["type"] = "block_suggestion", ["user"] = new JsonObject { ["id"] = GrowthBotApp.Alice }, ["team"] = new JsonObject { ["id"] = GrowthBotApp.TeamId },
                ["action_id"] = Pick(random, ["nope", "key_result", .. HostileText]), ["block_id"] = Pick(random, HostileText), ["value"] = Pick(random, HostileText),
            }.ToJsonString();
        var type = random.Next(10) == 0 ? Pick(random, ContentTypes) : "application/x-www-form-urlencoded";
        return Request("/slack/options", "payload=" + Uri.EscapeDataString(payload), type, $"options {Cut(payload)}");
    }

    private static HostileRequest Event(Random random)
    {
        var inner = new JsonObject
        {
            ["type"] = Pick(random, ["app_mention", "message", "app_home_opened", "member_joined_channel", "nope", .. HostileText]),
            ["user"] = Pick(random, [GrowthBotApp.Alice, FakeSlack.BotUserId, .. HostileText]),
            ["text"] = Pick(random, HostileText), ["channel"] = GrowthBotApp.GrowthChannel, ["ts"] = Pick(random, ["1763460000.000100", .. HostileText]),
        };
        var body = random.Next(8) switch
        {
            0 => Pick(random, ["", "{", "null", "[]", "42", "not json", Nested(random.Next(50, 5000)), .. HostileText]),
            1 => "{\"type\":\"url_verification\",\"challenge\":" + Pick(random, ["5", "null", "{}", "\"" + Cut(Pick(random, HostileText)) + "\""]) + "}",
            2 => "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}",
            3 => "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":null}}",
            4 => "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":5,\"user\":[]}}",
            5 => "{\"type\":\"event_callback\",\"event\":" + inner.ToJsonString() + "}",
            _ => new JsonObject
            {
                ["type"] = "event_callback", ["team_id"] = Pick(random, [GrowthBotApp.TeamId, .. HostileText]),
                ["event_id"] = $"Ev{random.Next()}", ["event_time"] = Pick(random, [1763460000L, long.MaxValue, -1L]), ["event"] = inner,
            }.ToJsonString(),
        };
        var type = random.Next(6) == 0 ? Pick(random, ContentTypes) : "application/json";
        return Request("/slack/event", body, type, $"event {Cut(body)}");
    }

    private static HostileRequest Request(string path, string body, string contentType, string describe, bool mayCreate = false) =>
        new(path, Encoding.UTF8.GetBytes(body), contentType.Length == 0 ? null : contentType, describe, mayCreate);

    private static async Task<HttpResponseMessage> Send(GrowthBotApp app, HostileRequest hostile)
    {
        var timestamp = app.Time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, hostile.Path) { Content = new ByteArrayContent(hostile.Body) };
        if (hostile.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(GrowthBotApp.SigningSecret, timestamp, hostile.Body));
        return await app.Http.SendAsync(request);
    }

    /// <summary>Block Kit problems in an acknowledgement: a message (command or action reply) or a view (response_action).</summary>
    private static IReadOnlyList<string> AckViolations(string raw, string? mediaType)
    {
        if (mediaType != "application/json" || raw.Length == 0) return [];
        var body = JsonNode.Parse(raw);
        if (body is not JsonObject ack) return [];
        if (ack["view"] is { } view) return BlockKitChecker.CheckView(view);
        if (ack["text"] is not null || ack["blocks"] is not null) return BlockKitChecker.CheckMessage(ack);
        return [];
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Cut(string text) => text.Length > 80 ? text[..80] + "…" : text;

    private static async Task CreateExperiment(GrowthBotApp app, string name)
    {
        await app.Command("/experiment new");
        var reply = await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, name).Text(B.Hypothesis, "It works because it worked elsewhere").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7"));
        Assert.True(reply.IsEmptyAck, reply.Raw);
    }

    /// <summary>Every table's rows as text, plus the experiments separately (valid submissions may add to them).</summary>
    private sealed record DatabaseSnapshot(string Tables, IReadOnlyList<string> Experiments, long MaxExperimentId)
    {
        public int ExperimentCount => Experiments.Count;

        public IReadOnlyList<string> ExperimentsUpTo(long id) => Experiments.Where(e => long.Parse(e.Split('|')[0]) <= id).ToList();
    }

    private static async Task<DatabaseSnapshot> Snapshot(GrowthBotApp app)
    {
        await using var db = await app.Db();
        var postgres = app.TestDatabase.Kind == DatabaseKind.Postgres;
        var tables = (await db.QueryAsync<string>(postgres
            // PostgreSQL's search_index has no shadow tables (its pg_trgm index is an index, not a table).
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'processed_events' ORDER BY table_name"
            // processed_events is Slack-retry bookkeeping (event ids seen), not data anyone entered; the FTS shadow
            // tables (search_index_*, experiment_text* before migration 008) are derived from rows compared here anyway,
            // and so are search_index's experiment rows (triggers write them from the experiments compared below).
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' AND name NOT LIKE 'experiment_text%' AND name <> 'processed_events' ORDER BY name")).ToList();
        var text = new StringBuilder();
        List<string> experiments = [];
        foreach (var table in tables)
        {
            var rows = new List<string>();
            var derived = table == "search_index" ? " WHERE source <> 'experiment'" : "";
            // The first column is the row's id either way (SQLite's rowid; PostgreSQL tables start with theirs).
            await using var reader = await db.ExecuteReaderAsync(postgres ? $"SELECT * FROM \"{table}\"{derived}" : $"SELECT rowid, * FROM \"{table}\"{derived} ORDER BY rowid");
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            if (postgres) rows.Sort(StringComparer.Ordinal);
            if (table == "experiments") experiments = rows;
            else text.Append(table).Append('\n').AppendJoin('\n', rows).Append('\n');
        }
        var max = experiments.Count == 0 ? 0 : experiments.Max(e => long.Parse(e.Split('|')[0]));
        return new DatabaseSnapshot(text.ToString(), experiments, max);
    }
}
