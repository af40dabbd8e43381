using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrowthBot.Slack.Payloads;

/// <summary>The outer envelope of an Events API request (<c>event_callback</c> or <c>url_verification</c>).</summary>
public sealed record EventEnvelope
{
    public string Type { get; init; } = "";
    public string? Challenge { get; init; }
    public string? TeamId { get; init; }
    public string? ApiAppId { get; init; }
    public string? EventId { get; init; }
    public long? EventTime { get; init; }
    public SlackEvent? Event { get; init; }
}

/// <summary>
/// An event inside an <c>event_callback</c>. The common fields are typed; everything else stays in
/// <see cref="ExtensionData"/> so handlers of rarer events can still read it.
/// </summary>
public sealed record SlackEvent
{
    public string Type { get; init; } = "";
    public string? Subtype { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Channel { get; init; }
    public string? ChannelType { get; init; }
    public string? Text { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? EventTs { get; init; }
    /// <summary><c>home</c> or <c>messages</c> on <c>app_home_opened</c>.</summary>
    public string? Tab { get; init; }
    public string? Team { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    /// <summary>A reply inside a thread (not the thread's parent message).</summary>
    [JsonIgnore]
    public bool IsThreadReply => ThreadTs is not null && ThreadTs != Ts;
}

/// <summary>What an event handler receives: the event and where it came from.</summary>
public sealed record EventCallback(string TeamId, string EventId, SlackEvent Event)
{
    public int RetryNumber { get; init; }
}
