using System.Text.Json;
using System.Text.Json.Serialization;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;

namespace GrowthBot.Slack.WebApi;

/// <summary>What every Web API method answers: ok, or an error code with details.</summary>
public record SlackApiResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public string? Needed { get; init; }
    public string? Provided { get; init; }
    public ResponseMetadata? ResponseMetadata { get; init; }
}

public sealed record ResponseMetadata
{
    public IReadOnlyList<string>? Messages { get; init; }
    public IReadOnlyList<string>? Warnings { get; init; }
    public string? NextCursor { get; init; }
}

public sealed record AuthTestResponse : SlackApiResponse
{
    public string? Url { get; init; }
    public string? Team { get; init; }
    public string? User { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    /// <summary>Sent for bot tokens though not in Slack's documented example; null when missing (see <see cref="WebApi.BotInfo"/>).</summary>
    public string? AppId { get; init; }
}

/// <summary>What oauth.v2.access answers for a bot install.</summary>
public sealed record OAuthAccessResponse : SlackApiResponse
{
    public string? AccessToken { get; init; }
    /// <summary><c>bot</c> for the bot token this app asks for.</summary>
    public string? TokenType { get; init; }
    /// <summary>The granted bot scopes, comma-separated.</summary>
    public string? Scope { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }
    public OAuthOrganisation? Team { get; init; }
    public OAuthOrganisation? Enterprise { get; init; }
    public OAuthAuthedUser? AuthedUser { get; init; }
    /// <summary>An org-wide install on Enterprise Grid: no single team.</summary>
    public bool IsEnterpriseInstall { get; init; }

    // The token must never reach a log through a record's printout.
    public override string ToString() => $"OAuthAccessResponse {{ Ok = {Ok}, Error = {Error}, Team = {Team?.Id}, AppId = {AppId} }}";
}

public sealed record OAuthOrganisation(string? Id, string? Name);

public sealed record OAuthAuthedUser
{
    public string? Id { get; init; }
}

public sealed record PostMessageRequest(string Channel, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }
    /// <summary>The parent's ts, to reply in its thread.</summary>
    public string? ThreadTs { get; init; }
    public bool? ReplyBroadcast { get; init; }
    public bool? UnfurlLinks { get; init; } = false;
    public bool? UnfurlMedia { get; init; } = false;
    /// <summary>App data carried with the message, invisible to people; read back with conversations.history.</summary>
    public MessageMetadata? Metadata { get; init; }
}

/// <summary>chat.update: the message <paramref name="Ts"/> in <paramref name="Channel"/> gets this text and these blocks.</summary>
public sealed record UpdateMessageRequest(string Channel, string Ts, string Text)
{
    public IReadOnlyList<Block>? Blocks { get; init; }
}

/// <summary>Slack message metadata as sent: an event type and a flat payload of strings.</summary>
public sealed record MessageMetadata(string EventType, IReadOnlyDictionary<string, string> EventPayload);

/// <summary>
/// Message metadata as read back. The payload stays raw JSON: other apps' metadata in the same conversation may
/// carry numbers or objects, which must not break reading ours.
/// </summary>
public sealed record ReceivedMetadata
{
    public string EventType { get; init; } = "";
    public JsonElement EventPayload { get; init; }

    /// <summary>A string field of the payload, or null when it is missing or not a string.</summary>
    public string? PayloadString(string name) =>
        EventPayload.ValueKind == JsonValueKind.Object && EventPayload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}

/// <summary>One message of conversations.history or conversations.replies.</summary>
public sealed record HistoryMessage
{
    public string Ts { get; init; } = "";
    public string? Type { get; init; }
    public string? Subtype { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Text { get; init; }
    public string? ThreadTs { get; init; }
    /// <summary>Present only when asked for with include_all_metadata.</summary>
    public ReceivedMetadata? Metadata { get; init; }
}

public sealed record ConversationHistoryResponse : SlackApiResponse
{
    /// <summary>Newest first (conversations.history); parent first (conversations.replies).</summary>
    public IReadOnlyList<HistoryMessage> Messages { get; init; } = [];
    public bool HasMore { get; init; }
}

public sealed record PostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
}

