using System.Net;
using System.Text.RegularExpressions;

namespace GrowthBot.Tests.Fixtures;

/// <summary>A page of the install flow as the browser shows it: its status, title and the links a person can follow.</summary>
public sealed partial record InstallPage(HttpStatusCode Status, string Html)
{
    public static async Task<InstallPage> From(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync());

    public string Title => WebUtility.HtmlDecode(Heading().Match(Html).Groups[1].Value);

    /// <summary>The page's text without markup, as a person reads it.</summary>
    public string Text => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Body().Match(Html).Groups[1].Value, "")), " ").Trim();

    public IReadOnlyList<string> Links => Href().Matches(Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The Add to Slack button's link on the install page.</summary>
    public static Uri AuthorizeLink(string html) =>
        new(WebUtility.HtmlDecode(Href().Matches(html).Select(m => m.Groups[1].Value).Single(l => l.Contains("oauth/v2/authorize"))));

    [GeneratedRegex("<h1>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("<body>(.*)</body>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
