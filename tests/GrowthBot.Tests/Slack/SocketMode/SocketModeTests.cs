using System.Net;
using System.Text.Json.Nodes;
using GrowthBot.Features.Experiments;
using GrowthBot.Slack.SocketMode;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Slack.SocketMode;

public class SocketModeTests
{
    [Fact]
    public async Task With_an_app_token_the_bot_connects_with_it_and_health_reports_the_connection()
    {
        await using var app = await SocketModeApp.Start();

        await app.WaitForState(SocketModeState.Connected);

        Assert.Equal(SocketModeApp.AppToken, app.Slack.Last("apps.connections.open").Token);
        Assert.Equal(1, app.Slack.SocketMode.ConnectionCount);
        var health = JsonNode.Parse(await app.Http.GetStringAsync("/health"))!;
        Assert.Equal("ok", health["checks"]!["socket_mode"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_app_token_there_is_no_socket_and_no_socket_mode_health_entry()
    {
        await using var app = await GrowthBotApp.Start();

        var health = JsonNode.Parse(await app.Http.GetStringAsync("/health"))!;

        Assert.Null(health["checks"]!["socket_mode"]);
        Assert.Equal(SocketModeState.Off, app.Client().State);
        Assert.Empty(app.Slack.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task A_slash_command_envelope_is_acknowledged_with_the_ephemeral_reply()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);

        var id = await app.Slack.SocketMode.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, "/experiment list"), acceptsResponse: true);

        var ack = await app.Slack.SocketMode.WaitForAck(id);
        Assert.Equal(id, ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.Contains("No experiments yet", FakeSlack.TextOf(ack["payload"]));
    }

    [Fact]
    public async Task An_invalid_modal_submission_is_acknowledged_with_inline_errors_and_nothing_is_stored()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var opened = await app.Slack.SocketMode.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, "/experiment new"), acceptsResponse: true);
        var openAck = await app.Slack.SocketMode.WaitForAck(opened);
        Assert.Null(openAck["payload"]);

        var submission = ViewSubmission.Of(app.Slack.Last("views.open")).Text(B.Name, " ").Number(B.Impact, "11");
        var id = await app.Slack.SocketMode.SendEnvelope("interactive", submission.ToJson(GrowthBotApp.TeamId, "9.1234567890.abcdef"), acceptsResponse: true);

        var ack = await app.Slack.SocketMode.WaitForAck(id);
        Assert.Equal("errors", ack["payload"]!["response_action"]!.GetValue<string>());
        var errors = ack["payload"]!["errors"]!.AsObject();
        Assert.Contains(B.Name, errors.Select(e => e.Key));
        Assert.Contains(B.Impact, errors.Select(e => e.Key));
        await using var db = await app.Db();
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, "SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public async Task A_valid_modal_submission_is_acknowledged_empty_so_the_modal_closes()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        await app.Slack.SocketMode.WaitForAck(await app.Slack.SocketMode.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, "/experiment new"), acceptsResponse: true));

        var submission = ViewSubmission.Of(app.Slack.Last("views.open"))
            .Text(B.Name, "LinkedIn InMail to CMOs").Text(B.Hypothesis, "CMOs answer InMail").Select(B.Stage, "Acquisition")
            .Text(B.Metric, "Leads").Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7");
        var id = await app.Slack.SocketMode.SendEnvelope("interactive", submission.ToJson(GrowthBotApp.TeamId, "9.1234567890.abcdef"), acceptsResponse: true);

        var ack = await app.Slack.SocketMode.WaitForAck(id);
        Assert.Equal([("envelope_id", id)], ack.Select(p => (p.Key, p.Value!.GetValue<string>())));
        await app.Idle();
        await using var db = await app.Db();
        Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, "SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public async Task An_external_select_s_request_for_options_is_answered_in_the_ack()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var suggestion = new JsonObject
        {
            ["type"] = "block_suggestion", ["action_id"] = GrowthBot.Features.Settings.TimeZoneOptions.ActionId, ["block_id"] = "zone", ["value"] = "helsin",
            ["team"] = new JsonObject { ["id"] = GrowthBotApp.TeamId }, ["user"] = new JsonObject { ["id"] = GrowthBotApp.Lead, ["team_id"] = GrowthBotApp.TeamId },
        };

        var id = await app.Slack.SocketMode.SendEnvelope("interactive", suggestion.ToJsonString(), acceptsResponse: true);

