using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Benchmarks;

/// <summary>
/// The smallest Slack Web API that keeps GrowthBot happy: every method answers ok at once. It notes when each
/// views.open arrives, by trigger_id, so "command in → modal open out" can be timed end to end.
/// </summary>
public sealed class MiniSlack : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MiniSlack(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public string ApiBaseUrl => $"{Url}/api/";
    public string ResponseUrl(string id) => $"{Url}/response/{id}";

    /// <summary><see cref="Stopwatch.GetTimestamp"/> at which views.open arrived, by trigger_id.</summary>
    public ConcurrentDictionary<string, long> ViewsOpened { get; } = new();

    public long ResponseUrlPosts;

    public static async Task<MiniSlack> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new MiniSlack(app);
        app.MapPost("/api/{method}", slack.Api);
        app.MapPost("/response/{id}", async (HttpContext http) =>
        {
            Interlocked.Increment(ref slack.ResponseUrlPosts);
            await http.Request.Body.CopyToAsync(Stream.Null);
            return Results.Text("ok");
        });
        await app.StartAsync();
        slack.Url = app.Urls.First().TrimEnd('/');
        return slack;
    }

    private async Task<IResult> Api(HttpContext http, string method)
    {
        if (method == "views.open")
        {
            var arrived = Stopwatch.GetTimestamp();
            using var json = await JsonDocument.ParseAsync(http.Request.Body);
            if (json.RootElement.TryGetProperty("trigger_id", out var trigger)) ViewsOpened[trigger.GetString() ?? ""] = arrived;
            return Results.Text("""{"ok":true,"view":{"id":"V1","type":"modal"}}""", "application/json");
        }
        await http.Request.Body.CopyToAsync(Stream.Null);
        return method switch
        {
            "auth.test" => Results.Text("""{"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"growthbot","team_id":"T0BENCH","user_id":"UBOT","bot_id":"BBOT"}""", "application/json"),
            // Nobody is an admin: /experiment show asks whether the viewer may change the experiment.
            "users.info" => Results.Text("""{"ok":true,"user":{"id":"U0ALICE","tz":"UTC","is_admin":false,"is_owner":false}}""", "application/json"),
            "conversations.open" => Results.Text("""{"ok":true,"channel":{"id":"D0BENCH"}}""", "application/json"),
            "chat.postMessage" => Results.Text("""{"ok":true,"channel":"D0BENCH","ts":"1763000000.000100"}""", "application/json"),
            _ => Results.Text("""{"ok":true}""", "application/json"),
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The floor on this machine: Kestrel answering 200 with nothing else in the way.</summary>
public sealed class BareEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareEndpoint(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<BareEndpoint> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        // Reads the body like the bot must (it signs the bytes), then answers 200.
        app.MapPost("/", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.StatusCode = 200;
        });
        await app.StartAsync();
        return new BareEndpoint(app, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
