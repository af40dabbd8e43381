using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.Workspaces;

/// <summary>The bot in one workspace: the token its Web API calls carry, and who it is there.</summary>
public sealed record SlackBot(string Token, string? UserId, string? BotId)
{
    /// <summary>True for messages the bot itself posted, which it must never react to.</summary>
    public bool IsOwn(SlackEvent e) =>
        (BotId is not null && e.BotId == BotId) || (UserId is not null && e.User == UserId);

    public override string ToString() => $"SlackBot {{ UserId = {UserId}, BotId = {BotId} }}";
}

/// <summary>Which bot serves a workspace: one configured token, or each installed workspace's own.</summary>
public interface ISlackBots
{
    /// <summary>
    /// The bot serving <paramref name="teamId"/>; null when the app is not installed there. With many workspaces a
    /// null team (work outside any <see cref="SlackTeamScope"/>) throws, so no call can fall back to some other token.
    /// </summary>
    ValueTask<SlackBot?> For(string? teamId, CancellationToken cancellationToken);
}

/// <summary>One workspace: Slack__BotToken serves every request, whoever the team; who the bot is comes from auth.test.</summary>
public sealed class ConfiguredBot(IOptions<SlackOptions> options, SlackIdentity identity) : ISlackBots
{
    public ValueTask<SlackBot?> For(string? teamId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SlackBot?>(new SlackBot(options.Value.BotToken, identity.BotUserId, identity.BotId));
}
