using Microsoft.Extensions.Primitives;

namespace GrowthBot.Slack.Payloads;

/// <summary>A slash command invocation, as Slack posts it (form-encoded).</summary>
public sealed record SlashCommand
{
    public required string Command { get; init; }
    /// <summary>Everything after the command, one opaque string.</summary>
    public string Text { get; init; } = "";
    public required string TeamId { get; init; }
    public string? TeamDomain { get; init; }
    public string? EnterpriseId { get; init; }
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public string ChannelId { get; init; } = "";
    public string? ChannelName { get; init; }
    public string? ApiAppId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }

    /// <summary>Reads a command from its form fields; null when the fields Slack always sends are missing.</summary>
    public static SlashCommand? FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var command = Get("command");
        var teamId = Get("team_id");
        var userId = Get("user_id");
        if (command is null || teamId is null || userId is null) return null;
        return new SlashCommand
        {
            Command = command,
            Text = Get("text") ?? "",
            TeamId = teamId,
            TeamDomain = Get("team_domain"),
            EnterpriseId = Get("enterprise_id"),
            UserId = userId,
            UserName = Get("user_name"),
            ChannelId = Get("channel_id") ?? "",
            ChannelName = Get("channel_name"),
            ApiAppId = Get("api_app_id"),
            ResponseUrl = Get("response_url"),
            TriggerId = Get("trigger_id"),
        };
    }
}
