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