public sealed record ViewResponse : SlackApiResponse
{
    public ViewPayload? View { get; init; }
}

public sealed record ConversationsOpenResponse : SlackApiResponse
{
    public SlackChannel? Channel { get; init; }
}

public sealed record UserProfile
{
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
    public string? Email { get; init; }
}

public sealed record UserInfo
{
    public string Id { get; init; } = "";
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public string? RealName { get; init; }
    /// <summary>IANA time zone, e.g. Europe/Helsinki.</summary>
    public string? Tz { get; init; }
    public int? TzOffset { get; init; }
    /// <summary>The language of the person's Slack client (IETF tag, e.g. <c>en-US</c>); only sent when asked with include_locale.</summary>
    public string? Locale { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsOwner { get; init; }
    public bool IsPrimaryOwner { get; init; }
    public bool IsBot { get; init; }
    public bool Deleted { get; init; }
    public UserProfile? Profile { get; init; }
}

public sealed record UsersInfoResponse : SlackApiResponse
{
    public UserInfo? User { get; init; }
}

public sealed record UsersListResponse : SlackApiResponse
{
    public IReadOnlyList<UserInfo> Members { get; init; } = [];

    /// <summary>The cursor of the next page; null or empty on the last.</summary>
    public string? NextCursor => ResponseMetadata?.NextCursor is { Length: > 0 } cursor ? cursor : null;
}

/// <summary>A user group (<c>@sales</c>): mentioned as <c>&lt;!subteam^S0123&gt;</c>.</summary>
public sealed record UserGroup
{
    public string Id { get; init; } = "";
    public string? TeamId { get; init; }
    /// <summary>The display name, e.g. <c>Sales team</c>.</summary>
    public string Name { get; init; } = "";
    /// <summary>The mention handle without the @, e.g. <c>sales</c>.</summary>
    public string Handle { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>Non-zero once the group was disabled.</summary>
    public long DateDelete { get; init; }
    public int? UserCount { get; init; }
}

public sealed record UserGroupsResponse : SlackApiResponse
{
    public IReadOnlyList<UserGroup> Usergroups { get; init; } = [];
}

public sealed record UserGroupUsersResponse : SlackApiResponse
{
    public IReadOnlyList<string> Users { get; init; } = [];
}

public sealed record BotInfo
{
    public string Id { get; init; } = "";
    public string? AppId { get; init; }
    public string? UserId { get; init; }
    public string? Name { get; init; }
    public bool Deleted { get; init; }
}

public sealed record BotsInfoResponse : SlackApiResponse
{
    public BotInfo? Bot { get; init; }
}

public sealed record PermalinkResponse : SlackApiResponse
{
    public string? Channel { get; init; }
    public string? Permalink { get; init; }
}

public sealed record ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}

public sealed record UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}

public sealed record FileReference(string Id, string? Title = null);

public sealed record CompleteUploadRequest(IReadOnlyList<FileReference> Files)
{
    public string? ChannelId { get; init; }
    public string? InitialComment { get; init; }
    public string? ThreadTs { get; init; }
}

public sealed record CompleteUploadResponse : SlackApiResponse
{
    [JsonPropertyName("files")]
    public IReadOnlyList<FileReference>? Files { get; init; }
}

public sealed record FileInfoResponse : SlackApiResponse
{
    public SlackFileInfo? File { get; init; }
}

/// <summary>A file as files.info describes it (the fields GrowthBot reads).</summary>
public sealed record SlackFileInfo
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    /// <summary>Empty until Slack has processed the upload; <c>image/png</c> for a chart once it has.</summary>
    public string? Mimetype { get; init; }
    public string? Filetype { get; init; }
    /// <summary>An image's width and height, known once Slack has processed it.</summary>
    public int? OriginalW { get; init; }
    public int? OriginalH { get; init; }

    /// <summary>Slack has processed the upload as an image: an image block may show it now.</summary>
    public bool IsReadyImage => Mimetype?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;
}
