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

/// <summary>What the install pages say about the app: its name, the bot scopes it asks for, what to do once installed.</summary>
public sealed record SlackInstallPage(string AppName, IReadOnlyList<string> BotScopes, string NextSteps);

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
        if (!options.MultiWorkspace) return SingleWorkspace(page);
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["scope"] = string.Join(",", page.BotScopes),
            ["state"] = state.Issue(http, Secure(http, options)),
        };
        if (!string.IsNullOrWhiteSpace(options.RedirectUrl)) query["redirect_uri"] = options.RedirectUrl;
        return InstallPages.AddToSlack(page.AppName, QueryHelpers.AddQueryString(SlackUrl(options, "oauth/v2/authorize"), query));
    }

    private static async Task<IResult> Redirect(HttpContext http, SlackOptions options, OAuthState states, ISlackApi slack, IServiceProvider services,
        TimeProvider time, ILogger logger, SlackInstallPage page, string prefix)
    {
        if (!options.MultiWorkspace) return SingleWorkspace(page);
        var again = $"{prefix}{InstallPath}";
        var query = http.Request.Query;
        var check = states.Redeem(http, query["state"], Secure(http, options));

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            // Whatever arrives in the URL is shown and logged, so only a short piece of it.
            var declined = error.Length > 60 ? error[..60] : error;
            logger.LogInformation("An install was not completed: Slack sent back {Error}", declined);
            return declined == "access_denied"
                ? InstallPages.Problem(StatusCodes.Status200OK, "Installation cancelled",
                    $"You chose not to allow {page.AppName} in your workspace, so nothing was installed.", "You can start again whenever you like.", again)
                : InstallPages.Problem(StatusCodes.Status400BadRequest, "Installation not completed",
                    $"Slack ended the installation with the error \"{declined}\", so nothing was installed.", "Please start again.", again);
        }

        if (check != StateCheck.Valid)
        {
            logger.LogWarning("Refused an install redirect: its state is {Check}", check);
            return InstallPages.Problem(StatusCodes.Status400BadRequest, "This installation link is no longer valid",
                check switch
                {
                    StateCheck.Expired => $"The installation was started more than {(int)OAuthState.Lifetime.TotalMinutes} minutes ago.",
                    StateCheck.Used => "This installation link was already used.",
                    _ => "It was started in another browser, or this browser did not keep its cookie, so it cannot be checked.",
                },
                "Nothing was installed. Start again from this browser, with cookies allowed for this site.", again);
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
            return InstallPages.Problem(StatusCodes.Status400BadRequest, "Installation not completed",
                "Slack sent no installation code back, so nothing was installed.", "Please start again.", again);

        OAuthAccessResponse access;
        AuthTestResponse bot;
        try
        {
            access = await slack.OAuthAccess(options.ClientId, options.ClientSecret, code, NullIfEmpty(options.RedirectUrl), http.RequestAborted);
            if (access.IsEnterpriseInstall || access.Team?.Id is not { Length: > 0 })
                return InstallPages.Problem(StatusCodes.Status400BadRequest, "Install it in one workspace",
                    $"{page.AppName} serves one workspace at a time, so it cannot be installed for a whole Enterprise Grid organisation.",
                    "Start again and choose a single workspace at the top right of Slack's page.", again);
            if (access.TokenType != "bot" || access.AccessToken is not { Length: > 0 } || access.BotUserId is null)
                return InstallPages.Problem(StatusCodes.Status502BadGateway, "Installation not completed",
                    "Slack granted no bot token, so the app could not be installed.", $"Ask whoever runs {page.AppName} to check the app's bot scopes.", again);
            bot = await slack.AuthTest(access.AccessToken, http.RequestAborted);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack refused an install: {Method} answered {Error}", e.Method, e.Error);
            return Refused(e, page, again);
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
            return InstallPages.Problem(StatusCodes.Status503ServiceUnavailable, "Installation not saved",
                "Slack allowed the installation, but it could not be saved here.", "Please start again in a minute.", again);
        }
        var open = QueryHelpers.AddQueryString(SlackUrl(options, "app_redirect"), new Dictionary<string, string?> { ["app"] = installation.AppId, ["team"] = installation.TeamId });
        return InstallPages.Installed(page.AppName, installation.TeamName, open, page.NextSteps);
    }

    /// <summary>Slack said no: the installer can start again, or the server's configuration needs fixing.</summary>
    private static IResult Refused(SlackApiException e, SlackInstallPage page, string again)
    {
        if (e.IsTransient)
            return InstallPages.Problem(StatusCodes.Status503ServiceUnavailable, "Slack did not answer",
                "Slack could not be reached to finish the installation, so nothing was installed.", "Please start again in a minute.", again);
        return e.Error switch
        {
            "invalid_code" or "code_already_used" or "code_expired" => InstallPages.Problem(StatusCodes.Status400BadRequest, "Installation not completed",
                $"Slack did not accept the installation code (\"{e.Error}\"): it is valid once and only for a few minutes.", "Please start again.", again),
            "invalid_team_for_non_distributed_app" => InstallPages.Problem(StatusCodes.Status502BadGateway, "This app is not available to other workspaces yet",
                "Slack only lets the workspace that created the app install it until the app is distributed.",
                $"Whoever runs {page.AppName} should activate public distribution under \"Manage Distribution\" at https://api.slack.com/apps.", null),
            _ => InstallPages.Problem(StatusCodes.Status502BadGateway, "Installation not completed",
                $"Slack refused the installation (\"{e.Error}\"), so nothing was installed.",
                $"Whoever runs {page.AppName} should check Slack__ClientId, Slack__ClientSecret and Slack__RedirectUrl against the app's settings at https://api.slack.com/apps.", null),
        };
    }

    private static IResult SingleWorkspace(SlackInstallPage page) => InstallPages.Problem(StatusCodes.Status404NotFound, "Not available here",
        $"This {page.AppName} serves one Slack workspace with its own bot token, so it cannot be installed in other workspaces.",
        "To add it to your workspace, ask whoever runs it.", null);

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
