using System.Text.Json.Serialization;

namespace GrowthBot.Slack.BlockKit;

/// <summary>A layout block. See https://docs.slack.dev/reference/block-kit/blocks.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(ImageBlock), "image")]
public abstract record Block
{
    public string? BlockId { get; init; }
}

public sealed record SectionBlock : Block
{
    public SectionBlock() { }

    public SectionBlock(string mrkdwn) => Text = new Mrkdwn(mrkdwn);

    public TextObject? Text { get; init; }
    public IReadOnlyList<TextObject>? Fields { get; init; }
    public BlockElement? Accessory { get; init; }
}

public sealed record HeaderBlock(PlainText Text) : Block
{
    public HeaderBlock(string text) : this(new PlainText(text)) { }
}

public sealed record DividerBlock : Block;

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block
{
    public ContextBlock(string mrkdwn) : this([new Mrkdwn(mrkdwn)]) { }
}

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;

public sealed record InputBlock(PlainText Label, BlockElement Element) : Block
{
    public PlainText? Hint { get; init; }
    public bool? Optional { get; init; }
    public bool? DispatchAction { get; init; }
}

/// <summary>
/// An image: a file uploaded to Slack (<see cref="SlackFile"/>) or a public URL. Slack refuses the whole message or view
/// with <c>invalid_blocks</c> when the file is not an image it has finished processing, so callers keep a text fallback.
/// </summary>
/// <param name="AltText">What a screen reader reads instead of the picture, at most <see cref="BlockKitLimits.ImageAltText"/> characters.</param>
public sealed record ImageBlock(string AltText) : Block
{
    public SlackFileObject? SlackFile { get; init; }
    public string? ImageUrl { get; init; }
    public PlainText? Title { get; init; }

    /// <summary>The uploaded file <paramref name="fileId"/>, with its alt text and title cut to Slack's limits.</summary>
    public static ImageBlock OfFile(string fileId, string altText, string? title = null) =>
        new(MrkdwnText.Truncate(altText, BlockKitLimits.ImageAltText))
        {
            SlackFile = new SlackFileObject(fileId),
            Title = title is null ? null : new PlainText(MrkdwnText.Truncate(title, BlockKitLimits.ImageTitle)),
        };
}

/// <summary>Slack's <c>slack_file</c> object: a file Slack hosts, by id (or by its url_private).</summary>
public sealed record SlackFileObject(string? Id = null, string? Url = null);
