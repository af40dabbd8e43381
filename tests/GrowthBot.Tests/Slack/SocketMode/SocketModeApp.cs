using System.Text.Json.Nodes;
using GrowthBot.Slack.SocketMode;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Tests.Slack.SocketMode;

/// <summary>Starts GrowthBot in Socket Mode against the fake, with timeouts short enough for tests.</summary>
internal static class SocketModeApp
{
    public const string AppToken = "xapp-test";

    public static Task<GrowthBotApp> Start(
        FakeSlack? slack = null,
        CapturedLogs? logs = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            // Generous enough for a cold start on a busy machine; the tests about timeouts set short ones.
            ["Slack:SocketConnectTimeout"] = "00:00:03",
            ["Slack:SocketHelloTimeout"] = "00:00:03",
            ["Slack:SocketReconnectBaseDelay"] = "00:00:00.020",
            ["Slack:SocketReconnectMaxDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        return GrowthBotApp.Start(configuration, slack: slack, services: s =>
        {
            if (logs is not null) s.AddSingleton<ILoggerProvider>(logs);
            TestHandlers.Register(s);
            services?.Invoke(s);
        });
    }

    public static SocketModeClient Client(this GrowthBotApp app) => app.Service<SocketModeClient>();

    /// <summary>Waits until the client reports <paramref name="state"/>.</summary>
    public static async Task WaitForState(this GrowthBotApp app, SocketModeState state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (app.Client().State != state)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Socket Mode stayed {app.Client().State}, expected {state}");
            await Task.Delay(10);
        }
    }

    /// <summary>The form fields of a slash command, as the JSON object Socket Mode carries them in.</summary>
    public static string CommandPayload(FakeSlack slack, string commandLine, string user = GrowthBotApp.Alice)
    {
        var space = commandLine.IndexOf(' ');
        return new JsonObject
        {
            ["token"] = "legacy-unused",
            ["team_id"] = GrowthBotApp.TeamId,
            ["team_domain"] = "acme",
            ["channel_id"] = GrowthBotApp.GrowthChannel,
            ["channel_name"] = "growth",
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["command"] = space < 0 ? commandLine : commandLine[..space],
            ["text"] = space < 0 ? "" : commandLine[(space + 1)..],
            ["api_app_id"] = "A0GROWTH",
            ["is_enterprise_install"] = "false",
            ["response_url"] = slack.ResponseUrl($"sock{Guid.NewGuid():N}"[..12]),
            ["trigger_id"] = $"{Guid.NewGuid():N}.1234567890.abcdef",
        }.ToJsonString();
    }

    /// <summary>An Events API body wrapping <paramref name="event"/>, as in HTTP mode.</summary>
    public static string EventPayload(JsonObject @event, string eventId) => new JsonObject
    {
        ["token"] = "legacy-unused",
        ["team_id"] = GrowthBotApp.TeamId,
        ["api_app_id"] = "A0GROWTH",
        ["event"] = @event,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_763_000_000,
    }.ToJsonString();

    public static JsonObject Mention(string text = "<@UBOT> hello", string user = GrowthBotApp.Alice) => new()
    {
        ["type"] = "app_mention", ["user"] = user, ["text"] = text, ["ts"] = "1763000000.000100",
        ["channel"] = GrowthBotApp.GrowthChannel, ["event_ts"] = "1763000000.000100",
    };
}