        var ack = await app.Slack.SocketMode.WaitForAck(id);
        Assert.Equal("Europe/Helsinki", ack["payload"]!["options"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_is_acknowledged_and_handled_once_even_when_Slack_resends_it()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;

        var first = await socket.SendEnvelope("events_api", SocketModeApp.EventPayload(SocketModeApp.Mention(), "Ev0SOCKET1"));
        await socket.WaitForAck(first);
        await app.Idle();
        var retry = await socket.SendEnvelope("events_api", SocketModeApp.EventPayload(SocketModeApp.Mention(), "Ev0SOCKET1"), retryAttempt: 1, retryReason: "timeout");
        var retryAck = await socket.WaitForAck(retry);
        await app.Idle();

        Assert.Null(retryAck["payload"]);
        Assert.Equal(["Ev0SOCKET1"], app.Service<HandledEvents>().Ids);
    }

    [Fact]
    public async Task The_bot_ignores_its_own_messages_in_socket_mode()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;
        var ownByUser = new JsonObject { ["type"] = "message", ["user"] = FakeSlack.BotUserId, ["text"] = "Weekly report", ["ts"] = "1.1", ["channel"] = GrowthBotApp.GrowthChannel };
        var ownByBotId = new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = FakeSlack.BotId, ["text"] = "Nudge", ["ts"] = "1.2", ["channel"] = GrowthBotApp.GrowthChannel };
        var someoneElse = new JsonObject { ["type"] = "message", ["user"] = GrowthBotApp.Bob, ["text"] = "Hi", ["ts"] = "1.3", ["channel"] = GrowthBotApp.GrowthChannel };

        foreach (var (e, id) in new[] { (ownByUser, "Ev0OWN1"), (ownByBotId, "Ev0OWN2"), (someoneElse, "Ev0BOB") })
            await socket.WaitForAck(await socket.SendEnvelope("events_api", SocketModeApp.EventPayload(e, id)));
        await app.Idle();

