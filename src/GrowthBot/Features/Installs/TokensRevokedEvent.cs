using System.Text.Json;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Installs;

/// <summary>
/// Slack revoked tokens of the app in a workspace. When the bot's token is among them the workspace is served no more,
/// as if the app were uninstalled; revoked user tokens concern nothing GrowthBot keeps.
/// </summary>
public sealed class TokensRevokedEvent(AppUninstalledEvent uninstall) : IEventHandler
{
    public const string EventType = "tokens_revoked";

    public async Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        var bots = RevokedBots(callback.Event);
        if (bots.Count == 0) return;
        if (await uninstall.Installation(callback.TeamId, cancellationToken) is { } installed && !bots.Contains(installed.BotUserId)) return;
        await uninstall.Forget(callback.TeamId, "its bot token was revoked", cancellationToken);
    }

    /// <summary>The bot user ids in <c>tokens.bot</c>.</summary>
    private static IReadOnlyList<string> RevokedBots(SlackEvent e) =>
        e.ExtensionData?.GetValueOrDefault("tokens") is { ValueKind: JsonValueKind.Object } tokens
        && tokens.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.Array
            ? bot.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!).ToList()
            : [];
}
