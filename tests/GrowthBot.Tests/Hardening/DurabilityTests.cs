using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Benchmarks;
using GrowthBot.Slack.Verification;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Hardening;

/// <summary>
/// The real app as a child process, SIGKILLed in the middle of work and started again on the same database
/// (a SQLite file, or PostgreSQL in the PostgreSQL run): nothing acknowledged is lost or doubled, the database is
/// intact, and the bot serves again.
/// Scheduled posts (nothing posted twice across a restart, schedules carry on) belong here too, using
/// <see cref="StartBot"/> and <see cref="GrowthBotProcess.Kill"/> the same way, once the scheduler exists.
/// </summary>
public class DurabilityTests
{
    private const string TeamId = GrowthBotApp.TeamId;

    [Fact]
    public async Task Experiments_acknowledged_before_a_SIGKILL_are_all_there_exactly_once_after_a_restart()
    {
        await using var slack = await FakeSlack.Start();
        await using var database = await TestDatabase.Create();
        var acknowledged = new ConcurrentBag<string>();
        await using (var first = await StartBot(slack, database))
        {
            using var http = new HttpClient { BaseAddress = new Uri(first.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
            var submission = await OpenNewExperimentModal(http, slack);
            var enough = new TaskCompletionSource();
            var next = -1;
            var senders = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < 400)
                {
                    var name = $"Idea {i}";
                    try
                    {
                        using var response = await Post(http, "/slack/action", "payload=" + Uri.EscapeDataString(Named(submission, name).ToJson(TeamId, $"{i}.1.t")));
                        if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Length == 0) acknowledged.Add(name);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // The process is gone.
                    }
                    if (acknowledged.Count >= 60) enough.TrySetResult();
                }
            })).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.Kill();
            await Task.WhenAll(senders);
        }
        Assert.InRange(acknowledged.Count, 60, 399);

        await using var second = await StartBot(slack, database);
        using var again = new HttpClient { BaseAddress = new Uri(second.BaseUrl) };

        await using (var db = await database.Open())
        {
            if (database.Kind == DatabaseKind.Sqlite) Assert.Equal("ok", await db.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            var stored = (await db.QueryAsync<(string Name, long Number)>("SELECT name, number FROM experiments WHERE team_id = @TeamId ORDER BY number", new { TeamId })).ToList();
            foreach (var name in acknowledged) Assert.Single(stored, s => s.Name == name);
            Assert.Equal(stored.Count, stored.Select(s => s.Name).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(n => (long)n), stored.Select(s => s.Number));
        }

        var list = await Post(again, "/slack/command", Command("list"));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Backlog by ICE", await list.Content.ReadAsStringAsync());
    }

    /// <summary>Starts the built app on <paramref name="database"/> and waits until <c>/health</c> says healthy.</summary>
    private static async Task<GrowthBotProcess> StartBot(FakeSlack slack, TestDatabase database)
    {
        var bot = GrowthBotProcess.Start(slack.ApiBaseUrl, database.ConnectionString, new Dictionary<string, string>
        {
            ["Slack__BotToken"] = slack.BotToken,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            // Generous: a cold start beside the rest of the suite on a loaded 2-core machine took over 30 s. The
            // benchmark, not this test, measures how fast the app starts.
            await bot.WaitHealthy(TimeSpan.FromMinutes(2));
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>The modal's view as JSON text: each sender parses its own copy, as JsonNode is not safe to share.</summary>
    private static async Task<string> OpenNewExperimentModal(HttpClient http, FakeSlack slack)
    {
        using var response = await Post(http, "/slack/command", Command("new"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await slack.WaitFor("views.open")).View!.ToJsonString();
    }

    private static ViewSubmission Named(string view, string name) =>
        ViewSubmission.Of(JsonNode.Parse(view)!)
            .Text(B.Name, name).Text(B.Hypothesis, "Partners bring warm leads").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "7").Number(B.Confidence, "5").Number(B.Ease, "6");

    private static string Command(string text) => GrowthBotApp.Form(new()
    {
        ["team_id"] = TeamId, ["channel_id"] = GrowthBotApp.GrowthChannel, ["user_id"] = GrowthBotApp.Alice,
        ["command"] = "/experiment", ["text"] = text, ["trigger_id"] = "1.1.durable", ["response_url"] = "",
    });

    private static async Task<HttpResponseMessage> Post(HttpClient http, string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(GrowthBotProcess.SigningSecret, timestamp, bytes));
        return await http.SendAsync(request);
    }
}
