using System.Globalization;
using GrowthBot.Slack.Payloads;

namespace GrowthBot.Features.Common;

/// <summary>
/// Reads submitted modal values by block id. Every input in our modals uses the action id
/// <see cref="Action"/>, so one block id names one field. An input that dispatches its changes carries its handler's
/// action id instead (<see cref="Modals.DispatchingInput"/>); an input block holds one element, so it is read the same way.
/// </summary>
public sealed class ViewValues(ViewState? state)
{
    public const string Action = "value";

    /// <summary>The value of a ticked checkbox (<see cref="Modals.Checkbox"/>).</summary>
    public const string Ticked = "yes";

    /// <summary>
    /// The block's input: under <see cref="Action"/>, or under its own action id for the kinds that keep one
    /// (<see cref="Modals.Lookup"/>, <see cref="Modals.DispatchingInput"/>).
    /// </summary>
    private ElementState? Get(string blockId) =>
        state?.Get(blockId, Action) ?? (state?.Values.TryGetValue(blockId, out var block) == true && block.Count == 1 ? block.Values.First() : null);

    /// <summary>
    /// Whether the checkbox of <paramref name="blockId"/> is ticked. Its block id may end in <c>.something</c>: a modal
    /// that must show a new default while open gives the box a new block id, as Slack keeps what was ticked otherwise.
    /// </summary>
    public bool Checked(string blockId)
    {
        var key = state?.Values.Keys.FirstOrDefault(k => k == blockId || k.StartsWith(blockId + ".", StringComparison.Ordinal));
        return key is not null && Selections(key).Contains(Ticked);
    }

    public string? Text(string blockId) => Get(blockId)?.Value is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string? Selected(string blockId) => Get(blockId)?.SelectedOption?.Value;

    /// <summary>The values of the options chosen in checkboxes or a multi-select.</summary>
    public IReadOnlyList<string> Selections(string blockId) => Get(blockId)?.SelectedOptions?.Select(o => o.Value).ToList() ?? [];

    public string? User(string blockId) => Get(blockId)?.SelectedUser;

    public IReadOnlyList<string> Users(string blockId) => Get(blockId)?.SelectedUsers ?? [];

    public string? Conversation(string blockId) => Get(blockId)?.SelectedConversation ?? Get(blockId)?.SelectedChannel;

    public DateOnly? Date(string blockId) =>
        DateOnly.TryParseExact(Get(blockId)?.SelectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public TimeOnly? Time(string blockId) =>
        TimeOnly.TryParseExact(Get(blockId)?.SelectedTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>A whole number, or null when empty or not a number (the caller reports which).</summary>
    public int? Integer(string blockId) =>
        int.TryParse(Text(blockId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : Selected(blockId) is { } s && int.TryParse(s, out var m) ? m : null;

    /// <summary>A decimal number as people type it (decimal comma and thousands separators accepted).</summary>
    public decimal? Decimal(string blockId) => Domain.Common.DecimalText.TryParse(Text(blockId), out var value) ? value : null;
}
