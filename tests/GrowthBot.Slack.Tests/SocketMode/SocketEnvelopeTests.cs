using System.Text;
using System.Text.Json;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.SocketMode;

namespace GrowthBot.Slack.Tests.SocketMode;

public class SocketEnvelopeTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void An_envelope_carries_its_id_payload_and_retry_details()
    {
        var envelope = SocketEnvelope.From(Json("""
            {"type":"events_api","envelope_id":"e1","payload":{"type":"event_callback","event_id":"Ev1"},
             "accepts_response_payload":false,"retry_attempt":2,"retry_reason":"timeout"}
            """))!;

        Assert.Equal(("events_api", "e1", false, 2, "timeout"),
            (envelope.Type, envelope.EnvelopeId, envelope.AcceptsResponsePayload, envelope.RetryAttempt, envelope.RetryReason));
        Assert.Equal("Ev1", envelope.Payload.GetProperty("event_id").GetString());
    }

    [Fact]
    public void Hello_and_disconnect_are_not_envelopes()
    {
        Assert.Null(SocketEnvelope.From(Json("""{"type":"hello","num_connections":1}""")));
        Assert.Null(SocketEnvelope.From(Json("""{"type":"disconnect","reason":"warning"}""")));
    }

    [Fact]
    public void The_ack_quotes_the_envelope_id_alone_when_there_is_no_reply()
    {
        Assert.Equal("""{"envelope_id":"e1"}""", Encoding.UTF8.GetString(SocketModeClient.AckMessage("e1", null)));
    }

    [Fact]
    public void The_ack_carries_the_reply_in_Slack_s_wire_format()
    {
        var reply = ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { ["name"] = "Give it a name" });

        var ack = JsonDocument.Parse(SocketModeClient.AckMessage("e2", SlackAck.Json(reply).Body)).RootElement;

        Assert.Equal("e2", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("errors", ack.GetProperty("payload").GetProperty("response_action").GetString());
        Assert.Equal("Give it a name", ack.GetProperty("payload").GetProperty("errors").GetProperty("name").GetString());
    }

    [Fact]
    public void A_slash_command_is_read_from_the_JSON_fields_Socket_Mode_sends()
    {
        var command = PayloadParser.Command(Json("""
            {"command":"/experiment","text":"show E3","team_id":"T1","user_id":"U1","channel_id":"C1",
             "response_url":"https://hooks.slack.com/commands/x","trigger_id":"t.1","is_enterprise_install":false}
            """))!;

        Assert.Equal(("/experiment", "show E3", "T1", "U1", "C1"), (command.Command, command.Text, command.TeamId, command.UserId, command.ChannelId));
        Assert.Equal("t.1", command.TriggerId);
        Assert.Null(PayloadParser.Command(Json("""{"text":"no command"}""")));
    }

    [Fact]
    public void An_interaction_is_read_from_the_payload_object_and_unknown_kinds_are_refused()
    {
        var submission = PayloadParser.Interaction(Json("""
            {"type":"view_submission","user":{"id":"U1"},"team":{"id":"T1"},"view":{"id":"V1","callback_id":"cb","state":{"values":{}}}}
            """));
        Assert.IsType<ViewSubmissionPayload>(submission);
        Assert.Null(PayloadParser.Interaction(Json("""{"type":"something_new","user":{"id":"U1"}}""")));
        Assert.Null(PayloadParser.Interaction(Json("[]")));
    }
}
