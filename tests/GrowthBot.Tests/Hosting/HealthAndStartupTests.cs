using System.Net;
using System.Text.Json.Nodes;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrowthBot.Tests.Hosting;

public class HealthAndStartupTests
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> Health(GrowthBotApp app)
    {
        var response = await app.Http.GetAsync("/health");
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task Health_reports_the_database_and_slack_as_ok()
    {
        await using var app = await GrowthBotApp.Start();

        var (status, body) = await Health(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        Assert.Equal("ok", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.True(body["checks"]!["database"]!["schema"]!.GetValue<long>() >= 1);
        Assert.Equal(app.TestDatabase.Kind == DatabaseKind.Postgres ? "PostgreSQL" : "SQLite", body["checks"]!["database"]!["engine"]!.GetValue<string>());
        Assert.Equal("ok", body["checks"]!["slack"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_names_this_instance_in_the_scheduler_and_says_whether_instances_share_it()
    {
        await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Schedule:Enabled"] = "true" });

        var scheduler = (await Health(app)).Body["checks"]!["scheduler"]!;

        var postgres = app.TestDatabase.Kind == DatabaseKind.Postgres;
        Assert.Equal("ok", scheduler["status"]!.GetValue<string>());
        // PostgreSQL: a clustered store, each instance with an id of its own; SQLite: one process, Quartz's fixed id.
        Assert.Equal(postgres, scheduler["clustered"]!.GetValue<bool>());
        Assert.Equal(postgres, scheduler["instance"]!.GetValue<string>() != "NON_CLUSTERED");
        Assert.Equal(postgres ? 1 : null, scheduler["nodes"]?.GetValue<int>());
    }

    [Fact]
    public async Task Health_is_503_with_slack_failing_when_slack_stops_answering()
    {
        await using var app = await GrowthBotApp.Start();
        // The first attempt and its three retries, all failing.
        app.Slack.Script("auth.test", FakeResponse.Http(503), FakeResponse.Http(503), FakeResponse.Http(503), FakeResponse.Http(503));
        app.Time.Advance(TimeSpan.FromMinutes(2));

        var (status, body) = await Health(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", body["status"]!.GetValue<string>());
        Assert.Equal("failing", body["checks"]!["slack"]!["status"]!.GetValue<string>());
        Assert.Equal("http_503", body["checks"]!["slack"]!["error"]!.GetValue<string>());
        Assert.Equal("ok", body["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_asks_slack_again_at_most_once_a_minute()
    {
        await using var app = await GrowthBotApp.Start();

        await Health(app);
        await Health(app);

        Assert.Single(app.Slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task Startup_calls_auth_test_with_the_bot_token()
    {
        await using var app = await GrowthBotApp.Start();

        var call = Assert.Single(app.Slack.CallsTo("auth.test"));
        Assert.Equal(app.Slack.BotToken, call.Token);
    }

    [Fact]
    public async Task A_bot_token_slack_refuses_at_startup_stops_the_app_with_a_failing_exit_code()
    {
        var slack = await FakeSlack.Start();
        slack.Script("auth.test", FakeResponse.Fail("invalid_auth"));
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            try
            {
                await using var app = await GrowthBotApp.Start(slack: slack, services: s => s.AddHostedService(sp => new StopWatcher(sp.GetRequiredService<IHostApplicationLifetime>(), stopping)));
            }
            catch (ObjectDisposedException)
            {
                // The app can finish stopping before the test host has finished starting it; that is the point.
                await slack.DisposeAsync();
            }

            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, Environment.ExitCode);
            Assert.Single(slack.CallsTo("auth.test"));
        }
        finally
        {
            // The app sets the exit code for its real process; here that process is the test runner.
            Environment.ExitCode = 0;
        }
    }

    /// <summary>Notices the app beginning to stop; built before any hosted service starts.</summary>
    private sealed class StopWatcher : IHostedService
    {
        public StopWatcher(IHostApplicationLifetime lifetime, TaskCompletionSource stopping) =>
            lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
