using System.Text.Json.Nodes;

namespace GrowthBot.Tests.Fixtures;

/// <summary>Builds the block_actions payload Slack sends when a user clicks an element the bot rendered.</summary>
public static class ActionPayload
{
    /// <summary>What every interaction payload carries: its type, the team, the person, the app and a trigger.</summary>
    public static JsonObject Envelope(string type, string teamId, string user, string triggerId) => new()
    {
        ["type"] = type,
        ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "acme" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = teamId },
        ["api_app_id"] = "A0GROWTH",
        ["token"] = "legacy-unused",
        ["trigger_id"] = triggerId,
    };

    /// <summary>
    /// <paramref name="source"/> is a message body (with <c>blocks</c>) or a view. The element must exist in it,
    /// so a test can only click what a user could actually see.
    /// </summary>
    public static JsonObject Click(JsonNode source, string actionId, string user, string teamId, string channel, string triggerId, string responseUrl, string? selectedValue = null)
    {
        var blocks = source["blocks"]?.AsArray() ?? throw new Xunit.Sdk.XunitException("Nothing to click: no blocks");
        foreach (var block in blocks)
        {
            var elements = new List<JsonNode?>();
            if (block?["accessory"] is { } accessory) elements.Add(accessory);
            if (block?["elements"] is JsonArray array) elements.AddRange(array);
            if (block?["element"] is { } element) elements.Add(element);
            var clicked = elements.FirstOrDefault(e => e?["action_id"]?.GetValue<string>() == actionId);
            if (clicked is null) continue;

            var action = new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = block!["block_id"]?.DeepClone() ?? "auto",
                ["type"] = clicked["type"]!.DeepClone(),
                ["action_ts"] = "1763460000.000100",
            };
            if (clicked["value"] is { } value) action["value"] = value.DeepClone();
            if (selectedValue is not null)
                action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = selectedValue }, ["value"] = selectedValue };

            var isView = source["type"]?.GetValue<string>() is "modal" or "home";
            var payload = Envelope("block_actions", teamId, user, triggerId);
            payload["actions"] = new JsonArray(action);
            if (isView)
            {
                payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = source["id"]?.DeepClone() ?? "V0HOME" };
                payload["view"] = source.DeepClone();
                if (source["type"]?.GetValue<string>() == "modal") payload["response_url"] = null;
            }
            else
            {
                var ts = source["ts"]?.DeepClone() ?? "1763460000.000200";
                payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts.DeepClone(), ["channel_id"] = channel, ["is_ephemeral"] = false };
                payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = "growth" };
                payload["message"] = new JsonObject { ["ts"] = ts, ["text"] = source["text"]?.DeepClone(), ["blocks"] = blocks.DeepClone() };
                // A message in a thread: Slack names the thread in the container and the message.
                if (source["thread_ts"] is { } thread)
                {
                    payload["container"]!["thread_ts"] = thread.DeepClone();
                    payload["message"]!["thread_ts"] = thread.DeepClone();
                }
                payload["response_url"] = responseUrl;
            }
            return payload;
        }
        throw new Xunit.Sdk.XunitException($"No element with action_id '{actionId}' to click");
    }
}
