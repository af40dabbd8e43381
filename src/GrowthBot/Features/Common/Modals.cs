using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Common;

/// <summary>
/// What every modal is built from: inputs whose block id names the field (their action id is always
/// <see cref="ViewValues.Action"/>, so <see cref="ViewValues"/> reads them back by block id), choices and dates
/// as Slack wants them, and the envelope. Modals open through <see cref="ModalOpener"/>.
/// </summary>
public static partial class Modals
{
    public static InputBlock Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        new(new PlainText(label), element with { ActionId = ViewValues.Action })
        {
            BlockId = blockId,
            Optional = optional ? true : null,
            Hint = hint is null ? null : new PlainText(MrkdwnText.Truncate(hint, BlockKitLimits.InputLabel)),
        };

    /// <summary>
    /// An input whose choices Slack asks for as the person types (an external select). Unlike other inputs it keeps its
    /// own action id: that names the options provider that answers (see <c>AddBlockOptions</c>); its value is still read by block id.
    /// </summary>
    public static InputBlock Lookup(string blockId, string label, ExternalSelect select, bool optional = false, string? hint = null) =>
        Input(blockId, label, select, optional, hint) with { Element = select };

    /// <summary>
    /// An input whose every change reaches the handler of <paramref name="actionId"/> while the modal is open
    /// (<c>dispatch_action</c>), e.g. to update the modal; its value is read on submission like any other.
    /// </summary>
    public static InputBlock DispatchingInput(string blockId, string label, string actionId, BlockElement element, bool optional = false, string? hint = null) =>
        Input(blockId, label, element, optional, hint) with { Element = element with { ActionId = actionId }, DispatchAction = true };

    /// <summary>One checkbox, ticked or not: an optional input, since Slack requires a tick in a required one.</summary>
    public static InputBlock Checkbox(string blockId, string label, string option, bool ticked, string? hint = null)
    {
        var box = Choice(option, ViewValues.Ticked);
        return Input(blockId, label, new Checkboxes([box]) { InitialOptions = ticked ? [box] : null }, optional: true, hint: hint);
    }

    public static InputBlock Text(string blockId, string label, int maxLength, string? initial = null, string? placeholder = null,
        bool multiline = false, bool optional = false, string? hint = null) =>
        Input(blockId, label, new PlainTextInput
        {
            MaxLength = maxLength,
            InitialValue = string.IsNullOrEmpty(initial) ? null : initial,
            Placeholder = placeholder is null ? null : new PlainText(MrkdwnText.Truncate(placeholder, BlockKitLimits.Placeholder)),
            Multiline = multiline ? true : null,
        }, optional, hint);

    /// <summary>
    /// The envelope: title, submit button, Cancel in the reader's language, and where the modal was opened from (with
    /// the id it is about) in its private_metadata, so the reply to its submission goes back there.
    /// </summary>
    public static ModalView Modal(string title, string callbackId, string submit, IReadOnlyList<Block> blocks, ModalOrigin origin, Wording words) =>
        new(new PlainText(title), blocks)
        {
            CallbackId = callbackId,
            Submit = new PlainText(submit),
            Close = new PlainText(words.Text(CommonText.Cancel)),
            PrivateMetadata = origin.Serialize(),
        };

    /// <summary>A date as date pickers take it (<c>2026-11-18</c>).</summary>
    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An option of a select or radio group; its text is cut to Slack's limit.</summary>
    public static Option Choice(string text, string value) => Option.Of(MrkdwnText.Truncate(text, BlockKitLimits.OptionText), value);

    /// <summary>
    /// An inline error (shown under an input) from a sentence written for a message. Inline errors are plain text,
    /// where mrkdwn shows as stray symbols and a mention as <c>&lt;@U123&gt;</c>: formatting goes, mentions keep
    /// their id, escaped user text reads as typed.
    /// </summary>
    public static string InlineError(string mrkdwn) =>
        WebUtility.HtmlDecode(Mention().Replace(mrkdwn.Replace(":lock: ", "").Replace("`", "").Replace("*", ""), "$1"));

    [GeneratedRegex(@"<[@#]([A-Z0-9]+)>")]
    private static partial Regex Mention();
}
