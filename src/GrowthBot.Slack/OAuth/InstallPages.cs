using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace GrowthBot.Slack.OAuth;

/// <summary>The small plain HTML pages of the install flow: one heading, a few lines, at most one link or button.</summary>
public static class InstallPages
{
    /// <summary>Slack's own "Add to Slack" button image (https://api.slack.com/docs/slack-button).</summary>
    private const string ButtonImage = "https://platform.slack-edge.com/img/add_to_slack.png";

    public static IResult AddToSlack(IInstallTexts texts, string appName, string authorizeUrl) => Page(texts, StatusCodes.Status200OK, texts.AddTitle(appName),
        $"""
        <p>{Html(texts.AddIntro(appName))}</p>
        <p><a href="{Html(authorizeUrl)}"><img alt="{Html(texts.AddButton)}" height="40" width="139" src="{ButtonImage}" srcset="{ButtonImage} 1x, https://platform.slack-edge.com/img/add_to_slack@2x.png 2x"></a></p>
        <p class="small">{Html(texts.LinkLifetime((int)OAuthState.Lifetime.TotalMinutes))}</p>
        """);

    public static IResult Installed(IInstallTexts texts, string appName, string teamName, string openUrl) => Page(texts, StatusCodes.Status200OK, texts.InstalledTitle(appName),
        $"""
        <p>{Bold(texts.Installed(appName, TeamMark), TeamMark, teamName)}</p>
        <p>{Html(texts.NextSteps)}</p>
        <p><a class="button" href="{Html(openUrl)}">{Html(texts.Open(appName))}</a></p>
        """);

    /// <summary>Something went wrong: what happened and what to do, in plain words.</summary>
    public static IResult Problem(IInstallTexts texts, int status, string title, string what, string todo, string? installUrl) => Page(texts, status, title,
        $"""
        <p>{Html(what)}</p>
        <p>{Html(todo)}</p>
        {(installUrl is null ? "" : $"""<p><a class="button" href="{Html(installUrl)}">{Html(texts.StartAgain)}</a></p>""")}
        """);

    /// <summary>
    /// Stands where the team's name goes while the translated sentence is encoded, so the name can be bold wherever the
    /// language puts it (a private-use character no sentence or name holds).
    /// </summary>
    private const string TeamMark = "\uE000";

    private static string Bold(string sentence, string mark, string value) =>
        string.Join($"<strong>{Html(value)}</strong>", sentence.Split(mark).Select(Html));

    /// <summary>Encodes markup characters only, so Finnish, Russian or Turkish letters stay readable in the page's source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Html(string text) => Encoder.Encode(text);

    private static IResult Page(IInstallTexts texts, int status, string title, string body) => new HtmlPage(status, $$"""
        <!DOCTYPE html>
        <html lang="{{Html(texts.Lang)}}">
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
