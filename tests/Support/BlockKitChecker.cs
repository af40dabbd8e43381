using System.Text.Json;
using System.Text.Json.Nodes;
using GrowthBot.Slack;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.BlockKitLimits;

namespace GrowthBot.Testing;

/// <summary>
/// Checks a message or view, as JSON on the wire, against Slack's documented Block Kit limits
/// (<see cref="BlockKitLimits"/>). Slack answers a payload breaking any of them with <c>invalid_blocks</c> and
/// the user sees nothing, so the fake Slack checks every payload the bot sends. Test support only: the bot
/// itself keeps within the limits by construction and never validates a whole payload at run time.
/// </summary>
public static class BlockKitChecker
{
    public static IReadOnlyList<string> CheckMessage(Message message) =>
        CheckMessage(JsonSerializer.SerializeToNode(message, SlackJson.Options)!);

    public static IReadOnlyList<string> CheckView(View view) =>
        CheckView(JsonSerializer.SerializeToNode(view, SlackJson.Options)!);

    /// <summary>Checks a chat message body (<c>text</c> and optional <c>blocks</c>).</summary>
    public static IReadOnlyList<string> CheckMessage(JsonNode message)
    {
        var errors = new List<string>();
        var text = message["text"]?.GetValueKind() == JsonValueKind.String ? message["text"]!.GetValue<string>() : null;
        var blocks = message["blocks"] as JsonArray;
        if (string.IsNullOrWhiteSpace(text) && (blocks is null || blocks.Count == 0))
            errors.Add("/text: a message needs text or blocks (no_text)");
        if (text is { Length: > MessageText }) errors.Add($"/text: {text.Length} chars, Slack truncates beyond {MessageText}");
        if (blocks is not null) CheckBlocks(blocks, MessageBlocks, "/blocks", errors);
        return errors;
    }

    /// <summary>Checks a modal or home view.</summary>
    public static IReadOnlyList<string> CheckView(JsonNode view)
    {
        var errors = new List<string>();
        var type = Str(view["type"]);
        var blocks = view["blocks"] as JsonArray;
        if (blocks is null) errors.Add("/blocks: a view needs a blocks array");
        else CheckBlocks(blocks, ViewBlocks, "/blocks", errors);
        MaxLength(view["callback_id"], Id, "/callback_id", errors);
        MaxLength(view["external_id"], Id, "/external_id", errors);
        MaxLength(view["private_metadata"], PrivateMetadata, "/private_metadata", errors);
        switch (type)
        {
            case "modal":
                PlainText(view["title"], ModalTitle, "/title", errors, required: true);
                PlainText(view["submit"], ModalButton, "/submit", errors, required: false);
                PlainText(view["close"], ModalButton, "/close", errors, required: false);
                if (view["submit"] is null && blocks is not null && blocks.Any(b => Str(b?["type"]) == "input"))
                    errors.Add("/submit: a modal with input blocks needs a submit button");
                break;
            case "home":
                if (view["submit"] is not null || view["close"] is not null) errors.Add("/: a home view cannot have submit or close");
                break;
            default:
                errors.Add($"/type: unknown view type '{type}'");
                break;
        }
        return errors;
    }

