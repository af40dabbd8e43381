using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GrowthBot.Slack.OAuth;

/// <summary>
/// Every sentence the install pages show, in one language. The host writes them (this library knows no product and no
/// language); <see cref="IInstallLanguages"/> picks one per request from the browser's languages. Texts are plain:
/// the pages HTML-encode them.
/// </summary>
public interface IInstallTexts
{
    /// <summary>The page's <c>&lt;html lang&gt;</c>: <c>en</c>, <c>fi</c>.</summary>
    string Lang { get; }

    string AddTitle(string app);
    string AddIntro(string app);
    /// <summary>The alt text of Slack's "Add to Slack" button image.</summary>
    string AddButton { get; }
    string LinkLifetime(int minutes);
    string InstalledTitle(string app);
    /// <summary>"{app} is now installed in {team}." The page shows <paramref name="team"/> in bold wherever the sentence puts it.</summary>
    string Installed(string app, string team);
    /// <summary>What to do first once installed.</summary>
    string NextSteps { get; }
    string Open(string app);
    string StartAgain { get; }

    string NotCompletedTitle { get; }
    string CancelledTitle { get; }
    string LinkInvalidTitle { get; }
    string OneWorkspaceTitle { get; }
    string NotSavedTitle { get; }
    string SlackDownTitle { get; }
    string NotDistributedTitle { get; }
    string NotAvailableTitle { get; }

    string Cancelled(string app);
    /// <summary>Slack sent the installer back with an error other than "access_denied".</summary>
    string Declined(string error);
    string LinkExpired(int minutes);
    string LinkUsed { get; }
    string LinkUnchecked { get; }
    string NoCode { get; }
    string Enterprise(string app);
    string NoBotToken { get; }
    string NotSaved { get; }
    string SlackDown { get; }
    string CodeRefused(string error);
    string NotDistributed { get; }
    string Refused(string error);
    string SingleWorkspace(string app);

    string StartAgainWhenever { get; }
    string PleaseStartAgain { get; }
    string StartAgainFromThisBrowser { get; }
    string ChooseOneWorkspace { get; }
    string CheckBotScopes(string app);
    string StartAgainInAMinute { get; }
    string ActivateDistribution(string app);
    string CheckConfiguration(string app);
    string AskWhoeverRuns { get; }
}

/// <summary>The languages the install pages are written in, as the host offers them.</summary>
public interface IInstallLanguages
{
    /// <summary>The texts for a language tag from a browser's Accept-Language (<c>fi-FI</c>, <c>sv</c>); null when not offered.</summary>
    IInstallTexts? Find(string languageTag);

    /// <summary>The texts for a browser that asks for no language offered.</summary>
    IInstallTexts Default { get; }

    /// <summary>
    /// The texts for the request: the browser's Accept-Language, most preferred first (quality, then order), and the first
    /// language offered; <see cref="Default"/> otherwise.
    /// </summary>
    public IInstallTexts For(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> accepted;
        try
        {
            accepted = request.GetTypedHeaders().AcceptLanguage;
        }
        catch (FormatException)
        {
            return Default;
        }
        foreach (var tag in accepted.Select((value, order) => (value, order))
                     .Where(a => (a.value.Quality ?? 1) > 0 && a.value.Value.Value is { Length: > 0 } v && v != "*")
                     .OrderByDescending(a => a.value.Quality ?? 1).ThenBy(a => a.order))
            if (Find(tag.value.Value.Value!) is { } texts) return texts;
        return Default;
    }
}
