using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace GrowthBot.Slack.OAuth;

/// <summary>The small plain HTML pages of the install flow: one heading, a few lines, at most one link or button.</summary>
public static class InstallPages
{
    /// <summary>Slack's own "Add to Slack" button image (https://api.slack.com/docs/slack-button).</summary>
    private const string ButtonImage = "https://platform.slack-edge.com/img/add_to_slack.png";

    public static IResult AddToSlack(string appName, string authorizeUrl) => Page(StatusCodes.Status200OK, $"Add {appName} to Slack",
        $"""
        <p>Install {Html(appName)} in your Slack workspace. Slack will show what it may do and ask you to allow it.</p>
        <p><a href="{Html(authorizeUrl)}"><img alt="Add to Slack" height="40" width="139" src="{ButtonImage}" srcset="{ButtonImage} 1x, https://platform.slack-edge.com/img/add_to_slack@2x.png 2x"></a></p>
        <p class="small">The link is valid for {(int)OAuthState.Lifetime.TotalMinutes} minutes, in this browser only.</p>
        """);

    public static IResult Installed(string appName, string teamName, string openUrl, string nextSteps) => Page(StatusCodes.Status200OK, $"{appName} is installed",
        $"""
        <p>{Html(appName)} is now installed in <strong>{Html(teamName)}</strong>.</p>
        <p>{Html(nextSteps)}</p>
        <p><a class="button" href="{Html(openUrl)}">Open {Html(appName)} in Slack</a></p>
        """);

    /// <summary>Something went wrong: what happened and what to do, in plain words.</summary>
    public static IResult Problem(int status, string title, string what, string todo, string? installUrl) => Page(status, title,
        $"""
        <p>{Html(what)}</p>
        <p>{Html(todo)}</p>
        {(installUrl is null ? "" : $"""<p><a class="button" href="{Html(installUrl)}">Start the installation again</a></p>""")}
        """);

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(int status, string title, string body) => new HtmlPage(status, $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}}</title>
        <style>
        body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; line-height: 1.5; }
        .button { display: inline-block; padding: .6rem 1rem; background: #4a154b; color: #fff; border-radius: .3rem; text-decoration: none; }
        .small { color: #616061; font-size: .9rem; }
        </style>
        </head>
        <body>
        <h1>{{Html(title)}}</h1>
        {{body}}
        </body>
        </html>
        """);

    /// <summary>An HTML answer that no cache keeps, no frame embeds and no link leaks through its Referer.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            var headers = http.Response.Headers;
            headers.CacheControl = "no-store";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'none'; img-src https://platform.slack-edge.com; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
            return http.Response.WriteAsync(html, http.RequestAborted);
        }
    }
}
