using System.Globalization;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Common;

/// <summary>Input blocks as our modals build them: the block id names the field, the action id is always <see cref="ViewValues.Action"/>.</summary>
public static class InputBlocks
{
    public static InputBlock Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        new(new PlainText(label), element with { ActionId = ViewValues.Action })
        {
            BlockId = blockId,
            Optional = optional ? true : null,
            Hint = hint is null ? null : new PlainText(MrkdwnText.Truncate(hint, BlockKitLimits.InputLabel)),
        };

    public static InputBlock Text(string blockId, string label, int maxLength, string? initial = null, string? placeholder = null,
        bool multiline = false, bool optional = false, string? hint = null) =>
        Input(blockId, label, new PlainTextInput
        {
            MaxLength = maxLength,
            InitialValue = string.IsNullOrEmpty(initial) ? null : initial,
            Placeholder = placeholder is null ? null : new PlainText(placeholder),
            Multiline = multiline ? true : null,
        }, optional, hint);

    /// <summary>A modal with Cancel, its submit button, and where it was opened from in its private_metadata.</summary>
    public static ModalView Modal(string title, string callbackId, string submit, IReadOnlyList<Block> blocks, ModalOrigin origin) =>
        new(new PlainText(title), blocks)
        {
            CallbackId = callbackId,
            Submit = new PlainText(submit),
            Close = new PlainText("Cancel"),
            PrivateMetadata = origin.Serialize(),
        };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Option Choice(string text, string value) => Option.Of(MrkdwnText.Truncate(text, BlockKitLimits.OptionText), value);
}
