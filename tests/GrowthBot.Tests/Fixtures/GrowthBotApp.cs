using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.Verification;
using GrowthBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// The real GrowthBot, started in-process against a <see cref="FakeSlack"/> and its own fresh database (SQLite, or
/// PostgreSQL in a test's PostgreSQL run: see <see cref="BothDatabasesFramework"/>), with a controllable clock.
/// Requests are signed exactly as Slack signs them.
/// <code>
/// await using var app = await GrowthBotApp.Start();
/// var reply = await app.Command("/experiment list");
/// </code>
/// </summary>
public sealed class GrowthBotApp : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string TeamId = "T0TEAM";
    public const string Alice = "U0ALICE";
    public const string Bob = "U0BOB";
    public const string Lead = "U0LEAD";
    public const string GrowthChannel = "C0GROWTH";

    /// <summary>Wednesday 18 November 2026, 10:00 UTC: the default "now" of every test.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly ConcurrentQueue<JsonNode> _acks = new();
    private int _triggers;

    private GrowthBotApp(FakeSlack slack, FakeTimeProvider time, TestDatabase database, WebApplicationFactory<Program> factory)
    {
        Slack = slack;
        Time = time;
        TestDatabase = database;
        _factory = factory;
        Http = factory.CreateClient();
    }

    public FakeSlack Slack { get; }
    public FakeTimeProvider Time { get; }
    /// <summary>The app's database; pass it to a second <see cref="Start"/> to restart on the same data.</summary>
    public TestDatabase TestDatabase { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _factory.Services;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Another browser on the app: its own cookies (or none kept at all), as a second person or an attacker has.</summary>
    public HttpClient NewBrowser(bool keepCookies = true) => _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = keepCookies });

    /// <summary>The acknowledgements the bot answered Slack's requests with, in order.</summary>
    public IReadOnlyList<JsonNode> Acks => [.. _acks];

    /// <summary>Everything the bot sent: its Web API calls and response_url posts, and the acknowledgements it answered with.</summary>
    public IReadOnlyList<JsonNode> Sent => [.. Slack.Calls.Select(c => (JsonNode)c.Args), .. _acks];

    /// <summary>
    /// Leaves the database and the fake Slack alone at dispose, so a second app can start on them
    /// (a restart). The last app to use them cleans up.
    /// </summary>
    public bool KeepForRestart { get; set; }

    /// <summary>Starts the app. <paramref name="settings"/> override configuration keys (e.g. "GrowthBot:TimeZone").</summary>
    public static async Task<GrowthBotApp> Start(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        FakeSlack? slack = null,
        TestDatabase? database = null,
        DateTimeOffset? now = null)
    {
        slack ??= await FakeSlack.Start();
        var time = new FakeTimeProvider(now ?? DefaultNow);
        // Message ts follow the app's clock, so conversations.history's oldest/latest work as in Slack.
        slack.Clock = time;
        database ??= await TestDatabase.Create();

        var configuration = Configuration(slack.ApiBaseUrl, slack.BotToken, database.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        var factory = Factory(configuration, time, services);
        // Creating the client starts the host: migrations run and auth.test is called.
        return new GrowthBotApp(slack, time, database, factory);
    }

    /// <summary>The configuration every test app starts with: the fake Slack, the test database, no scheduler, fast pacing.</summary>
    public static Dictionary<string, string?> Configuration(string slackApiBaseUrl, string botToken, string connectionString) => new()
    {
        ["Slack:BotToken"] = botToken,
        ["Slack:SigningSecret"] = SigningSecret,
        ["Slack:ApiBaseUrl"] = slackApiBaseUrl,
        ["Slack:RetryBaseDelay"] = "00:00:00.010",
        // The ack deadline runs on the real clock. At the production 2.5 s a cold handler on a loaded machine
        // can miss it, and its reply then goes to the response_url instead of into the ack the test reads.
        // Tests about the deadline itself set a short one and hold their handler until they have seen the ack.
        ["Slack:AckDeadline"] = "00:01:00",
        ["ConnectionStrings:GrowthBot"] = connectionString,
        ["GrowthBot:ReportChannel"] = GrowthChannel,
        ["GrowthBot:TimeZone"] = "UTC",
        ["GrowthBot:GrowthLeads"] = Lead,
        ["Logging:LogLevel:Default"] = "Warning",
        // No scheduler unless a test turns it on: scheduled posts would otherwise appear in every test.
        ["GrowthBot:Schedule:Enabled"] = "false",
        ["GrowthBot:Delivery:ChannelInterval"] = "00:00:00.005",
        ["GrowthBot:Delivery:GlobalInterval"] = "00:00:00.001",
        // Waiting for Slack to process a chart is real time; the fake Slack processes at once unless a test says otherwise.
        ["GrowthBot:Charts:RetryInterval"] = "00:00:00.010",
    };

    /// <summary>The real app with <paramref name="configuration"/> and <paramref name="time"/>; it starts when its first client is made.</summary>
    public static WebApplicationFactory<Program> Factory(IReadOnlyDictionary<string, string?> configuration, TimeProvider time, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in configuration) web.UseSetting(key, value);
            web.ConfigureTestServices(s =>
            {
                s.AddSingleton(time);
                services?.Invoke(s);
            });
        });

    /// <summary>
    /// Starts the app for many workspaces: no bot token, the fake Slack's client id and secret, so workspaces install it
    /// through <see cref="Install"/>. Per-workspace ids (report channel, growth leads) are left to each team, as the
    /// startup checks require.
    /// </summary>
    public static Task<GrowthBotApp> StartForManyWorkspaces(FakeSlack? slack = null, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null,
        Action<IServiceCollection>? services = null)
    {
        var many = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "",
            ["Slack:ClientId"] = FakeSlack.ClientId,
            ["Slack:ClientSecret"] = FakeSlack.ClientSecret,
            ["Slack:RedirectUrl"] = "http://localhost/slack/oauth_redirect",
            ["GrowthBot:ReportChannel"] = "",
            ["GrowthBot:GrowthLeads"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) many[key] = value;
        return Start(many, services, slack, now: now);
    }

    /// <summary>
    /// Installs the app in <paramref name="workspace"/> the way a person does: opens /slack/install in this app's browser
    /// (its cookies kept), follows the Add to Slack link to the fake Slack's "Allow", and comes back through
    /// /slack/oauth_redirect with Slack's code and the link's state. Returns the page the person ends on.
    /// </summary>
    public async Task<InstallPage> Install(FakeWorkspace workspace, string installer)
    {
        var start = await Http.GetAsync("/slack/install");
        var authorize = InstallPage.AuthorizeLink(await start.Content.ReadAsStringAsync());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        var code = Slack.Authorize(workspace, installer, query["scope"].ToString());
        return await InstallPage.From(await Http.GetAsync($"/slack/oauth_redirect?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"].ToString())}"));
    }

    /// <summary>Sends a slash command, e.g. <c>Command("/experiment show E1")</c>, as <paramref name="user"/> of <paramref name="team"/>.</summary>
    public async Task<SlackReply> Command(string commandLine, string user = Alice, string channel = GrowthChannel, string team = TeamId)
    {
        var space = commandLine.IndexOf(' ');
        var command = space < 0 ? commandLine : commandLine[..space];
        var text = space < 0 ? "" : commandLine[(space + 1)..];
        var form = new Dictionary<string, string>
        {
            ["token"] = "legacy-unused",
            ["team_id"] = team,
            ["team_domain"] = "acme",
            ["channel_id"] = channel,
            ["channel_name"] = "growth",
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0GROWTH",
            ["is_enterprise_install"] = "false",
            ["response_url"] = Slack.ResponseUrl($"{team}-cmd{Interlocked.Increment(ref _triggers)}"),
            ["trigger_id"] = NextTrigger(),
        };
        return Acked(await SlackReply.From(await PostSigned("/slack/command", Form(form), "application/x-www-form-urlencoded")));
    }

    /// <summary>Submits a modal the bot opened; start from <see cref="ViewSubmission.Of"/>.</summary>
    public async Task<SlackReply> Submit(ViewSubmission submission, string team = TeamId) =>
        Acked(await SlackReply.From(await PostSigned("/slack/action", Form(new() { ["payload"] = submission.ToJson(team, NextTrigger()) }), "application/x-www-form-urlencoded")));

    /// <summary>Sends the change of an input that dispatches its changes (dispatch_action), with everything typed into <paramref name="form"/> so far.</summary>
    public async Task<SlackReply> Change(ViewSubmission form, string blockId, string team = TeamId) =>
        Acked(await SlackReply.From(await PostSigned("/slack/action",
            Form(new() { ["payload"] = form.ToBlockActionJson(team, NextTrigger(), blockId, $"{Time.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _triggers):000000}") }),
            "application/x-www-form-urlencoded")));

    /// <summary>Clicks the element with <paramref name="actionId"/> in a message or view the bot sent.</summary>
    public async Task<SlackReply> Click(JsonNode messageOrView, string actionId, string user = Alice, string channel = GrowthChannel, string? selectedValue = null,
        string team = TeamId)
    {
        var payload = ActionPayload.Click(messageOrView, actionId, user, team, channel, NextTrigger(), Slack.ResponseUrl($"{team}-act{Interlocked.Increment(ref _triggers)}"), selectedValue);
        return Acked(await SlackReply.From(await PostSigned("/slack/action", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded")));
    }

    /// <summary>Asks for the options of an external select in a modal the bot opened (Slack's block_suggestion), as <paramref name="user"/> types <paramref name="typed"/>.</summary>
    public async Task<SlackReply> Suggest(JsonNode view, string blockId, string typed, string user = Alice, string team = TeamId)
    {
        var block = view["blocks"]!.AsArray().First(b => b?["block_id"]?.GetValue<string>() == blockId)!;
        var payload = new JsonObject
        {
            ["type"] = "block_suggestion", ["action_id"] = block["element"]!["action_id"]!.DeepClone(), ["block_id"] = blockId, ["value"] = typed,
            ["team"] = new JsonObject { ["id"] = team, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
            ["api_app_id"] = "A0GROWTH",
            ["view"] = new JsonObject { ["id"] = view["id"]?.DeepClone() ?? "V0OPTIONS", ["type"] = "modal", ["callback_id"] = view["callback_id"]?.DeepClone() },
        };
        return Acked(await SlackReply.From(await PostSigned("/slack/options", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded")));
    }

    /// <summary>Delivers an Events API event (the inner <c>event</c> object) wrapped as Slack wraps it.</summary>
    public async Task<HttpResponseMessage> Event(JsonObject @event, string? eventId = null, int retryNumber = 0, string team = TeamId)
    {
        var envelope = new JsonObject
        {
            ["token"] = "legacy-unused",
            ["team_id"] = team,
            ["api_app_id"] = "A0GROWTH",
            ["event"] = @event,
            ["type"] = "event_callback",
            ["event_id"] = eventId ?? $"Ev{Guid.NewGuid():N}"[..14],
            ["event_time"] = Time.GetUtcNow().ToUnixTimeSeconds(),
        };
        var headers = retryNumber > 0 ? new Dictionary<string, string> { ["X-Slack-Retry-Num"] = retryNumber.ToString(), ["X-Slack-Retry-Reason"] = "http_timeout" } : null;
        return await PostSigned("/slack/event", envelope.ToJsonString(), "application/json", headers: headers);
    }

    /// <summary>Posts a body signed with the app's signing secret (or <paramref name="secret"/>) at the app's "now".</summary>
    public async Task<HttpResponseMessage> PostSigned(string path, string body, string contentType,
        DateTimeOffset? signedAt = null, string? secret = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret ?? SigningSecret, timestamp, bytes));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        return await Http.SendAsync(request);
    }

    /// <summary>Waits for work that runs after Slack was acknowledged (confirmations, event handlers).</summary>
    public Task Idle() => Service<SlackBackgroundWork>().Idle(TimeSpan.FromSeconds(10));

    public Task<DbConnection> Db() => Service<Database>().Open();

    public static string Form(Dictionary<string, string> fields) =>
        string.Join("&", fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}"));

    private string NextTrigger() => $"{Interlocked.Increment(ref _triggers)}.1234567890.abcdef";

    private SlackReply Acked(SlackReply reply)
    {
        if (reply.Body is { } body) _acks.Enqueue(body);
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        await Idle();
        // Besides Slack's limits, every button and modal the bot sent must reach a handler of this app.
        var registry = Service<SlackHandlerRegistry>();
        var violations = Slack.Violations.Concat(Sent.SelectMany(p => SlackIds.Unanswered(p, registry)).Distinct()).ToList();
        Http.Dispose();
        await _factory.DisposeAsync();
        if (KeepForRestart)
        {
            if (violations.Count > 0) throw new Xunit.Sdk.XunitException("The bot sent Block Kit that Slack would reject or nothing answers:\n" + string.Join("\n", violations));
            return;
        }
        await Slack.DisposeAsync();
        await TestDatabase.DisposeAsync();
        if (violations.Count > 0)
            throw new Xunit.Sdk.XunitException("The bot sent Block Kit that Slack would reject or nothing answers:\n" + string.Join("\n", violations));
    }
}
