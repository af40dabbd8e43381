using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// One call the bot made to Slack: the Web API method (or <c>response_url</c>, <c>upload</c>) and its arguments, and which
/// app instance made it when several share the fake (<see cref="FakeSlack.ApiBaseUrlFor"/>).
/// </summary>
public sealed record SlackCall(string Method, JsonObject Args, string? Token, string? Path = null, string? Caller = null)
{
    public string? Str(string key) => Args[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : Args[key]?.ToJsonString();

    public JsonNode? View => Args["view"];

    /// <summary>What the fake Slack answered (null while unanswered or when it answered an error).</summary>
    public JsonObject? Response { get; set; }

    /// <summary>A posted message as it now is in Slack: what was sent, with the <c>ts</c> Slack gave it (to click in it).</summary>
    public JsonObject AsPosted()
    {
        var message = Args.DeepClone().AsObject();
        if (Response?["ts"] is { } ts) message["ts"] = ts.DeepClone();
        return message;
    }

    public string? Text => Str("text");

    /// <summary>The delivery key a scheduled post carries in its metadata, or null.</summary>
    public string? DeliveryKey => (Args["metadata"] switch { JsonObject o => o, JsonValue v => JsonNode.Parse(v.ToString()), _ => null })?["event_payload"]?["key"]?.ToString();

    /// <summary>All the text a user would read in this call: message text, blocks, view.</summary>
    public string AllText => FakeSlack.TextOf(Args);

    public override string ToString() => $"{Method} {Args.ToJsonString()}";
}

/// <summary>A workspace that installs the app through OAuth: its team and the bot Slack creates there, with its own token.</summary>
public sealed record FakeWorkspace(string TeamId, string TeamName, string BotToken, string BotUserId, string BotId)
{
    public override string ToString() => $"{TeamName} ({TeamId})";
}

/// <summary>A file uploaded through files.getUploadURLExternal, as the fake Slack holds it.</summary>
public sealed class FakeFile(string id, string name, string? altText, string teamId)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string? AltText { get; } = altText;
    public string TeamId { get; } = teamId;
    public string? Title { get; set; }
    /// <summary>The channel files.completeUploadExternal shared it to; null while private to the bot.</summary>
    public string? Shared { get; set; }
    public byte[]? Bytes { get; set; }
    public bool Completed { get; set; }
    public int ChecksUntilProcessed { get; set; }

    public bool IsPng => Bytes is { Length: > 8 } b && b.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}

/// <summary>A scripted answer for the next call(s) to one method.</summary>
public sealed record FakeResponse(int Status = 200, string? Error = null, int? RetryAfterSeconds = null, TimeSpan? Hang = null)
{
    public static FakeResponse Http(int status) => new(Status: status);
    public static FakeResponse Fail(string error) => new(Error: error);
    public static FakeResponse RateLimited(int retryAfterSeconds = 1) => new(Status: 429, RetryAfterSeconds: retryAfterSeconds);
    /// <summary>Slack does what was asked (a post lands in the channel) but answers only after <paramref name="for_"/>.</summary>
    public static FakeResponse Hangs(TimeSpan for_) => new(Hang: for_);
}

