using System.Text.Json;

namespace GrowthBot.Slack.SocketMode;

/// <summary>
/// One request Slack delivers over Socket Mode: the same payload HTTP would carry, wrapped with the id its
/// acknowledgement must quote.
/// </summary>
public sealed record SocketEnvelope(
    string Type,
    string EnvelopeId,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt,
    string? RetryReason)
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>Reads an envelope from a message's root object; null when the message is not an envelope.</summary>
    public static SocketEnvelope? From(JsonElement message)
    {
        if (!message.TryGetProperty("envelope_id", out var id) || id.ValueKind != JsonValueKind.String) return null;
        var type = message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var payload = message.TryGetProperty("payload", out var p) ? p.Clone() : default;
        var accepts = message.TryGetProperty("accepts_response_payload", out var a) && a.ValueKind == JsonValueKind.True;
        var retry = message.TryGetProperty("retry_attempt", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) ? n : 0;
        var reason = message.TryGetProperty("retry_reason", out var rr) && rr.ValueKind == JsonValueKind.String ? rr.GetString() : null;
        return new SocketEnvelope(type, id.GetString()!, payload, accepts, retry, reason);
    }
}
