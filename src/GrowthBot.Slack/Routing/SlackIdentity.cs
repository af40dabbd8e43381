namespace GrowthBot.Slack.Routing;

/// <summary>
/// Who the bot is in its one workspace (Slack__BotToken), learnt from auth.test at startup, and the app it belongs to,
/// the same in every workspace (from auth.test, bots.info or an installation, else the <c>api_app_id</c> of the first
/// verified request).
/// </summary>
public sealed class SlackIdentity
{
    private readonly TaskCompletionSource _known = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _appId;

    public string? BotUserId { get; private set; }
    public string? BotId { get; private set; }
    public string? TeamId { get; private set; }
    public string? Team { get; private set; }
    public bool Known => BotUserId is not null;

    /// <summary>The app's id (A…), which links such as <c>slack://app?team=…&amp;id=…</c> need; null until learnt.</summary>
    public string? AppId => Volatile.Read(ref _appId);

    public void Set(string? botUserId, string? botId, string? teamId, string? team)
    {
        BotUserId = botUserId;
        BotId = botId;
        TeamId = teamId;
        Team = team;
        if (Known) _known.TrySetResult();
    }

    /// <summary>Records the app id once it is known; a blank one changes nothing.</summary>
    public void RememberAppId(string? appId)
    {
        if (!string.IsNullOrWhiteSpace(appId)) Volatile.Write(ref _appId, appId);
    }

    /// <summary>
    /// Completes once auth.test has answered. Work that needs the workspace (whose settings, which team to post
    /// for) waits on this rather than on the order hosted services happen to start in.
    /// </summary>
    public Task WhenKnown(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