/// <summary>
/// A fake Slack Web API on 127.0.0.1. It records every call, answers like Slack does, rejects Block Kit that
/// breaks Slack's limits with <c>invalid_blocks</c> (and remembers the violation so the test fails), and can be
/// scripted to fail: HTTP 5xx, 429 with Retry-After, ok:false errors, or hanging. Besides the one workspace of
/// <see cref="BotToken"/> it serves any number of <see cref="FakeWorkspace"/>s installed through OAuth: each call is
/// answered as the workspace its token belongs to, and records that token.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotUserId = "UBOT";
    public const string BotId = "BBOT";
    public const string ClientId = "1111111111.2222222222";
    public const string ClientSecret = "fake-client-secret-3333";
    public const string AppId = "A0GROWTH";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> _scripts = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<SlackCall> _held = new();
    private long _ts = 1_763_000_000_000_000;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _messages = new();
    private int _views;
    private readonly ConcurrentDictionary<string, FakeWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeWorkspace> _revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (FakeWorkspace Workspace, string Installer, string Scope)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Team, string User), JsonObject> _members = new();
    private readonly ConcurrentDictionary<(string Team, string Id), JsonObject> _groups = new();
    private readonly ConcurrentDictionary<string, FakeFile> _files = new(StringComparer.Ordinal);
    private int _imageRefusals;

    private FakeSlack(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public string ApiBaseUrl => $"{Url}/api/";

    /// <summary>The Web API base URL for one of several app instances sharing this fake; its calls carry <paramref name="caller"/>.</summary>
    public string ApiBaseUrlFor(string caller) => $"{Url}/as/{caller}/api/";
    public string BotToken { get; init; } = "xoxb-test-token";
    public string TeamId { get; init; } = "T0TEAM";

    /// <summary>What bots.info says the bot's app is; null answers bots.info without an app_id.</summary>
    public string? BotsInfoAppId { get; set; } = AppId;

    /// <summary>Users known to users.info and users.list, by id. Unknown ids answer users.info as ordinary members in UTC.</summary>
    public ConcurrentDictionary<string, JsonObject> Users { get; } = new();

    /// <summary>The user groups usergroups.list answers with, by id.</summary>
    public ConcurrentDictionary<string, JsonObject> UserGroups { get; } = new();

    /// <summary>
    /// The most members one users.list page holds, whatever limit the bot asks for: Slack, too, may answer with fewer than
    /// asked and a next_cursor, so a test can make the bot page with a small value.
    /// </summary>
    public int UsersListPage { get; set; } = 100;

    public IReadOnlyList<SlackCall> Calls => _calls.ToList();

    /// <summary>
    /// When set (GrowthBotApp sets it to the app's clock), new message ts follow this clock as Slack's follow real time,
    /// so conversations.history's <c>oldest</c>/<c>latest</c> mean what they mean in Slack.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>The messages posted to a channel (ts, text, thread_ts, bot_id, metadata), oldest first.</summary>
    public IReadOnlyList<JsonObject> Messages(string channel)
    {
        var list = _messages.GetOrAdd(channel, _ => []);
        lock (list) return list.Select(m => m.DeepClone().AsObject()).ToList();
    }

    /// <summary>Puts a message into a channel as if the bot had posted it (e.g. a post whose answer was lost); returns its ts.</summary>
    public string AddMessage(string channel, string text, JsonObject? metadata = null, string? threadTs = null)
    {
        var ts = NextTs();
        Remember(channel, ts, text, threadTs, metadata);
        return ts;
    }

    /// <summary>
    /// How many files.info calls about a new upload answer it as not processed yet (no mimetype), as Slack does for a
    /// moment after files.completeUploadExternal; <see cref="int.MaxValue"/> never processes it.
    /// </summary>
    public int FileProcessingChecks { get; set; }

    /// <summary>
    /// How many more messages or views with an image block to refuse with <c>invalid_blocks</c> even though the file is
    /// processed: Slack's own processing can lag behind what files.info said.
    /// </summary>
    public int RefuseImages { get => _imageRefusals; set => _imageRefusals = value; }

    /// <summary>The files uploaded, by id: name, alt text, title, the bytes the upload URL received, whether completed.</summary>
    public IReadOnlyDictionary<string, FakeFile> Files => _files;

    /// <summary>The WebSocket behind the URL apps.connections.open returns.</summary>
    public FakeSocketMode SocketMode { get; } = new();
    public IReadOnlyList<string> Violations => _violations.ToList();

    public static async Task<FakeSlack> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app);
        app.MapPost("/api/{method}", (HttpContext http, string method) => fake.Api(http, method, null));
        app.MapPost("/as/{caller}/api/{method}", (HttpContext http, string caller, string method) => fake.Api(http, method, caller));
        app.MapPost("/response/{id}", fake.ResponseUrlPost);
        app.MapPost("/upload/{id}", fake.Upload);
        app.UseWebSockets();
        app.Map("/socket", fake.SocketMode.Accept);
        await app.StartAsync();
        fake.Url = app.Urls.First().TrimEnd('/');
        return fake;
    }

    public string ResponseUrl(string id = "r1") => $"{Url}/response/{id}";

    public void Script(string method, params FakeResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>());
        foreach (var response in responses) queue.Enqueue(response);
    }

    /// <summary>
    /// A user users.info and users.list know. <paramref name="locale"/> is their Slack client's language, which users.info
    /// only tells when asked with include_locale (as Slack does); en-US is what most people's Slack says.
    /// </summary>
    public void AddUser(string id, string tz = "UTC", bool admin = false, bool owner = false, string? name = null, bool bot = false, bool deleted = false,
        string locale = DefaultLocale) =>
        Users[id] = new JsonObject
        {
            ["id"] = id, ["team_id"] = TeamId, ["name"] = name ?? id.ToLowerInvariant(), ["real_name"] = name ?? id,
            ["tz"] = tz, ["tz_offset"] = (int)TimeZoneInfo.FindSystemTimeZoneById(tz).BaseUtcOffset.TotalSeconds,
            ["is_admin"] = admin, ["is_owner"] = owner, ["is_bot"] = bot, ["deleted"] = deleted, ["locale"] = locale,
        };

    /// <summary>The Slack language of users a test did not add, and of those it added without one.</summary>
    public const string DefaultLocale = "en-US";

    /// <summary>Sets the Slack language of <paramref name="id"/> (adding them as an ordinary member in UTC if unknown).</summary>
    public void SetLocale(string id, string locale)
    {
        if (!Users.ContainsKey(id)) AddUser(id);
        Users[id]["locale"] = locale;
    }

    /// <summary>A user group of an installed workspace; usergroups.list with that workspace's token lists only its own.</summary>
    public void AddUserGroup(FakeWorkspace workspace, string id, string handle, string name, params string[] members) =>
        _groups[(workspace.TeamId, id)] = Group(workspace.TeamId, id, handle, name, members);

    /// <summary>A user group for usergroups.list, with its <paramref name="members"/> for usergroups.users.list.</summary>
    public void AddUserGroup(string id, string handle, string name, params string[] members) =>
        UserGroups[id] = Group(TeamId, id, handle, name, members);

    private static JsonObject Group(string teamId, string id, string handle, string name, string[] members) => new()
    {
        ["id"] = id, ["team_id"] = teamId, ["name"] = name, ["handle"] = handle, ["description"] = "", ["is_usergroup"] = true,
        ["date_delete"] = 0, ["user_count"] = members.Length > 0 ? members.Length : 3,
        ["users"] = new JsonArray(members.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
    };

    /// <summary>The group <paramref name="id"/> as the workspace of this token sees it; null when it has none.</summary>
    private JsonObject? GroupOf(string id, FakeWorkspace? workspace) =>
        workspace is null ? UserGroups.GetValueOrDefault(id) : _groups.GetValueOrDefault((workspace.TeamId, id));

    public IReadOnlyList<SlackCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToList();

    /// <summary>The calls a <see cref="FakeResponse.Hangs"/> script held without an answer (done, as Slack would, but not answered), in the order held.</summary>
    public IReadOnlyList<SlackCall> Held => _held.ToList();

    /// <summary>A workspace that can install the app; its bot's ids and token are derived from the team id.</summary>
    public FakeWorkspace AddWorkspace(string teamId, string teamName)
    {
        var workspace = new FakeWorkspace(teamId, teamName, $"xoxb-{teamId.ToLowerInvariant()}-{Guid.NewGuid():N}", $"U{teamId}BOT", $"B{teamId}BOT");
        _workspaces[workspace.BotToken] = workspace;
        return workspace;
    }

    /// <summary>A person in <paramref name="workspace"/> (an Enterprise Grid member can be in several); users.info elsewhere says user_not_found.</summary>
    public void AddMember(FakeWorkspace workspace, string id, bool admin = false, string tz = "UTC", string locale = DefaultLocale) =>
        _members[(workspace.TeamId, id)] = new JsonObject
        {
            ["id"] = id, ["team_id"] = workspace.TeamId, ["name"] = id.ToLowerInvariant(), ["real_name"] = id,
            ["tz"] = tz, ["tz_offset"] = (int)TimeZoneInfo.FindSystemTimeZoneById(tz).BaseUtcOffset.TotalSeconds,
            ["is_admin"] = admin, ["is_owner"] = false, ["is_bot"] = false, ["deleted"] = false, ["locale"] = locale,
        };

    /// <summary>What Slack does when <paramref name="installer"/> clicks "Allow": a one-time code for the redirect.</summary>
    public string Authorize(FakeWorkspace workspace, string installer, string scope)
    {
        var code = $"code-{Guid.NewGuid():N}";
        _codes[code] = (workspace, installer, scope);
        return code;
    }

    /// <summary>The workspace removed the app: its token stops working.</summary>
    public void Revoke(FakeWorkspace workspace)
    {
        if (_workspaces.TryRemove(workspace.BotToken, out var gone)) _revoked[gone.BotToken] = gone;
    }

    /// <summary>The installed workspace whose bot token this is, or null (the single-workspace token, or none).</summary>
    public FakeWorkspace? WorkspaceOf(string? token) => token is not null && _workspaces.TryGetValue(token, out var w) ? w : null;

    public SlackCall Last(string method) =>
        CallsTo(method).LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"The bot never called {method}. Calls: {string.Join(", ", _calls.Select(c => c.Method))}");

    /// <summary>Waits until the bot has made a matching call (work after the ack is asynchronous).</summary>
    public async Task<SlackCall> WaitFor(string method, Func<SlackCall, bool>? where = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var call = _calls.LastOrDefault(c => c.Method == method && (where is null || where(c)));
            if (call is not null) return call;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"Timed out waiting for {method}. Calls: {string.Join(", ", _calls.Select(c => c.Method))}");
    }

    public void Clear() => _calls.Clear();

    private async Task Api(HttpContext http, string method, string? caller)
    {
        var args = await ReadArgs(http.Request);
        var token = http.Request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ") ? auth[7..] : null;
        var call = new SlackCall(method, args, token, Caller: caller);
        _calls.Enqueue(call);

        var scripted = _scripts.TryGetValue(method, out var script) && script.TryDequeue(out var next) ? next : null;
        // A hanging answer is Slack doing what was asked (a post is in the channel) and its answer not arriving.
        async Task Answered()
        {
            if (scripted?.Hang is not { } hang) return;
            _held.Enqueue(call);
            await Task.Delay(hang, http.RequestAborted).ContinueWith(_ => { });
        }

        if (scripted is not null)
        {
            if (scripted.RetryAfterSeconds is { } retry) http.Response.Headers.RetryAfter = retry.ToString();
            if (scripted.Status != 200)
            {
                await Answered();
                http.Response.StatusCode = scripted.Status;
                if (scripted.Status == 429) await http.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
                return;
            }
            if (scripted.Error is not null)
            {
                await Answered();
                await http.Response.WriteAsJsonAsync(new { ok = false, error = scripted.Error });
                return;
            }
        }

        if (method == "oauth.v2.access") { await http.Response.WriteAsync(OAuthAccess(http.Request, args).ToJsonString()); return; }
        if (method == "api.test") { await http.Response.WriteAsJsonAsync(new { ok = true }); return; }
        var workspace = WorkspaceOf(token);
        var expectedToken = method == "apps.connections.open" || workspace is not null ? null : BotToken;
        if (token is null) { await http.Response.WriteAsJsonAsync(new { ok = false, error = "not_authed" }); return; }
        if (_revoked.ContainsKey(token)) { await http.Response.WriteAsJsonAsync(new { ok = false, error = "token_revoked" }); return; }
        if (expectedToken is not null && token != expectedToken) { await http.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" }); return; }

        if (method == "usergroups.users.list" && GroupOf(args["usergroup"]?.ToString() ?? "", workspace) is null)
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "no_such_subteam" });
            return;
        }
        if (method == "users.info" && workspace is not null && !_members.ContainsKey((workspace.TeamId, args["user"]?.ToString() ?? "")))
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "user_not_found" });
            return;
        }

        var violations = Check(method, args);
        if (violations.Count > 0)
        {
            foreach (var v in violations) _violations.Enqueue($"{method}: {v}");
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_blocks", errors = violations });
            return;
        }
        if (UnshowableImages(method, args, WorkspaceOf(token)?.TeamId ?? TeamId) is { Count: > 0 } unshowable)
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_blocks", errors = unshowable,
                response_metadata = new { messages = unshowable.Select(u => $"[ERROR] {u}").ToArray() } });
            return;
        }
        if (method == "files.info" && (args["file"]?.ToString() is not { } infoId || !_files.ContainsKey(infoId)))
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "file_not_found" });
            return;
        }
        var answer = Answer(method, args, workspace);
        call.Response = answer;
        await Answered();
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>oauth.v2.access as Slack answers it: the app's client id and secret by HTTP Basic, a code valid once.</summary>
    private JsonObject OAuthAccess(HttpRequest request, JsonObject args)
    {
        var basic = request.Headers.Authorization.ToString() is { Length: > 6 } auth && auth.StartsWith("Basic ")
            ? Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..])) : "";
        var colon = basic.IndexOf(':');
        if (colon < 0 || basic[..colon] != ClientId) return new JsonObject { ["ok"] = false, ["error"] = "invalid_client_id" };
        if (basic[(colon + 1)..] != ClientSecret) return new JsonObject { ["ok"] = false, ["error"] = "bad_client_secret" };
        if (args["code"]?.ToString() is not { } code || !_codes.TryRemove(code, out var granted)) return new JsonObject { ["ok"] = false, ["error"] = "invalid_code" };
        var (workspace, installer, scope) = granted;
        return new JsonObject
        {
            ["ok"] = true, ["app_id"] = AppId, ["authed_user"] = new JsonObject { ["id"] = installer },
            ["scope"] = scope, ["token_type"] = "bot", ["access_token"] = workspace.BotToken, ["bot_user_id"] = workspace.BotUserId,
            ["team"] = new JsonObject { ["id"] = workspace.TeamId, ["name"] = workspace.TeamName }, ["enterprise"] = null, ["is_enterprise_install"] = false,
        };
    }

    private async Task ResponseUrlPost(HttpContext http, string id)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject ?? [];
        _calls.Enqueue(new SlackCall("response_url", body, null, id));
        // Script("response_url", FakeResponse.Fail("channel_not_found")): Slack answers a failed response_url post with a non-200 and the error as text.
        if (_scripts.TryGetValue("response_url", out var script) && script.TryDequeue(out var scripted))
        {
            http.Response.StatusCode = scripted.Status != 200 ? scripted.Status : 404;
            await http.Response.WriteAsync(scripted.Error ?? "error");
            return;
        }
        if (body["delete_original"] is null && (body["text"] is not null || body["blocks"] is not null))
        {
            var violations = BlockKitChecker.CheckMessage(body);
            if (violations.Count > 0)
            {
                foreach (var v in violations) _violations.Enqueue($"response_url: {v}");
                http.Response.StatusCode = 400;
                await http.Response.WriteAsync("invalid_blocks");
                return;
            }
            // Like any message, a reply whose image Slack cannot show is refused, as text (response_url answers so).
            if (UnshowableImages("chat.postEphemeral", body, null).Count > 0)
            {
                http.Response.StatusCode = 400;
                await http.Response.WriteAsync("invalid_blocks");
                return;
            }
        }
        await http.Response.WriteAsync("ok");
    }

    private async Task Upload(HttpContext http, string id)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var hasBom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var content = Encoding.UTF8.GetString(hasBom ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
        var token = http.Request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ") ? auth[7..] : null;
        _calls.Enqueue(new SlackCall("upload", new JsonObject { ["file_id"] = id, ["content"] = content, ["utf8_bom"] = hasBom, ["bytes"] = bytes.Length }, token, id));
        // Script("upload", FakeResponse.Http(500)): the upload host fails.
        if (_scripts.TryGetValue("upload", out var script) && script.TryDequeue(out var scripted) && scripted.Status != 200)
        {
            http.Response.StatusCode = scripted.Status;
            return;
        }
        if (_files.TryGetValue(id, out var file)) file.Bytes = bytes;
        await http.Response.WriteAsync("OK - " + bytes.Length);
    }

    private static IReadOnlyList<string> Check(string method, JsonObject args) => method switch
    {
        "chat.postMessage" or "chat.postEphemeral" or "chat.update" or "chat.scheduleMessage" => BlockKitChecker.CheckMessage(args),
        "views.open" or "views.push" or "views.update" or "views.publish" =>
            args["view"] is { } view ? BlockKitChecker.CheckView(view) : ["view: required"],
        _ => [],
    };

    private JsonObject Answer(string method, JsonObject args, FakeWorkspace? workspace)
    {
        var ok = new JsonObject { ["ok"] = true };
        var teamId = workspace?.TeamId ?? TeamId;
        switch (method)
        {
            case "auth.test" when workspace is not null:
                ok["url"] = $"https://{workspace.TeamName.ToLowerInvariant()}.slack.com/"; ok["team"] = workspace.TeamName; ok["user"] = "growthbot";
                ok["team_id"] = workspace.TeamId; ok["user_id"] = workspace.BotUserId; ok["bot_id"] = workspace.BotId;
                break;
            case "auth.test":
                ok["url"] = "https://acme.slack.com/"; ok["team"] = "Acme"; ok["user"] = "growthbot";
                ok["team_id"] = TeamId; ok["user_id"] = BotUserId; ok["bot_id"] = BotId;
                break;
            case "chat.postMessage" or "chat.update":
                ok["channel"] = args["channel"]?.DeepClone();
                ok["ts"] = args["ts"]?.DeepClone() ?? NextTs();
                if (method == "chat.update" && args["channel"] is JsonValue updated)
                    Update(updated.ToString(), args["ts"]?.ToString() ?? "", args["text"]?.ToString() ?? "");
                if (method == "chat.postMessage" && args["channel"] is JsonValue channel)
                    Remember(channel.ToString(), ok["ts"]!.GetValue<string>(), args["text"]?.ToString() ?? "", args["thread_ts"]?.ToString(),
                        args["metadata"] switch { JsonObject o => o.DeepClone().AsObject(), JsonValue v => JsonNode.Parse(v.ToString()) as JsonObject, _ => null },
                        args["reply_broadcast"]?.ToString() is "true" or "True");
                break;
            case "conversations.history" or "conversations.replies":
                var (messages, hasMore) = History(method, args);
                ok["messages"] = messages;
                ok["has_more"] = hasMore;
                break;
            case "chat.postEphemeral":
                ok["message_ts"] = NextTs();
                break;
            case "views.open" or "views.push" or "views.update" or "views.publish":
                var view = args["view"]!.DeepClone().AsObject();
                view["id"] = args["view_id"]?.DeepClone() ?? $"V{Interlocked.Increment(ref _views)}";
                view["hash"] = $"h{Environment.TickCount64}";
                ok["view"] = view;
                break;
            case "conversations.open":
                // A person's DM with the bot is a conversation of that workspace.
                ok["channel"] = new JsonObject { ["id"] = "D" + (workspace is null ? "" : workspace.TeamId + "-") + (args["users"]?.GetValue<string>() ?? "X") };
                break;
            case "users.info":
                var id = args["user"]?.GetValue<string>() ?? "";
                var info = workspace is not null ? _members[(workspace.TeamId, id)].DeepClone().AsObject()
                    : Users.TryGetValue(id, out var user) ? user.DeepClone().AsObject()
                    : new JsonObject { ["id"] = id, ["team_id"] = teamId, ["name"] = id.ToLowerInvariant(), ["tz"] = "UTC", ["tz_offset"] = 0, ["is_admin"] = false, ["is_owner"] = false, ["locale"] = DefaultLocale };
                // Like Slack: the locale only comes with include_locale=true.
                if (args["include_locale"]?.ToString() != "true") info.Remove("locale");
                ok["user"] = info;
                break;
            case "users.list":
                // An installed workspace lists its own members; the single workspace of BotToken lists Users.
                var people = workspace is null ? Users.Values : _members.Where(m => m.Key.Team == workspace.TeamId).Select(m => m.Value);
                var all = people.OrderBy(u => u["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(u =>
                {
                    var member = u.DeepClone().AsObject();
                    if (args["include_locale"]?.ToString() != "true") member.Remove("locale");
                    return (JsonNode)member;
                }).ToList();
                var from = int.TryParse(args["cursor"]?.ToString(), out var c) ? c : 0;
                var size = Math.Min(UsersListPage, int.TryParse(args["limit"]?.ToString(), out var asked) && asked > 0 ? asked : 100);
                ok["members"] = new JsonArray(all.Skip(from).Take(size).ToArray());
                ok["response_metadata"] = new JsonObject { ["next_cursor"] = from + size < all.Count ? (from + size).ToString() : "" };
                break;
            case "usergroups.list":
                var groups = workspace is null ? UserGroups.Values : _groups.Where(g => g.Key.Team == workspace.TeamId).Select(g => g.Value);
                ok["usergroups"] = new JsonArray(groups.OrderBy(g => g["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(g => (JsonNode)g.DeepClone()).ToArray());
                break;
            case "usergroups.users.list":
                ok["users"] = GroupOf(args["usergroup"]!.ToString(), workspace)!["users"]!.DeepClone();
                break;
            case "bots.info":
                ok["bot"] = new JsonObject { ["id"] = args["bot"]?.DeepClone(), ["deleted"] = false, ["name"] = "growthbot", ["user_id"] = BotUserId };
                if (BotsInfoAppId is not null) ok["bot"]!["app_id"] = BotsInfoAppId;
                break;
            case "chat.getPermalink":
                ok["permalink"] = $"https://acme.slack.com/archives/{args["channel"]}/p{args["message_ts"]?.GetValue<string>().Replace(".", "")}";
                break;
            case "files.getUploadURLExternal":
                var fileId = $"F{Interlocked.Increment(ref _views)}";
                _files[fileId] = new FakeFile(fileId, args["filename"]?.ToString() ?? "", args["alt_txt"]?.ToString(), teamId);
                ok["upload_url"] = $"{Url}/upload/{fileId}"; ok["file_id"] = fileId;
                break;
            case "files.completeUploadExternal":
                var completed = args["files"] is JsonValue files ? JsonNode.Parse(files.GetValue<string>()) : args["files"]?.DeepClone();
                foreach (var entry in completed as JsonArray ?? [])
                    if (entry?["id"]?.ToString() is { } done && _files.TryGetValue(done, out var uploaded))
                    {
                        uploaded.Title = entry["title"]?.ToString();
                        uploaded.Shared = args["channel_id"]?.ToString();
                        uploaded.ChecksUntilProcessed = FileProcessingChecks;
                        uploaded.Completed = true;
                    }
                ok["files"] = completed;
                break;
            case "files.info":
                var fileInfo = _files[args["file"]!.ToString()];
                var processed = fileInfo.Completed && fileInfo.Bytes is not null && fileInfo.ChecksUntilProcessed-- <= 0;
                ok["file"] = new JsonObject
                {
                    ["id"] = fileInfo.Id, ["name"] = fileInfo.Name, ["title"] = fileInfo.Title ?? fileInfo.Name,
                    ["mimetype"] = processed && fileInfo.IsPng ? "image/png" : "", ["filetype"] = processed && fileInfo.IsPng ? "png" : "",
                };
                if (processed && fileInfo.IsPng) { ok["file"]!["original_w"] = 800; ok["file"]!["original_h"] = 400; }
                break;
            case "apps.connections.open":
                ok["url"] = $"{Url.Replace("http", "ws")}/socket";
                break;
        }
        return ok;
    }

    /// <summary>
    /// What Slack says of image blocks it cannot show: a file it does not know, has not received or finished processing,
    /// of another workspace than the caller's (<paramref name="teamId"/>; a response_url names none), or not an image;
    /// and any image while <see cref="RefuseImages"/> lasts.
    /// </summary>
    private List<string> UnshowableImages(string method, JsonObject args, string? teamId)
    {
        if (method is not ("chat.postMessage" or "chat.postEphemeral" or "chat.update" or "views.publish" or "views.open" or "views.update")) return [];
        var blocks = (method.StartsWith("views.") ? args["view"]?["blocks"] : args["blocks"]) as JsonArray ?? [];
        var errors = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i]?["type"]?.ToString() != "image" || blocks[i]?["slack_file"] is not { } file) continue;
            var pointer = method.StartsWith("views.") ? $"/view/blocks/{i}/slack_file" : $"/blocks/{i}/slack_file";
            var known = file["id"]?.ToString() is { } id && _files.TryGetValue(id, out var f) ? f : null;
            if (known is null || !known.Completed || known.Bytes is null || !known.IsPng || known.ChecksUntilProcessed > 0 || teamId is not null && known.TeamId != teamId)
                errors.Add($"invalid slack file [json-pointer:{pointer}]");
            else if (Interlocked.Decrement(ref _imageRefusals) >= 0)
                errors.Add($"downloading image failed [json-pointer:{pointer}]");
            else
                Interlocked.Exchange(ref _imageRefusals, 0);
        }
        return errors;
    }

    private void Remember(string channel, string ts, string text, string? threadTs, JsonObject? metadata, bool broadcast = false)
    {
        var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = text, ["user"] = BotUserId, ["bot_id"] = BotId };
        if (threadTs is not null) message["thread_ts"] = threadTs;
        if (broadcast) message["subtype"] = "thread_broadcast";
        if (metadata is not null) message["metadata"] = metadata;
        var list = _messages.GetOrAdd(channel, _ => []);
        lock (list) list.Add(message);
    }

    private void Update(string channel, string ts, string text)
    {
        var list = _messages.GetOrAdd(channel, _ => []);
        lock (list)
            foreach (var message in list.Where(m => m["ts"]?.ToString() == ts)) message["text"] = text;
    }

    /// <summary>
    /// conversations.history: top-level messages (and broadcast replies), newest first; conversations.replies: the parent,
    /// then its replies oldest first. Both honour <c>oldest</c>/<c>latest</c> (exclusive, as Slack's default) and
    /// <c>limit</c>, and carry metadata only when <c>include_all_metadata</c> is true, as Slack does.
    /// </summary>
    private (JsonArray Messages, bool HasMore) History(string method, JsonObject args)
    {
        static decimal? Ts(JsonNode? node) => node?.ToString() is { Length: > 0 } text && decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        var list = _messages.GetOrAdd(args["channel"]?.ToString() ?? "", _ => []);
        List<JsonObject> all;
        lock (list) all = list.Select(m => m.DeepClone().AsObject()).ToList();
        var oldest = Ts(args["oldest"]);
        var latest = Ts(args["latest"]);
        var limit = int.TryParse(args["limit"]?.ToString(), out var l) && l > 0 ? l : 100;
        var withMetadata = args["include_all_metadata"]?.ToString() is "true" or "True" or "1";
        bool InRange(JsonObject m) => (oldest is null || Ts(m["ts"]) > oldest) && (latest is null || Ts(m["ts"]) < latest);

        List<JsonObject> chosen;
        if (method == "conversations.history")
            chosen = all.Where(m => m["thread_ts"] is null || m["thread_ts"]!.ToString() == m["ts"]!.ToString() || m["subtype"]?.ToString() == "thread_broadcast")
                .Where(InRange).OrderByDescending(m => Ts(m["ts"])).ToList();
        else
        {
            var parentTs = args["ts"]?.ToString();
            var parent = all.Where(m => m["ts"]!.ToString() == parentTs).Take(1);
            chosen = parent.Concat(all.Where(m => m["thread_ts"]?.ToString() == parentTs && m["ts"]!.ToString() != parentTs).Where(InRange).OrderBy(m => Ts(m["ts"]))).ToList();
        }
        if (!withMetadata) foreach (var m in chosen) m.Remove("metadata");
        return (new JsonArray(chosen.Take(limit).Select(m => (JsonNode)m).ToArray()), chosen.Count > limit);
    }

    private string NextTs()
    {
        if (Clock is { } clock)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
            long seen;
            do seen = Interlocked.Read(ref _ts);
            while (seen < now && Interlocked.CompareExchange(ref _ts, now, seen) != seen);
        }
        var micros = Interlocked.Increment(ref _ts);
        return $"{micros / 1_000_000}.{micros % 1_000_000:000000}";
    }

    private static async Task<JsonObject> ReadArgs(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json") == true)
            return JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject ?? [];
        var args = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(body))
        {
            var text = value.ToString();
            // Form-encoded Web API calls carry JSON arguments (blocks, view) as strings.
            args[key] = key is "blocks" or "view" && (text.StartsWith('[') || text.StartsWith('{'))
                ? JsonNode.Parse(text)
                : JsonValue.Create(text);
        }
        return args;
    }

    /// <summary>The ids of the uploaded files the image blocks among <paramref name="blocks"/> show.</summary>
    public static IEnumerable<string> ImageFiles(JsonNode? blocks) =>
        (blocks as JsonArray ?? []).Where(b => b?["type"]?.ToString() == "image" && b["slack_file"]?["id"] is not null).Select(b => b!["slack_file"]!["id"]!.ToString());

    /// <summary>All human-readable text in a payload, for assertions about what a user reads.</summary>
    public static string TextOf(JsonNode? node)
    {
        var builder = new StringBuilder();
        void Walk(JsonNode? n, string? key)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(v, k);
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item, key);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && key is "text" or "initial_value" or "value":
                    builder.AppendLine(v.GetValue<string>());
                    break;
            }
        }
        Walk(node, null);
        return builder.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        SocketMode.AbortAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
