using System.Text.Json.Serialization;

namespace GrowthBot.Slack.BlockKit;

/// <summary>An interactive element inside a section, actions or input block.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Button), "button")]
[JsonDerivedType(typeof(StaticSelect), "static_select")]
[JsonDerivedType(typeof(ExternalSelect), "external_select")]
[JsonDerivedType(typeof(UsersSelect), "users_select")]
[JsonDerivedType(typeof(MultiUsersSelect), "multi_users_select")]
[JsonDerivedType(typeof(ConversationsSelect), "conversations_select")]
[JsonDerivedType(typeof(DatePicker), "datepicker")]
[JsonDerivedType(typeof(TimePicker), "timepicker")]
[JsonDerivedType(typeof(PlainTextInput), "plain_text_input")]
[JsonDerivedType(typeof(NumberInput), "number_input")]
[JsonDerivedType(typeof(Checkboxes), "checkboxes")]
[JsonDerivedType(typeof(RadioButtons), "radio_buttons")]
[JsonDerivedType(typeof(Overflow), "overflow")]
public abstract record BlockElement
{
    public string? ActionId { get; init; }
}

public static class ButtonStyle
{
    public const string Primary = "primary";
    public const string Danger = "danger";
}

public sealed record Button(PlainText Text) : BlockElement
{
    public Button(string text, string actionId, string? value = null) : this(new PlainText(text))
    {
        ActionId = actionId;
        Value = value;
    }

    public string? Value { get; init; }
    public string? Url { get; init; }
    /// <summary><see cref="ButtonStyle.Primary"/> or <see cref="ButtonStyle.Danger"/>; null for the default.</summary>
    public string? Style { get; init; }
    public ConfirmationDialog? Confirm { get; init; }
}

public sealed record StaticSelect : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public IReadOnlyList<Option>? Options { get; init; }
    public IReadOnlyList<OptionGroup>? OptionGroups { get; init; }
    public Option? InitialOption { get; init; }
}

public sealed record ExternalSelect : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public Option? InitialOption { get; init; }
    public int? MinQueryLength { get; init; }
}

public sealed record UsersSelect : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialUser { get; init; }
}

public sealed record MultiUsersSelect : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public IReadOnlyList<string>? InitialUsers { get; init; }
    public int? MaxSelectedItems { get; init; }
}

public sealed record ConversationsSelect : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialConversation { get; init; }
    public ConversationFilter? Filter { get; init; }
}

public sealed record ConversationFilter
{
    public IReadOnlyList<string>? Include { get; init; }
    public bool? ExcludeBotUsers { get; init; }
    public bool? ExcludeExternalSharedChannels { get; init; }
}

public sealed record DatePicker : BlockElement
{
    public PlainText? Placeholder { get; init; }
    /// <summary>yyyy-MM-dd, as Slack expects.</summary>
    public string? InitialDate { get; init; }
}

public sealed record TimePicker : BlockElement
{
    public PlainText? Placeholder { get; init; }
    /// <summary>HH:mm, 24-hour.</summary>
    public string? InitialTime { get; init; }
    public string? Timezone { get; init; }
}

public sealed record PlainTextInput : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialValue { get; init; }
    public bool? Multiline { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record NumberInput(bool IsDecimalAllowed) : BlockElement
{
    public PlainText? Placeholder { get; init; }
    /// <summary>Slack wants these as strings.</summary>
    public string? InitialValue { get; init; }
    public string? MinValue { get; init; }
    public string? MaxValue { get; init; }
}

public sealed record Checkboxes(IReadOnlyList<Option> Options) : BlockElement
{
    public IReadOnlyList<Option>? InitialOptions { get; init; }
}

public sealed record RadioButtons(IReadOnlyList<Option> Options) : BlockElement
{
    public Option? InitialOption { get; init; }
}

public sealed record Overflow(IReadOnlyList<Option> Options) : BlockElement;
