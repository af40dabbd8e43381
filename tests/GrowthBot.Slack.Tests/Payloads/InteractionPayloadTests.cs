using System.Net;
using System.Text;
using GrowthBot.Slack.Http;
using GrowthBot.Slack.Payloads;

namespace GrowthBot.Slack.Tests.Payloads;

public class InteractionPayloadTests
{
    private static InteractionPayload? Parse(string json) =>
        SlackEndpoints.ParsePayload(SlackEndpoints.ParseForm(Encoding.UTF8.GetBytes("payload=" + WebUtility.UrlEncode(json))));

    [Fact]
    public void Block_actions_carry_the_clicked_action_the_message_and_the_response_url()
    {
        var payload = Parse("""
            {"type":"block_actions","team":{"id":"T1","domain":"acme"},"user":{"id":"U1","username":"alice","team_id":"T1"},
             "api_app_id":"A1","trigger_id":"9.9.9","response_url":"https://hooks.slack.com/actions/1",
             "container":{"type":"message","message_ts":"1.000100","channel_id":"C1","is_ephemeral":false},
             "channel":{"id":"C1","name":"growth"},"message":{"ts":"1.000100","text":"hi"},
             "actions":[{"action_id":"task_done:T3","block_id":"b1","type":"button","value":"T3","action_ts":"2.0"}]}
            """);

        var actions = Assert.IsType<BlockActionsPayload>(payload);
        Assert.Equal(("T1", "U1", "9.9.9"), (actions.TeamId, actions.UserId, actions.TriggerId));
        Assert.Equal("https://hooks.slack.com/actions/1", actions.ResponseUrl);
        Assert.Equal(("C1", "1.000100"), (actions.Container!.ChannelId, actions.Container.MessageTs));
        var action = Assert.Single(actions.Actions);
        Assert.Equal(("task_done:T3", "b1", "button", "T3"), (action.ActionId, action.BlockId, action.Type, action.Value));
    }

    [Fact]
    public void A_view_submission_carries_the_state_of_every_input_type()
    {
        var payload = Parse("""
            {"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},"trigger_id":"1.1.1",
             "view":{"id":"V1","type":"modal","callback_id":"experiment_new","private_metadata":"{\"c\":\"C1\"}","hash":"h1",
               "state":{"values":{
                 "name":{"value":{"type":"plain_text_input","value":"Cold email"}},
                 "stage":{"value":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Acquisition"},"value":"Acquisition"}}},
                 "start":{"value":{"type":"datepicker","selected_date":"2026-11-18"}},
                 "owner":{"value":{"type":"users_select","selected_user":"U2"}},
                 "empty":{"value":{"type":"plain_text_input","value":null}}}}}}
            """);

        var submission = Assert.IsType<ViewSubmissionPayload>(payload);
        Assert.Equal(("V1", "experiment_new", "{\"c\":\"C1\"}", "h1"),
            (submission.View.Id, submission.View.CallbackId, submission.View.PrivateMetadata, submission.View.Hash));
        var state = submission.View.State!;
        Assert.Equal("Cold email", state.Get("name", "value")!.Value);
        Assert.Equal("Acquisition", state.Get("stage", "value")!.SelectedOption!.Value);
        Assert.Equal("2026-11-18", state.Get("start", "value")!.SelectedDate);
        Assert.Equal("U2", state.Get("owner", "value")!.SelectedUser);
        Assert.Null(state.Get("empty", "value")!.Value);
        Assert.Null(state.Get("missing", "value"));
    }

    [Fact]
    public void A_view_closed_payload_is_recognised()
    {
        var payload = Parse("""{"type":"view_closed","team":{"id":"T1"},"user":{"id":"U1"},"view":{"id":"V1","callback_id":"cb"},"is_cleared":true}""");

        var closed = Assert.IsType<ViewClosedPayload>(payload);
        Assert.Equal("cb", closed.View.CallbackId);
        Assert.True(closed.IsCleared);
    }

    [Fact]
    public void The_type_may_come_after_other_properties()
    {
        var payload = Parse("""{"user":{"id":"U1"},"view":{"id":"V1","callback_id":"cb"},"type":"view_closed"}""");

        Assert.IsType<ViewClosedPayload>(payload);
    }

    [Theory]
    [InlineData("""{"type":"shortcut","user":{"id":"U1"},"callback_id":"x"}""")]
    [InlineData("""{"type":"something_new","user":{"id":"U1"}}""")]
    [InlineData("""{"user":{"id":"U1"}}""")]
    [InlineData("""{"type":"block_actions","actions":[]}""")]
    public void An_unknown_type_or_a_payload_without_user_is_not_an_interaction(string json)
    {
        Assert.Null(Parse(json));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"block_actions\",")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"type\":42,\"user\":{\"id\":\"U1\"}}")]
    [InlineData("{\"type\":\"block_actions\",\"user\":\"U1\"}")]
    public void Bad_json_is_not_an_interaction(string json)
    {
        Assert.Null(Parse(json));
    }

    [Fact]
    public void A_form_without_a_payload_field_is_not_an_interaction()
    {
        Assert.Null(SlackEndpoints.ParsePayload(SlackEndpoints.ParseForm(Encoding.UTF8.GetBytes("foo=bar"))));
    }
}
