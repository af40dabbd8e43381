using System.Text.Json;
using System.Text.Json.Nodes;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// The Slack ids in what the bot sent: the action_id a click on each interactive element sends back, the
/// callback_id each submittable modal's submission carries, and the action_id an external select asks its options
/// with. Each must reach a registered handler, or a person clicks, submits or types into nothing.
/// </summary>
public static class SlackIds
{
    /// <summary>Action ids of the buttons, selects and pickers in <paramref name="payload"/>, at any depth (a message, a view, an ack).</summary>
    public static IReadOnlyList<string> ActionIds(JsonNode? payload)
    {
        var ids = new List<string>();
        Walk(payload, o =>
        {
            if (o["blocks"] is not JsonArray blocks) return;
            foreach (var block in blocks.OfType<JsonObject>())
            {
                var interactive = Str(block["type"]) switch
                {
                    "actions" => block["elements"] as JsonArray ?? new JsonArray(),
                    "section" => new JsonArray(block["accessory"]?.DeepClone()),
                    // An input's element only reaches a handler when it dispatches; otherwise it is read on submission.
                    "input" when block["dispatch_action"]?.GetValueKind() == JsonValueKind.True => new JsonArray(block["element"]?.DeepClone()),
                    _ => new JsonArray(),
                };
                // A link button opens its URL; Slack's notice of the click needs no handler.
                ids.AddRange(interactive.OfType<JsonObject>().Where(e => e["url"] is null).Select(e => Str(e["action_id"])).OfType<string>());
            }
        });
        return ids;
    }

    /// <summary>The action ids of the external selects in <paramref name="payload"/>: Slack asks /slack/options for their choices.</summary>
    public static IReadOnlyList<string?> ExternalSelects(JsonNode? payload)
    {
        var ids = new List<string?>();
        Walk(payload, o =>
        {
            if (Str(o["type"]) is "external_select" or "multi_external_select") ids.Add(Str(o["action_id"]));
        });
        return ids;
    }

    /// <summary>The callback ids of the modals in <paramref name="payload"/> that can be submitted (null when one has none).</summary>
    public static IReadOnlyList<string?> SubmittableModals(JsonNode? payload)
    {
        var ids = new List<string?>();
        Walk(payload, o =>
        {
            if (Str(o["type"]) == "modal" && o["blocks"] is JsonArray && o["submit"] is not null) ids.Add(Str(o["callback_id"]));
        });
        return ids;
    }

    /// <summary>What in <paramref name="payload"/> no registered handler answers.</summary>
    public static IReadOnlyList<string> Unanswered(JsonNode? payload, SlackHandlerRegistry registry) =>
    [
        .. ActionIds(payload).Where(id => registry.Action(id) is null).Select(id => $"no handler for action_id '{id}'"),
        .. SubmittableModals(payload).Where(id => registry.ViewSubmission(id) is null).Select(id => $"no handler for the submission of modal '{id}'"),
        .. ExternalSelects(payload).Where(id => id is null || registry.Options(id) is null).Select(id => $"no options provider for the external select '{id}'"),
    ];

    private static void Walk(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject o:
                visit(o);
                foreach (var (_, child) in o) Walk(child, visit);
                break;
            case JsonArray a:
                foreach (var child in a) Walk(child, visit);
                break;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
