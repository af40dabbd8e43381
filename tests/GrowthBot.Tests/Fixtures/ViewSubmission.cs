using System.Text.Json.Nodes;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// A view_submission built from a modal the bot opened. Inputs start with their initial values, as in
/// Slack when the user leaves them untouched; the test then types into the fields it cares about.
/// </summary>
public sealed class ViewSubmission
{
    private readonly JsonObject _view;
    private readonly JsonObject _values = new();

    private ViewSubmission(JsonNode view, string user)
    {
        _view = view.DeepClone().AsObject();
        User = user;
        foreach (var block in _view["blocks"]!.AsArray())
        {
            if (block?["type"]?.GetValue<string>() != "input") continue;
            var element = block["element"]!;
            var state = Initial(element);
            if (state is not null) Set(block["block_id"]!.GetValue<string>(), element["action_id"]!.GetValue<string>(), state);
        }
    }

    public string User { get; }

    /// <summary>Starts from the view of a views.open / views.push / views.update call.</summary>
    public static ViewSubmission Of(SlackCall call, string user = GrowthBotApp.Alice) => new(call.View!, user);

    public static ViewSubmission Of(JsonNode view, string user = GrowthBotApp.Alice) => new(view, user);

    public ViewSubmission Text(string blockId, string? value) => Put(blockId, "plain_text_input", new JsonObject { ["value"] = value });

    public ViewSubmission Number(string blockId, string? value) => Put(blockId, "number_input", new JsonObject { ["value"] = value });

    public ViewSubmission Select(string blockId, string? value) =>
        Put(blockId, "static_select", new JsonObject { ["selected_option"] = value is null ? null : Option(value) });

    public ViewSubmission SelectMany(string blockId, params string[] values) =>
        Put(blockId, "multi_static_select", new JsonObject { ["selected_options"] = new JsonArray(values.Select(v => (JsonNode)Option(v)).ToArray()) });

    public ViewSubmission Radio(string blockId, string value) => Put(blockId, "radio_buttons", new JsonObject { ["selected_option"] = Option(value) });

    public ViewSubmission Checked(string blockId, params string[] values) =>
        Put(blockId, "checkboxes", new JsonObject { ["selected_options"] = new JsonArray(values.Select(v => (JsonNode)Option(v)).ToArray()) });

    public ViewSubmission PickUser(string blockId, string? userId) => Put(blockId, "users_select", new JsonObject { ["selected_user"] = userId });

    public ViewSubmission PickUsers(string blockId, params string[] userIds) =>
        Put(blockId, "multi_users_select", new JsonObject { ["selected_users"] = new JsonArray(userIds.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()) });

    public ViewSubmission Conversation(string blockId, string? channelId) => Put(blockId, "conversations_select", new JsonObject { ["selected_conversation"] = channelId });

    public ViewSubmission Date(string blockId, DateOnly? date) => Put(blockId, "datepicker", new JsonObject { ["selected_date"] = date?.ToString("yyyy-MM-dd") });

    public ViewSubmission Time(string blockId, string? time) => Put(blockId, "timepicker", new JsonObject { ["selected_time"] = time });

    public string? CallbackId => _view["callback_id"]?.GetValue<string>();

    /// <summary>The block id of the input whose id is <paramref name="prefix"/> or starts with it (a block id that changes while the modal is open).</summary>
    public string BlockId(string prefix) =>
        _view["blocks"]!.AsArray().Select(b => b?["block_id"]?.GetValue<string>()).FirstOrDefault(id => id == prefix || id?.StartsWith(prefix + ".") == true)
        ?? throw new Xunit.Sdk.XunitException($"The modal has no block '{prefix}…'");

    public string ToJson(string teamId, string triggerId)
    {
        var payload = ActionPayload.Envelope("view_submission", teamId, User, triggerId);
        payload["view"] = ViewWithState(teamId);
        return payload.ToJsonString();
    }

    /// <summary>
    /// The block_actions Slack sends when the person changes an input that dispatches its changes (dispatch_action):
    /// the changed element, and the whole view with what is typed so far in its state.
    /// </summary>
    public string ToBlockActionJson(string teamId, string triggerId, string blockId, string actionTs)
    {
        var block = _view["blocks"]!.AsArray().First(b => b?["block_id"]?.GetValue<string>() == blockId)!;
        if (block["dispatch_action"]?.GetValue<bool>() != true) throw new Xunit.Sdk.XunitException($"Block '{blockId}' does not dispatch its changes");
        var element = block["element"]!;
        var action = _values[blockId]![element["action_id"]!.GetValue<string>()]!.DeepClone().AsObject();
        action["action_id"] = element["action_id"]!.DeepClone();
        action["block_id"] = blockId;
        action["action_ts"] = actionTs;
        var view = ViewWithState(teamId);
        var payload = ActionPayload.Envelope("block_actions", teamId, User, triggerId);
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = view["id"]!.DeepClone() };
        payload["view"] = view;
        payload["actions"] = new JsonArray(action);
        return payload.ToJsonString();
    }

    private JsonObject ViewWithState(string teamId) => new()
    {
        ["id"] = _view["id"]?.DeepClone() ?? "V0SUBMIT",
        ["team_id"] = teamId,
        ["type"] = "modal",
        ["callback_id"] = _view["callback_id"]?.DeepClone(),
        ["private_metadata"] = _view["private_metadata"]?.DeepClone() ?? "",
        ["hash"] = "156772938.1827394",
        ["state"] = new JsonObject { ["values"] = _values.DeepClone() },
    };

    private ViewSubmission Put(string blockId, string type, JsonObject state)
    {
        var block = _view["blocks"]!.AsArray().FirstOrDefault(b => b?["block_id"]?.GetValue<string>() == blockId)
            ?? throw new Xunit.Sdk.XunitException($"The modal has no block '{blockId}'. Blocks: {string.Join(", ", _view["blocks"]!.AsArray().Select(b => b?["block_id"]))}");
        var actionId = block["element"]?["action_id"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"Block '{blockId}' has no input element");
        state["type"] = type;
        Set(blockId, actionId, state);
        return this;
    }

    private void Set(string blockId, string actionId, JsonObject state)
    {
        if (_values[blockId] is not JsonObject block) _values[blockId] = block = new JsonObject();
        block[actionId] = state;
    }

    private static JsonObject Option(string value) => new() { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value };

    private static JsonObject? Initial(JsonNode element)
    {
        var type = element["type"]!.GetValue<string>();
        return type switch
        {
            "plain_text_input" or "number_input" => new JsonObject { ["type"] = type, ["value"] = element["initial_value"]?.DeepClone() },
            "datepicker" => new JsonObject { ["type"] = type, ["selected_date"] = element["initial_date"]?.DeepClone() },
            "timepicker" => new JsonObject { ["type"] = type, ["selected_time"] = element["initial_time"]?.DeepClone() },
            "users_select" => new JsonObject { ["type"] = type, ["selected_user"] = element["initial_user"]?.DeepClone() },
            "multi_users_select" => new JsonObject { ["type"] = type, ["selected_users"] = element["initial_users"]?.DeepClone() ?? new JsonArray() },
            "conversations_select" => new JsonObject { ["type"] = type, ["selected_conversation"] = element["initial_conversation"]?.DeepClone() },
            "static_select" or "external_select" or "radio_buttons" => new JsonObject { ["type"] = type, ["selected_option"] = element["initial_option"]?.DeepClone() },
            "checkboxes" or "multi_static_select" => new JsonObject { ["type"] = type, ["selected_options"] = element["initial_options"]?.DeepClone() ?? new JsonArray() },
            _ => null,
        };
    }
}
