using System.Globalization;
using GrowthBot.Slack.Payloads;

namespace GrowthBot.Features.Common;

/// <summary>
/// Reads submitted modal values by block id. Every input in our modals uses the action id
/// <see cref="Action"/>, so one block id names one field.
/// </summary>
public sealed class ViewValues(ViewState? state)
{
    public const string Action = "value";

    private ElementState? Get(string blockId) => state?.Get(blockId, Action);

    public string? Text(string blockId) => Get(blockId)?.Value is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string? Selected(string blockId) => Get(blockId)?.SelectedOption?.Value;

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
