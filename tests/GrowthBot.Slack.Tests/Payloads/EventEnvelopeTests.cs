using GrowthBot.Slack.Payloads;

namespace GrowthBot.Slack.Tests.Payloads;

public class EventEnvelopeTests
{
    [Fact]
    public void An_event_callback_is_read_with_its_event()
    {
        var envelope = SlackJson.Deserialize<EventEnvelope>("""
            {"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1763460000,
             "event":{"type":"message","channel":"C1","channel_type":"channel","user":"U1","text":"done","ts":"1.000200",
                      "thread_ts":"1.000100","event_ts":"1.000200","client_msg_id":"abc"}}
            """)!;

        Assert.Equal(("event_callback", "T1", "A1", "Ev1", 1763460000L), (envelope.Type, envelope.TeamId, envelope.ApiAppId, envelope.EventId, envelope.EventTime));
        var e = envelope.Event!;
        Assert.Equal(("message", "C1", "channel", "U1", "done"), (e.Type, e.Channel, e.ChannelType, e.User, e.Text));
        Assert.Equal(("1.000200", "1.000100"), (e.Ts, e.ThreadTs));
        Assert.True(e.IsThreadReply);
        Assert.Equal("abc", e.ExtensionData!["client_msg_id"].GetString());
    }

    [Fact]
    public void The_parent_of_a_thread_is_not_a_reply()
    {
        var e = SlackJson.Deserialize<SlackEvent>("""{"type":"message","ts":"1.000100","thread_ts":"1.000100"}""")!;

        Assert.False(e.IsThreadReply);
    }

    [Fact]
    public void A_message_outside_a_thread_is_not_a_reply()
    {
        var e = SlackJson.Deserialize<SlackEvent>("""{"type":"message","ts":"1.000100"}""")!;

        Assert.False(e.IsThreadReply);
    }

    [Fact]
    public void A_url_verification_carries_its_challenge()
    {
        var envelope = SlackJson.Deserialize<EventEnvelope>("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""")!;

        Assert.Equal("url_verification", envelope.Type);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", envelope.Challenge);
        Assert.Null(envelope.Event);
    }

    [Fact]
    public void App_home_opened_carries_the_tab()
    {
        var e = SlackJson.Deserialize<SlackEvent>("""{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1.0"}""")!;

        Assert.Equal(("app_home_opened", "home", "D1"), (e.Type, e.Tab, e.Channel));
    }
}
