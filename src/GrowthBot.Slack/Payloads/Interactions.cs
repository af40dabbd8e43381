using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrowthBot.Slack.Payloads;

public sealed record SlackTeam(string Id, string? Domain = null);

public sealed record SlackUser(string Id, string? Username = null, string? Name = null, string? TeamId = null);

public sealed record SlackChannel(string Id, string? Name = null);

/// <summary>The common part of the JSON in an interaction's <c>payload</c> form field.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(BlockActionsPayload), "block_actions")]
[JsonDerivedType(typeof(ViewSubmissionPayload), "view_submission")]
[JsonDerivedType(typeof(ViewClosedPayload), "view_closed")]
[JsonDerivedType(typeof(BlockSuggestionPayload), "block_suggestion")]
public record InteractionPayload
{
    public SlackTeam? Team { get; init; }
    public SlackUser? User { get; init; }
    public string? ApiAppId { get; init; }
    public string? TriggerId { get; init; }

    public string TeamId => Team?.Id ?? User?.TeamId ?? "";
    public string UserId => User?.Id ?? "";
}

/// <summary>A view as Slack sends it back in interactions, with the state of its inputs.</summary>
public sealed record ViewPayload
{
    public string Id { get; init; } = "";
    public string? Type { get; init; }
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? ExternalId { get; init; }
    public string? Hash { get; init; }
    public string? RootViewId { get; init; }
    public string? PreviousViewId { get; init; }
    public ViewState? State { get; init; }
}

/// <summary>Submitted values of input blocks: <c>values[block_id][action_id]</c>.</summary>
public sealed record ViewState
{
    public Dictionary<string, Dictionary<string, ElementState>> Values { get; init; } = [];

    public ElementState? Get(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var state) ? state : null;
}

public sealed record SelectedOption(JsonElement Text, string Value);

/// <summary>The value of one input element; which member is set depends on the element type.</summary>
public sealed record ElementState
{
    public string? Type { get; init; }
    public string? Value { get; init; }
    public string? SelectedDate { get; init; }
    public string? SelectedTime { get; init; }
    public string? SelectedUser { get; init; }
    public IReadOnlyList<string>? SelectedUsers { get; init; }
    public string? SelectedChannel { get; init; }
    public string? SelectedConversation { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }
}

/// <summary>One clicked or changed element in a <c>block_actions</c> payload.</summary>
public sealed record BlockAction
{
    public string ActionId { get; init; } = "";
    public string? BlockId { get; init; }
    public string? Type { get; init; }
    public string? Value { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public string? SelectedUser { get; init; }
    public string? SelectedDate { get; init; }
    public string? ActionTs { get; init; }
}

/// <summary>The message an action came from.</summary>
public sealed record ContainerMessage
{
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? Text { get; init; }
}

public sealed record ActionContainer
{
    public string? Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ChannelId { get; init; }
    public string? ViewId { get; init; }
    public bool? IsEphemeral { get; init; }
    public string? ThreadTs { get; init; }
}

public sealed record BlockActionsPayload : InteractionPayload
{
    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
    public SlackChannel? Channel { get; init; }
    public ContainerMessage? Message { get; init; }
    public ActionContainer? Container { get; init; }
    public ViewPayload? View { get; init; }
    public string? ResponseUrl { get; init; }
}

public sealed record ViewSubmissionPayload : InteractionPayload
{
    public ViewPayload View { get; init; } = new();
}

public sealed record ViewClosedPayload : InteractionPayload
{
    public ViewPayload View { get; init; } = new();
    public bool IsCleared { get; init; }
}

public sealed record BlockSuggestionPayload : InteractionPayload
{
    public string ActionId { get; init; } = "";
    public string? BlockId { get; init; }
    public string Value { get; init; } = "";
    public ViewPayload? View { get; init; }
}
