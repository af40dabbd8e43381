using System.Text.Json.Serialization;

namespace GrowthBot.Slack.BlockKit;

/// <summary>A view: a modal or the App Home tab.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ModalView), "modal")]
[JsonDerivedType(typeof(HomeView), "home")]
public abstract record View(IReadOnlyList<Block> Blocks)
{
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? ExternalId { get; init; }
}

public sealed record ModalView(PlainText Title, IReadOnlyList<Block> Blocks) : View(Blocks)
{
    public PlainText? Submit { get; init; }
    public PlainText? Close { get; init; }
    public bool? ClearOnClose { get; init; }
}

public sealed record HomeView(IReadOnlyList<Block> Blocks) : View(Blocks);

/// <summary>A message: fallback text for notifications and screen readers, plus its blocks.</summary>
public sealed record Message(string Text, IReadOnlyList<Block>? Blocks = null);
