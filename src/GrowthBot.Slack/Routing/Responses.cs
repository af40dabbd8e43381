using System.Text.Json.Serialization;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Slack.Routing;

/// <summary>What a slash command answers: nothing, or a message to the caller or the channel.</summary>
public sealed record SlashCommandResponse
{
    public static readonly SlashCommandResponse None = new();

    /// <summary><c>ephemeral</c> (only the caller sees it) or <c>in_channel</c>.</summary>
    public string? ResponseType { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<Block>? Blocks { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Text is null && Blocks is null;

    public static SlashCommandResponse Ephemeral(string text, IReadOnlyList<Block>? blocks = null) =>
        new() { ResponseType = "ephemeral", Text = text, Blocks = blocks };

    /// <summary>Nothing to say (e.g. a modal opened), or <paramref name="text"/> for the caller alone.</summary>
    public static SlashCommandResponse EphemeralOrNone(string? text) => text is null ? None : Ephemeral(text);
}

/// <summary>The acknowledgement of a modal submission (Slack's <c>response_action</c>).</summary>
public sealed record ViewSubmissionResponse
{
    /// <summary>Closes the submitted modal.</summary>
    public static readonly ViewSubmissionResponse Close = new();

    public string? ResponseAction { get; init; }
    /// <summary>Inline errors keyed by input block_id.</summary>
    public IReadOnlyDictionary<string, string>? Errors { get; init; }
    public View? View { get; init; }

    public static ViewSubmissionResponse WithErrors(IReadOnlyDictionary<string, string> errors) =>
        new() { ResponseAction = "errors", Errors = errors };

    public static ViewSubmissionResponse Update(ModalView view) => new() { ResponseAction = "update", View = view };
}

/// <summary>What a button click answers, delivered through the interaction's response_url.</summary>
public sealed record ActionResponse
{
    public static readonly ActionResponse None = new();

    public string? ResponseType { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<Block>? Blocks { get; init; }
    public bool? ReplaceOriginal { get; init; }
    public bool? DeleteOriginal { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Text is null && Blocks is null && DeleteOriginal is null;

    /// <summary>A new message only the clicking user sees.</summary>
    public static ActionResponse Ephemeral(string text, IReadOnlyList<Block>? blocks = null) =>
        new() { ResponseType = "ephemeral", Text = text, Blocks = blocks, ReplaceOriginal = false };

    /// <summary>Nothing to say (e.g. a modal opened), or <paramref name="text"/> for the clicking user alone.</summary>
    public static ActionResponse EphemeralOrNone(string? text) => text is null ? None : Ephemeral(text);

    /// <summary>Replaces the message that holds the button.</summary>
    public static ActionResponse Replace(string text, IReadOnlyList<Block>? blocks = null) =>
        new() { Text = text, Blocks = blocks, ReplaceOriginal = true };
}

public sealed record OptionsResponse(IReadOnlyList<Option> Options);
