using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace GrowthBot.Slack.Payloads;

/// <summary>
/// Turns what Slack sends into payload records, whichever transport carried it: HTTP gives form fields and a
/// JSON string, Socket Mode gives the same content as a JSON object inside the envelope.
/// </summary>
public static class PayloadParser
{
    /// <summary>An interaction from its JSON; null when it is not one we understand.</summary>
    public static InteractionPayload? Interaction(string json)
    {
        try
        {
            return Accept(JsonSerializer.Deserialize<InteractionPayload>(json, SlackJson.Options));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Interaction(string)"/>
    public static InteractionPayload? Interaction(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return Accept(json.Deserialize<InteractionPayload>(SlackJson.Options));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A slash command from the JSON object Socket Mode sends in place of the form fields.</summary>
    public static SlashCommand? Command(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var field in json.EnumerateObject())
        {
            form[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.String => field.Value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => StringValues.Empty,
                _ => field.Value.GetRawText(),
            };
        }
        return SlashCommand.FromForm(form);
    }

    /// <summary>An Events API envelope from its JSON; null when it is not one.</summary>
    public static EventEnvelope? Event(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        try
        {
            return json.Deserialize<EventEnvelope>(SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // An unknown interaction type deserialises as the base record; without a user nothing can be answered.
    private static InteractionPayload? Accept(InteractionPayload? payload) =>
        payload is null || payload.GetType() == typeof(InteractionPayload) || !IsComplete(payload) ? null : payload;

    /// <summary>
    /// Explicit JSON nulls bypass the records' defaults, so a payload Slack would never send (no user id, a null
    /// view or action list) is refused here rather than met as a NullReferenceException in a handler.
    /// </summary>
    private static bool IsComplete(InteractionPayload payload) =>
        !string.IsNullOrEmpty(payload.User?.Id) && payload switch
        {
            ViewSubmissionPayload submission => submission.View is not null,
            ViewClosedPayload closed => closed.View is not null,
            BlockActionsPayload actions => actions.Actions is not null && actions.Actions.All(a => a is { ActionId: not null }),
            BlockSuggestionPayload suggestion => !string.IsNullOrEmpty(suggestion.ActionId) && suggestion.Value is not null,
            _ => true,
        };

}
