using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.OAuth;

/// <summary>What the install pages say about the app: its name, the bot scopes it asks for, and their texts in the languages the host writes.</summary>
public sealed record SlackInstallPage(string AppName, IReadOnlyList<string> BotScopes, IInstallLanguages Languages);

/// <summary>
/// "Add to Slack" for any workspace (Slack OAuth v2): <c>GET /slack/install</c> shows Slack's button, linking to
/// Slack's authorize page with a state bound to this browser; <c>GET /slack/oauth_redirect</c> is where Slack sends the
/// installer back: it checks the state, exchanges the code with oauth.v2.access, learns the bot's ids with auth.test
/// and stores the installation. Every failure is a plain page saying what to do, never a 500.
/// </summary>
public static class SlackInstallEndpoints
{
    public const string InstallPath = "/install";
    public const string RedirectPath = "/oauth_redirect";

    public static IEndpointRouteBuilder MapSlackInstall(this IEndpointRouteBuilder app, SlackInstallPage page, string prefix = "/slack")
    {
        var slack = app.MapGroup(prefix);
        slack.MapGet(InstallPath, (HttpContext http, IOptions<SlackOptions> options, OAuthState state) => Install(http, options.Value, state, page));
        slack.MapGet(RedirectPath, (HttpContext http, IOptions<SlackOptions> options, OAuthState state, ISlackApi slack, IServiceProvider services,
                TimeProvider time, ILoggerFactory logs) =>
            Redirect(http, options.Value, state, slack, services, time, logs.CreateLogger(typeof(SlackInstallEndpoints).FullName!), page, prefix));
        return app;
    }

