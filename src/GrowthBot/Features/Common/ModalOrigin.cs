using System.Text.Json;
using GrowthBot.Slack;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Common;

/// <summary>
/// Where a modal was opened from, kept in its private_metadata, so the reply to its submission can go back
/// to that conversation. <paramref name="Subject"/> carries the id the modal is about (e.g. E3), if any.
/// </summary>
public sealed record ModalOrigin(string? ChannelId, string? ResponseUrl, string? Subject = null)
{
    /// <summary>The conversation a slash command was typed in.</summary>
    public static ModalOrigin Of(SlashCommand command) => new(command.ChannelId, command.ResponseUrl);

    /// <summary>
    /// The message a button was clicked in. The App Home has neither channel nor response_url, so a modal opened
    /// from there answers in the person's DM with the bot.
    /// </summary>
    public static ModalOrigin Of(BlockActionRequest request) =>
        new(request.Payload.Channel?.Id ?? request.Payload.Container?.ChannelId, request.Payload.ResponseUrl);

    /// <summary>
    /// At most Slack's 3000 characters of private_metadata. Real channel ids and response_urls are short; an
    /// oversized one (only a forged request carries it) is left out, and the reply falls back to the user's DM.
    /// </summary>
    public string Serialize()
    {
        var json = JsonSerializer.Serialize(this, SlackJson.Options);
        if (json.Length <= BlockKitLimits.PrivateMetadata) return json;
        json = JsonSerializer.Serialize(this with { ResponseUrl = null }, SlackJson.Options);
        if (json.Length <= BlockKitLimits.PrivateMetadata) return json;
        return JsonSerializer.Serialize(new ModalOrigin(null, null, Subject is { Length: <= 100 } ? Subject : null), SlackJson.Options);
    }

    public static ModalOrigin Parse(string? privateMetadata)
    {
        if (string.IsNullOrEmpty(privateMetadata)) return new ModalOrigin(null, null);
        try
        {
            return JsonSerializer.Deserialize<ModalOrigin>(privateMetadata, SlackJson.Options) ?? new ModalOrigin(null, null);
        }
        catch (JsonException)
        {
            return new ModalOrigin(null, null);
        }
    }
}
