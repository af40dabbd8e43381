namespace GrowthBot.Slack.Routing;

/// <summary>Who the bot is in its one workspace (Slack__BotToken), learnt from auth.test at startup.</summary>
public sealed class SlackIdentity
{
    public string? BotUserId { get; private set; }
    public string? BotId { get; private set; }
    public string? TeamId { get; private set; }
    public string? Team { get; private set; }
    public bool Known => BotUserId is not null;

    public void Set(string? botUserId, string? botId, string? teamId, string? team)
    {
        BotUserId = botUserId;
        BotId = botId;
        TeamId = teamId;
        Team = team;
    }
}