    private static IResult Install(HttpContext http, SlackOptions options, OAuthState state, SlackInstallPage page)
    {
        var texts = page.Languages.For(http.Request);
        if (!options.MultiWorkspace) return SingleWorkspace(texts, page);
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["scope"] = string.Join(",", page.BotScopes),
            ["state"] = state.Issue(http, Secure(http, options)),
        };
        if (!string.IsNullOrWhiteSpace(options.RedirectUrl)) query["redirect_uri"] = options.RedirectUrl;
        return InstallPages.AddToSlack(texts, page.AppName, QueryHelpers.AddQueryString(SlackUrl(options, "oauth/v2/authorize"), query));
    }

    private static async Task<IResult> Redirect(HttpContext http, SlackOptions options, OAuthState states, ISlackApi slack, IServiceProvider services,
        TimeProvider time, ILogger logger, SlackInstallPage page, string prefix)
    {
        var texts = page.Languages.For(http.Request);
        if (!options.MultiWorkspace) return SingleWorkspace(texts, page);
        var again = $"{prefix}{InstallPath}";
        var query = http.Request.Query;
        var check = states.Redeem(http, query["state"], Secure(http, options));

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            // Whatever arrives in the URL is shown and logged, so only a short piece of it.
            var declined = error.Length > 60 ? error[..60] : error;
            logger.LogInformation("An install was not completed: Slack sent back {Error}", declined);
            return declined == "access_denied"
                ? InstallPages.Problem(texts, StatusCodes.Status200OK, texts.CancelledTitle, texts.Cancelled(page.AppName), texts.StartAgainWhenever, again)
                : InstallPages.Problem(texts, StatusCodes.Status400BadRequest, texts.NotCompletedTitle, texts.Declined(declined), texts.PleaseStartAgain, again);
        }

        if (check != StateCheck.Valid)
        {
            logger.LogWarning("Refused an install redirect: its state is {Check}", check);
            return InstallPages.Problem(texts, StatusCodes.Status400BadRequest, texts.LinkInvalidTitle,
                check switch
                {
                    StateCheck.Expired => texts.LinkExpired((int)OAuthState.Lifetime.TotalMinutes),
                    StateCheck.Used => texts.LinkUsed,
                    _ => texts.LinkUnchecked,
                },
                texts.StartAgainFromThisBrowser, again);
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
            return InstallPages.Problem(texts, StatusCodes.Status400BadRequest, texts.NotCompletedTitle, texts.NoCode, texts.PleaseStartAgain, again);

        OAuthAccessResponse access;
        AuthTestResponse bot;
        try
        {
            access = await slack.OAuthAccess(options.ClientId, options.ClientSecret, code, NullIfEmpty(options.RedirectUrl), http.RequestAborted);
            if (access.IsEnterpriseInstall || access.Team?.Id is not { Length: > 0 })
                return InstallPages.Problem(texts, StatusCodes.Status400BadRequest, texts.OneWorkspaceTitle, texts.Enterprise(page.AppName), texts.ChooseOneWorkspace, again);
            if (access.TokenType != "bot" || access.AccessToken is not { Length: > 0 } || access.BotUserId is null)
                return InstallPages.Problem(texts, StatusCodes.Status502BadGateway, texts.NotCompletedTitle, texts.NoBotToken, texts.CheckBotScopes(page.AppName), again);
            bot = await slack.AuthTest(access.AccessToken, http.RequestAborted);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack refused an install: {Method} answered {Error}", e.Method, e.Error);
            return Refused(e, texts, page, again);
        }

        var installation = new SlackInstallation
        {
            TeamId = access.Team.Id,
            TeamName = access.Team.Name ?? bot.Team ?? access.Team.Id,
            EnterpriseId = NullIfEmpty(access.Enterprise?.Id),
            BotToken = access.AccessToken,
            BotUserId = access.BotUserId,
            BotId = bot.BotId ?? "",
            AppId = access.AppId ?? "",
            Scopes = access.Scope ?? "",
            InstalledBy = access.AuthedUser?.Id ?? "",
            InstalledAt = time.GetUtcNow(),
        };
        try
        {
            await services.GetRequiredService<SlackInstallations>().Save(installation, http.RequestAborted);
            services.GetRequiredService<SlackIdentity>().RememberAppId(installation.AppId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not store the installation of Slack workspace {TeamId}", installation.TeamId);
            return InstallPages.Problem(texts, StatusCodes.Status503ServiceUnavailable, texts.NotSavedTitle, texts.NotSaved, texts.StartAgainInAMinute, again);
        }
        var open = QueryHelpers.AddQueryString(SlackUrl(options, "app_redirect"), new Dictionary<string, string?> { ["app"] = installation.AppId, ["team"] = installation.TeamId });
        return InstallPages.Installed(texts, page.AppName, installation.TeamName, open);
    }

    /// <summary>Slack said no: the installer can start again, or the server's configuration needs fixing.</summary>
    private static IResult Refused(SlackApiException e, IInstallTexts texts, SlackInstallPage page, string again)
    {
        if (e.IsTransient)
            return InstallPages.Problem(texts, StatusCodes.Status503ServiceUnavailable, texts.SlackDownTitle, texts.SlackDown, texts.StartAgainInAMinute, again);
        return e.Error switch
        {
            "invalid_code" or "code_already_used" or "code_expired" => InstallPages.Problem(texts, StatusCodes.Status400BadRequest, texts.NotCompletedTitle,
                texts.CodeRefused(e.Error), texts.PleaseStartAgain, again),
            "invalid_team_for_non_distributed_app" => InstallPages.Problem(texts, StatusCodes.Status502BadGateway, texts.NotDistributedTitle,
                texts.NotDistributed, texts.ActivateDistribution(page.AppName), null),
            _ => InstallPages.Problem(texts, StatusCodes.Status502BadGateway, texts.NotCompletedTitle, texts.Refused(e.Error), texts.CheckConfiguration(page.AppName), null),
        };
    }

    private static IResult SingleWorkspace(IInstallTexts texts, SlackInstallPage page) => InstallPages.Problem(texts, StatusCodes.Status404NotFound,
        texts.NotAvailableTitle, texts.SingleWorkspace(page.AppName), texts.AskWhoeverRuns, null);

    /// <summary>Slack's web pages live beside its Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize.</summary>
    private static string SlackUrl(SlackOptions options, string path) =>
        new Uri(new Uri(options.ApiBaseUrl), "/" + path).ToString();

    /// <summary>
    /// The cookie is Secure when the browser talks https to us: the request says so, or (behind a proxy that ends TLS)
    /// the redirect URL Slack sends the browser back to is https.
    /// </summary>
    private static bool Secure(HttpContext http, SlackOptions options) =>
        http.Request.IsHttps || options.RedirectUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