        Assert.Equal(["Ev0BOB"], app.Service<HandledEvents>().Ids);
    }

    [Fact]
    public async Task Unknown_event_types_and_envelope_types_are_acknowledged_and_ignored()
    {
        var logs = new CapturedLogs();
        await using var app = await SocketModeApp.Start(logs: logs);
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;
        var callsBefore = app.Slack.Calls.Count;

        var reaction = new JsonObject { ["type"] = "reaction_added", ["user"] = GrowthBotApp.Bob, ["reaction"] = "tada", ["event_ts"] = "1.4" };
        var unknownEvent = await socket.SendEnvelope("events_api", SocketModeApp.EventPayload(reaction, "Ev0REACT"));
        var unknownEnvelope = await socket.SendEnvelope("brand_new_kind", """{"anything":1}""", acceptsResponse: true);

        Assert.Null((await socket.WaitForAck(unknownEvent))["payload"]);
        Assert.Null((await socket.WaitForAck(unknownEnvelope))["payload"]);
        await app.Idle();
        Assert.Empty(app.Service<HandledEvents>().Ids);
        Assert.Equal(callsBefore, app.Slack.Calls.Count);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_warning_disconnect_opens_a_new_connection_before_closing_the_old_one()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;

        await socket.Disconnect("warning");
        await socket.WaitForConnections(2);
        await socket.WaitForOpenConnections(1);

        Assert.Equal(2, app.Slack.CallsTo("apps.connections.open").Count);
        var id = await socket.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, "/experiment list"), acceptsResponse: true);
        Assert.Equal("ephemeral", (await socket.WaitForAck(id))["payload"]!["response_type"]!.GetValue<string>());
        await app.WaitForState(SocketModeState.Connected);
    }

    [Fact]
    public async Task An_envelope_still_being_handled_when_Slack_refreshes_is_acknowledged_on_the_old_connection()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;
        var gate = app.Service<SlowCommandGate>();

        var slow = await socket.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, SlowCommand.Name), acceptsResponse: true);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await socket.Disconnect("refresh_requested");
        await socket.WaitForConnections(2);
        Assert.Equal(2, socket.OpenConnections);
        gate.Release.SetResult();

        var ack = await socket.WaitForAck(slow);
        Assert.Contains("done slowly", FakeSlack.TextOf(ack["payload"]));
        await socket.WaitForOpenConnections(1);
    }

    [Fact]
    public async Task A_dropped_connection_is_replaced_and_serves_again()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;

        socket.DropConnection();
        await socket.WaitForConnections(2);
        await app.WaitForState(SocketModeState.Connected);

        var id = await socket.SendEnvelope("events_api", SocketModeApp.EventPayload(SocketModeApp.Mention(), "Ev0AFTERDROP"));
        await socket.WaitForAck(id);
        await app.Idle();
        Assert.Equal(["Ev0AFTERDROP"], app.Service<HandledEvents>().Ids);
    }

    [Fact]
    public async Task A_socket_that_stops_answering_pings_is_replaced()
    {
        var slack = await FakeSlack.Start();
        slack.SocketMode.SilentConnections = 1;
        await using var app = await SocketModeApp.Start(slack, settings: new Dictionary<string, string?> { ["Slack:SocketSilenceTimeout"] = "00:00:02" });

        await slack.SocketMode.WaitForConnections(2);
        await app.WaitForState(SocketModeState.Connected);

        var id = await slack.SocketMode.SendEnvelope("events_api", SocketModeApp.EventPayload(SocketModeApp.Mention(), "Ev0AFTERSILENCE"));
        await slack.SocketMode.WaitForAck(id);
    }

    [Fact]
    public async Task Too_many_websockets_and_unknown_reasons_close_the_connection_and_reconnect()
    {
        var logs = new CapturedLogs();
        await using var app = await SocketModeApp.Start(logs: logs);
        await app.WaitForState(SocketModeState.Connected);
        var socket = app.Slack.SocketMode;

        await socket.Disconnect("too_many_websockets");
        await socket.WaitForConnections(2);
        await socket.Disconnect("a_reason_slack_invents_later");
        await socket.WaitForConnections(3);
        await socket.WaitForOpenConnections(1);
        await app.WaitForState(SocketModeState.Connected);
        Assert.Contains(logs.Containing("ended (too_many_websockets)"), m => m.Contains("connection 1"));
    }

    [Fact]
    public async Task Socket_mode_disabled_stops_the_client_with_one_clear_log_line_and_no_reconnect()
    {
        var logs = new CapturedLogs();
        await using var app = await SocketModeApp.Start(logs: logs);
        await app.WaitForState(SocketModeState.Connected);

        await app.Slack.SocketMode.Disconnect("socket_mode_disabled");
        await app.WaitForState(SocketModeState.Disabled);
        await app.Client().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([SocketModeClient.DisabledMessage], logs.Containing("Socket Mode is disabled"));
        Assert.Single(app.Slack.CallsTo("apps.connections.open"));
        Assert.Equal(1, app.Slack.SocketMode.ConnectionCount);
        // The client is done once Slack's side answered its close frame; the fake marks the socket closed only
        // after it sent that answer, on its own thread.
        await app.Slack.SocketMode.WaitForOpenConnections(0);
        var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("socket_mode_disabled", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Link_disabled_is_taken_as_socket_mode_disabled()
    {
        await using var app = await SocketModeApp.Start();
        await app.WaitForState(SocketModeState.Connected);

        await app.Slack.SocketMode.Disconnect("link_disabled");

        await app.WaitForState(SocketModeState.Disabled);
        await app.Client().ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, app.Slack.SocketMode.ConnectionCount);
    }

    [Fact]
    public async Task A_failing_or_hanging_apps_connections_open_is_retried_with_backoff()
    {
        var slack = await FakeSlack.Start();
        slack.Script("apps.connections.open", FakeResponse.Http(503), FakeResponse.Http(503), FakeResponse.Hangs(TimeSpan.FromMinutes(5)));
        var logs = new CapturedLogs();
        // The timeout also covers the answered call and the handshake after it, which a loaded machine can slow
        // past half a second; the counts below hold only if nothing but the scripted hang times out.
        await using var app = await SocketModeApp.Start(slack, logs, new Dictionary<string, string?> { ["Slack:MaxRetries"] = "0", ["Slack:SocketConnectTimeout"] = "00:00:02" });

        await app.WaitForState(SocketModeState.Connected);

        Assert.Equal(4, slack.CallsTo("apps.connections.open").Count);
        Assert.Equal(1, slack.SocketMode.ConnectionCount);
        var failures = logs.Containing("Socket Mode could not connect");
        Assert.Equal(3, failures.Count);
        Assert.Contains("http_503", failures[0]);
        Assert.Contains("apps.connections.open took longer than", failures[2]);
    }

    [Fact]
    public async Task A_connection_that_never_says_hello_is_dropped_and_retried()
    {
        var slack = await FakeSlack.Start();
        slack.SocketMode.SayHello = false;
        await using var app = await SocketModeApp.Start(slack, settings: new Dictionary<string, string?> { ["Slack:SocketHelloTimeout"] = "00:00:00.500" });

        await slack.SocketMode.WaitForConnections(1);
        slack.SocketMode.SayHello = true;
        await app.WaitForState(SocketModeState.Connected);

        Assert.True(slack.SocketMode.ConnectionCount >= 2);
        await slack.SocketMode.WaitForOpenConnections(1);
    }

    [Fact]
    public async Task Socket_mode_needs_no_signing_secret()
    {
        await using var app = await SocketModeApp.Start(settings: new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });

        await app.WaitForState(SocketModeState.Connected);
        var id = await app.Slack.SocketMode.SendEnvelope("slash_commands", SocketModeApp.CommandPayload(app.Slack, "/experiment list"), acceptsResponse: true);

        Assert.Equal("ephemeral", (await app.Slack.SocketMode.WaitForAck(id))["payload"]!["response_type"]!.GetValue<string>());
    }
}
