namespace GrowthBot.Slack.Routing;

/// <summary>Who the bot is in its one workspace (Slack__BotToken), learnt from auth.test at startup.</summary>
public sealed class SlackIdentity
{
    private readonly TaskCompletionSource _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        if (Known) _known.TrySetResult();
    }

    /// <summary>
    /// Completes once auth.test has answered. Work that needs the workspace (whose settings, which team to post
    /// for) waits on this rather than on the order hosted services happen to start in.
    /// </summary>
    public Task WhenKnown(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
