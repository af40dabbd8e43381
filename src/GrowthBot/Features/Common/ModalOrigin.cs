using System.Text.Json;
using GrowthBot.Slack;

namespace GrowthBot.Features.Common;

/// <summary>
/// Where a modal was opened from, kept in its private_metadata, so the reply to its submission can go back
/// to that conversation. <paramref name="Subject"/> carries the id the modal is about (e.g. E3), if any.
/// </summary>
public sealed record ModalOrigin(string? ChannelId, string? ResponseUrl, string? Subject = null)
{
    public string Serialize() => JsonSerializer.Serialize(this, SlackJson.Options);

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
