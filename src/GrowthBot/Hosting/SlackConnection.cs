using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GrowthBot.Hosting;

/// <summary>
/// One workspace: calls auth.test at startup to learn who the bot is (so it ignores its own messages) and whether
/// the token works; a rejected token stops the app with one clear line. Many workspaces: there is no one token to
/// test, so it calls api.test to see that Slack's Web API answers, and reports how many workspaces are installed
/// (each workspace's token is checked by its own calls). Slack being unreachable only degrades health, and the
/// check is retried until it succeeds. It is the <c>slack</c> entry of /health, which asks Slack again at most once
/// a minute.
/// </summary>
public sealed class SlackConnection(
    ISlackApi slack, SlackIdentity identity, IOptions<SlackOptions> options, InstallationStore installations, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<SlackConnection> logger) : BackgroundService, IHealthCheck
{
    private static readonly string[] Fatal = ["invalid_auth", "not_authed", "token_revoked", "account_inactive", "token_expired", "not_allowed_token_type"];

    private readonly bool _manyWorkspaces = options.Value.MultiWorkspace;
    private bool _apiAnswered;

    public string? LastError { get; private set; }
    public DateTimeOffset? LastCheckedAt { get; private set; }
    public bool Connected => (_manyWorkspaces ? _apiAnswered : identity.Known) && LastError is null;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first check happens before the app serves requests, so identity is known from the first event.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        await Check(timeout.Token);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(5);
        while (!(_manyWorkspaces ? _apiAnswered : identity.Known) && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, stoppingToken);
            await Check(stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 300));
        }
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (LastCheckedAt is null || time.GetUtcNow() - LastCheckedAt > TimeSpan.FromMinutes(1)) await Check(cancellationToken);
        var data = new Dictionary<string, object> { ["error"] = LastError! };
        if (_manyWorkspaces && await InstalledCount(cancellationToken) is { } count) data["workspaces"] = count;
        return Connected ? HealthCheckResult.Healthy(data: data) : HealthCheckResult.Unhealthy(data: data);
    }

    /// <summary>How many workspaces are installed; null when the database cannot say (its own entry of /health reports that).</summary>
    private async Task<int?> InstalledCount(CancellationToken cancellationToken)
    {
        try
        {
            return (await installations.Teams(cancellationToken)).Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The app id, for links that open the App Home: auth.test names it for bot tokens (not in Slack's documented
    /// example, so not relied on), bots.info always does. Without either, the first request's api_app_id supplies it.
    /// </summary>
    private async Task LearnAppId(AuthTestResponse auth, CancellationToken cancellationToken)
    {
        if (auth.AppId is { Length: > 0 } fromAuth)
        {
            identity.RememberAppId(fromAuth);
            return;
        }
        if (auth.BotId is not { Length: > 0 } botId) return;
        try
        {
            identity.RememberAppId((await slack.BotInfo(botId, cancellationToken)).AppId);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("bots.info did not say which app the bot belongs to ({Error}); the first request from Slack will",
                e is SlackApiException api ? api.Error : "unreachable");
        }
    }

    /// <summary>With many workspaces the app is the same in each: any installation names it (oauth.v2.access said).</summary>
    private async Task LearnAppIdFromAnInstallation(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var team in await installations.Teams(cancellationToken))
                if (await installations.Find(team, cancellationToken) is { AppId.Length: > 0 } installation)
                {
                    identity.RememberAppId(installation.AppId);
                    return;
                }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation(e, "Could not read an installation for the app's id; the first request from Slack will give it");
        }
    }

    /// <summary>Asks Slack who the bot is (or, with many workspaces, whether it answers), and records whether it answered.</summary>
    public async Task Check(CancellationToken cancellationToken)
    {
        try
        {
            if (_manyWorkspaces)
            {
                await slack.ApiTest(cancellationToken);
                if (!_apiAnswered) logger.LogInformation("Slack's Web API answers; serving every workspace installed through /slack/install");
                _apiAnswered = true;
                LastError = null;
                if (identity.AppId is null) await LearnAppIdFromAnInstallation(cancellationToken);
                return;
            }
            var auth = await slack.AuthTest(cancellationToken);
            var first = !identity.Known;
            identity.Set(auth.UserId, auth.BotId, auth.TeamId, auth.Team);
            LastError = null;
            if (first) logger.LogInformation("Connected to Slack workspace {Team} ({TeamId}) as {BotUser}", auth.Team, auth.TeamId, auth.UserId);
            if (identity.AppId is null) await LearnAppId(auth, cancellationToken);
        }
        catch (SlackApiException e) when (Fatal.Contains(e.Error))
        {
            LastError = e.Error;
            logger.LogCritical("Slack refused the bot token ({Error}): check Slack__BotToken against the app's \"OAuth & Permissions\" page. Stopping.", e.Error);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            LastError = e is SlackApiException api ? api.Error : "unreachable";
            logger.LogWarning("Slack auth.test failed ({Error}); serving anyway and trying again", LastError);
        }
        finally
        {
            LastCheckedAt = time.GetUtcNow();
        }
    }
}