    private static void CheckBlocks(JsonArray blocks, int maxBlocks, string path, List<string> errors)
    {
        if (blocks.Count > maxBlocks) errors.Add($"{path}: {blocks.Count} blocks, at most {maxBlocks}");
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var at = $"{path}/{i}";
            if (block is not JsonObject) { errors.Add($"{at}: not an object"); continue; }
            if (Str(block["block_id"]) is { } blockId)
            {
                if (blockId.Length is 0 or > Id) errors.Add($"{at}/block_id: length {blockId.Length}, must be 1–{Id}");
                if (!blockIds.Add(blockId)) errors.Add($"{at}/block_id: '{blockId}' is not unique");
            }
            CheckBlock(block, at, errors);
        }
    }

    private static void CheckBlock(JsonNode block, string at, List<string> errors)
    {
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        switch (Str(block["type"]))
        {
            case "section":
                if (block["text"] is null && block["fields"] is null) errors.Add($"{at}: a section needs text or fields");
                if (block["text"] is { } text) Text(text, SectionText, $"{at}/text", errors);
                if (block["fields"] is JsonArray fields)
                {
                    if (fields.Count is 0 or > SectionFields) errors.Add($"{at}/fields: {fields.Count} fields, must be 1–{SectionFields}");
                    for (var f = 0; f < fields.Count; f++) Text(fields[f], SectionFieldText, $"{at}/fields/{f}", errors);
                }
                if (block["accessory"] is { } accessory) CheckElement(accessory, $"{at}/accessory", errors, actionIds);
                break;
            case "header":
                PlainText(block["text"], HeaderText, $"{at}/text", errors, required: true);
                break;
            case "divider":
                break;
            case "context":
                if (block["elements"] is not JsonArray { Count: > 0 and <= ContextElements } contextElements)
                    errors.Add($"{at}/elements: must be 1–{ContextElements} elements");
                else
                    for (var e = 0; e < contextElements.Count; e++) Text(contextElements[e], SectionText, $"{at}/elements/{e}", errors);
                break;
            case "actions":
                if (block["elements"] is not JsonArray { Count: > 0 and <= ActionsElements } actionElements)
                    errors.Add($"{at}/elements: must be 1–{ActionsElements} elements");
                else
                    for (var e = 0; e < actionElements.Count; e++) CheckElement(actionElements[e]!, $"{at}/elements/{e}", errors, actionIds);
                break;
            case "input":
                PlainText(block["label"], InputLabel, $"{at}/label", errors, required: true);
                PlainText(block["hint"], InputLabel, $"{at}/hint", errors, required: false);
                if (block["element"] is { } element) CheckElement(element, $"{at}/element", errors, actionIds);
                else errors.Add($"{at}/element: an input block needs an element");
                break;
            case "image":
                if (Str(block["alt_text"]) is not { Length: > 0 } alt) errors.Add($"{at}/alt_text: required");
                else if (alt.Length > ImageAltText) errors.Add($"{at}/alt_text: {alt.Length} chars, at most {ImageAltText}");
                PlainText(block["title"], ImageTitle, $"{at}/title", errors, required: false);
                MaxLength(block["image_url"], ImageUrl, $"{at}/image_url", errors);
                var file = block["slack_file"];
                if ((block["image_url"] is null) == (file is null)) errors.Add($"{at}: an image needs exactly one of image_url and slack_file");
                if (file is not null && (Str(file["id"]) is null) == (Str(file["url"]) is null))
                    errors.Add($"{at}/slack_file: needs exactly one of id and url");
                break;
            default:
                errors.Add($"{at}/type: unsupported block type '{Str(block["type"])}'");
                break;
        }
    }

    private static void CheckElement(JsonNode element, string at, List<string> errors, HashSet<string> actionIds)
    {
        if (Str(element["action_id"]) is { } actionId)
        {
            if (actionId.Length is 0 or > Id) errors.Add($"{at}/action_id: length {actionId.Length}, must be 1–{Id}");
            if (!actionIds.Add(actionId)) errors.Add($"{at}/action_id: '{actionId}' is not unique in its block");
        }
        PlainText(element["placeholder"], Placeholder, $"{at}/placeholder", errors, required: false);
        switch (Str(element["type"]))
        {
            case "button":
                PlainText(element["text"], ButtonText, $"{at}/text", errors, required: true);
                MaxLength(element["value"], ButtonValue, $"{at}/value", errors);
                MaxLength(element["url"], 3000, $"{at}/url", errors);
                if (Str(element["style"]) is { } style && style is not ("primary" or "danger"))
                    errors.Add($"{at}/style: '{style}' is not primary or danger");
                if (element["confirm"] is { } confirm) Confirm(confirm, $"{at}/confirm", errors);
                break;
            case "static_select":
                Options(element["options"] as JsonArray, element["option_groups"] as JsonArray, at, errors, plainOnly: true);
                if (element["initial_option"] is { } initial) Option(initial, $"{at}/initial_option", errors, plainOnly: true);
                break;
            case "checkboxes" or "radio_buttons":
                Options(element["options"] as JsonArray, null, at, errors, plainOnly: false);
                break;
            case "overflow":
                if (element["options"] is not JsonArray { Count: >= 1 and <= 5 }) errors.Add($"{at}/options: an overflow has 1–5 options");
                else Options(element["options"] as JsonArray, null, at, errors, plainOnly: true);
                break;
            case "plain_text_input":
                if (element["max_length"] is { } max && max.GetValue<int>() is < 1 or > 3000) errors.Add($"{at}/max_length: must be 1–3000");
                if (element["min_length"] is { } min && min.GetValue<int>() is < 0 or > 3000) errors.Add($"{at}/min_length: must be 0–3000");
                MaxLength(element["initial_value"], 3000, $"{at}/initial_value", errors);
                break;
            case "number_input":
                if (element["is_decimal_allowed"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    errors.Add($"{at}/is_decimal_allowed: required");
                foreach (var key in new[] { "initial_value", "min_value", "max_value" })
                    if (element[key] is { } v && v.GetValueKind() != JsonValueKind.String) errors.Add($"{at}/{key}: must be a string");
                break;
            case "datepicker":
                if (Str(element["initial_date"]) is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", out _))
                    errors.Add($"{at}/initial_date: '{date}' is not YYYY-MM-DD");
                break;
            case "timepicker":
                if (Str(element["initial_time"]) is { } time && !TimeOnly.TryParseExact(time, "HH:mm", out _))
                    errors.Add($"{at}/initial_time: '{time}' is not HH:mm");
                break;
            case "users_select" or "multi_users_select" or "conversations_select" or "external_select":
                break;
            default:
                errors.Add($"{at}/type: unsupported element type '{Str(element["type"])}'");
                break;
        }
    }

    private static void Options(JsonArray? options, JsonArray? groups, string at, List<string> errors, bool plainOnly)
    {
        if (options is null && groups is null) { errors.Add($"{at}/options: required"); return; }
        if (options is not null)
        {
            if (options.Count is 0 or > MaxOptions) errors.Add($"{at}/options: {options.Count} options, must be 1–{MaxOptions}");
            for (var i = 0; i < options.Count; i++) Option(options[i]!, $"{at}/options/{i}", errors, plainOnly);
        }
        if (groups is not null)
        {
            if (groups.Count is 0 or > MaxOptions) errors.Add($"{at}/option_groups: {groups.Count} groups, must be 1–{MaxOptions}");
            for (var g = 0; g < groups.Count; g++)
            {
                PlainText(groups[g]?["label"], OptionText, $"{at}/option_groups/{g}/label", errors, required: true);
                if (groups[g]?["options"] is JsonArray groupOptions)
                {
                    if (groupOptions.Count is 0 or > MaxOptions) errors.Add($"{at}/option_groups/{g}/options: must be 1–{MaxOptions}");
                    for (var i = 0; i < groupOptions.Count; i++) Option(groupOptions[i]!, $"{at}/option_groups/{g}/options/{i}", errors, plainOnly);
                }
            }
        }
    }

    private static void Option(JsonNode option, string at, List<string> errors, bool plainOnly)
    {
        if (plainOnly) PlainText(option["text"], OptionText, $"{at}/text", errors, required: true);
        else Text(option["text"], OptionText, $"{at}/text", errors);
        if (Str(option["value"]) is not { Length: > 0 and <= OptionValue } value)
            errors.Add($"{at}/value: must be 1–{OptionValue} chars");
    }

    private static void Confirm(JsonNode confirm, string at, List<string> errors)
    {
        PlainText(confirm["title"], 100, $"{at}/title", errors, required: true);
        Text(confirm["text"], 300, $"{at}/text", errors);
        PlainText(confirm["confirm"], 30, $"{at}/confirm", errors, required: true);
        PlainText(confirm["deny"], 30, $"{at}/deny", errors, required: true);
    }

    private static void Text(JsonNode? text, int max, string at, List<string> errors)
    {
        if (text is null) { errors.Add($"{at}: required"); return; }
        if (Str(text["type"]) is not ("plain_text" or "mrkdwn")) errors.Add($"{at}/type: must be plain_text or mrkdwn");
        Length(text["text"], max, $"{at}/text", errors);
    }

    private static void PlainText(JsonNode? text, int max, string at, List<string> errors, bool required)
    {
        if (text is null)
        {
            if (required) errors.Add($"{at}: required");
            return;
        }
        if (Str(text["type"]) != "plain_text") errors.Add($"{at}/type: must be plain_text");
        Length(text["text"], max, $"{at}/text", errors);
    }

    private static void Length(JsonNode? value, int max, string at, List<string> errors)
    {
        var s = Str(value);
        if (string.IsNullOrEmpty(s)) errors.Add($"{at}: must not be empty");
        else if (s.Length > max) errors.Add($"{at}: {s.Length} chars, at most {max}");
    }

    private static void MaxLength(JsonNode? value, int max, string at, List<string> errors)
    {
        if (Str(value) is { } s && s.Length > max) errors.Add($"{at}: {s.Length} chars, at most {max}");
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
