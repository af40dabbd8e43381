using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrowthBot.Slack.BlockKit;

/// <summary>A composition text object: <c>plain_text</c> or <c>mrkdwn</c>.</summary>
[JsonConverter(typeof(TextObjectConverter))]
public abstract record TextObject(string Text);

[JsonConverter(typeof(TextObjectConverter))]
public sealed record PlainText(string Text) : TextObject(Text)
{
    public bool? Emoji { get; init; } = true;

    public static implicit operator PlainText(string text) => new(text);
}

[JsonConverter(typeof(TextObjectConverter))]
public sealed record Mrkdwn(string Text) : TextObject(Text)
{
    /// <summary>When true, Slack leaves URLs, channel names and user names as typed.</summary>
    public bool? Verbatim { get; init; }
}

/// <summary>An option of a select menu, checkbox group or radio group.</summary>
public sealed record Option(PlainText Text, string Value)
{
    public PlainText? Description { get; init; }

    public static Option Of(string text, string value) => new(new PlainText(text), value);
}

public sealed record OptionGroup(PlainText Label, IReadOnlyList<Option> Options);

/// <summary>A confirmation dialog shown before a button's action runs.</summary>
public sealed record ConfirmationDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny)
{
    public string? Style { get; init; }
}

/// <summary>
/// Writes text objects with their <c>type</c> whether they are declared as <see cref="TextObject"/> or as
/// <see cref="PlainText"/> (titles, labels, button texts), which a polymorphic base alone would not do.
/// </summary>
public sealed class TextObjectConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeof(TextObject).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T> where T : TextObject
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            TextObject value = root.TryGetProperty("type", out var type) && type.GetString() == "mrkdwn"
                ? new Mrkdwn(text) { Verbatim = root.TryGetProperty("verbatim", out var v) ? v.GetBoolean() : null }
                : new PlainText(text) { Emoji = root.TryGetProperty("emoji", out var e) ? e.GetBoolean() : null };
            return value as T ?? throw new JsonException($"Expected {typeof(T).Name}, got {value.GetType().Name}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            switch (value)
            {
                case PlainText plain:
                    writer.WriteString("type", "plain_text");
                    writer.WriteString("text", plain.Text);
                    if (plain.Emoji is { } emoji) writer.WriteBoolean("emoji", emoji);
                    break;
                case Mrkdwn mrkdwn:
                    writer.WriteString("type", "mrkdwn");
                    writer.WriteString("text", mrkdwn.Text);
                    if (mrkdwn.Verbatim is { } verbatim) writer.WriteBoolean("verbatim", verbatim);
                    break;
                default:
                    throw new JsonException($"Unknown text object {value.GetType().Name}");
            }
            writer.WriteEndObject();
        }
    }
}
