using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using GrowthBot.Common;
using GrowthBot.Features;
using GrowthBot.Jobs;
using GrowthBot.Slack.OAuth;
using GrowthBot.Slack.Workspaces;
using GrowthBot.Tests.Fixtures;
using Microsoft.AspNetCore.WebUtilities;

namespace GrowthBot.Tests.Features.Installs;

/// <summary>"Add to Slack" for any workspace: the install page, Slack's redirect back, the stored installation, and its end.</summary>
public class InstallJourneyTests
{
    private const string Installer = "U0INSTALLER";

    private static async Task<(FakeSlack Slack, FakeWorkspace Acme)> OneWorkspace()
    {
        var slack = await FakeSlack.Start();
        return (slack, slack.AddWorkspace("T0ACME", "Acme Corp"));
    }

    private static async Task<(Uri Authorize, string Cookie)> OpenInstallPage(HttpClient browser)
    {
        var page = await browser.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (InstallPage.AuthorizeLink(await page.Content.ReadAsStringAsync()), page.Headers.GetValues("Set-Cookie").Single());
    }

    /// <summary>A new browser whose person reads the languages of <paramref name="acceptLanguage"/>, as browsers send them.</summary>
    private static HttpClient BrowserReading(GrowthBotApp app, string acceptLanguage)
    {
        var browser = app.NewBrowser();
        if (acceptLanguage.Length > 0) browser.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return browser;
    }

    private static string State(Uri authorize) => QueryHelpers.ParseQuery(authorize.Query)["state"].ToString();

    [Fact]
    public async Task The_install_page_links_to_slacks_authorize_page_with_the_manifests_scopes_and_a_state_bound_to_this_browser()
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);

        var response = await app.Http.GetAsync("/slack/install");
        var page = await InstallPage.From(response);
        var (authorize, cookie) = await OpenInstallPage(app.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Add GrowthBot to Slack", page.Title);
        Assert.Contains("<html lang=\"en\">", page.Html);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var link = InstallPage.AuthorizeLink(page.Html);
        Assert.Equal(new Uri(slack.Url).Authority, link.Authority);
        Assert.Equal("/oauth/v2/authorize", link.AbsolutePath);
        var query = QueryHelpers.ParseQuery(link.Query);
        Assert.Equal(FakeSlack.ClientId, query["client_id"]);
        Assert.Equal(string.Join(",", SlackApp.BotScopes), query["scope"]);
        Assert.Equal("http://localhost/slack/oauth_redirect", query["redirect_uri"]);
        Assert.True(State(link).Length >= 43, "the state carries 256 random bits");
        Assert.NotEqual(State(link), State(authorize));

        // The state's cookie: unreadable by scripts, sent on Slack's redirect back but on no other site's request, gone after ten minutes.
        Assert.StartsWith($"{OAuthState.CookieName}=", cookie);
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/slack", attributes);
        Assert.Contains("max-age=600", attributes);
        Assert.DoesNotContain("secure", attributes);
        Assert.DoesNotContain(State(authorize), cookie);
    }

    [Fact]
    public async Task The_state_cookie_is_secure_when_slack_sends_the_installer_back_over_https()
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack,
            new Dictionary<string, string?> { ["Slack:RedirectUrl"] = "https://growthbot.example.com/slack/oauth_redirect" });

        var (_, cookie) = await OpenInstallPage(app.NewBrowser(keepCookies: false));

        Assert.Contains("secure", cookie.Split(';', StringSplitOptions.TrimEntries).Select(a => a.ToLowerInvariant()));
    }

    [Fact]
    public async Task Installing_stores_the_workspace_with_its_token_encrypted_and_ends_on_a_page_that_opens_the_app()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);

        var page = await app.Install(acme, Installer);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("GrowthBot is installed", page.Title);
        Assert.Contains("now installed in Acme Corp", page.Text);
        Assert.Contains("/growth settings", page.Text);
        Assert.Contains($"{slack.Url}/app_redirect?app={FakeSlack.AppId}&team=T0ACME", page.Links);

        var access = Assert.Single(slack.CallsTo("oauth.v2.access"));
        Assert.Null(access.Token);
        Assert.Equal("http://localhost/slack/oauth_redirect", access.Str("redirect_uri"));
        Assert.Equal(acme.BotToken, Assert.Single(slack.CallsTo("auth.test")).Token);

        await using var db = await app.Db();
        var row = await db.QuerySingleAsync<(string Team, string Name, string Token, string BotUser, string BotId, string AppId, string Scopes, string By)>(
            "SELECT team_id, team_name, bot_token, bot_user_id, bot_id, app_id, scopes, installed_by FROM slack_installations");
        Assert.Equal(("T0ACME", "Acme Corp", acme.BotUserId, acme.BotId, FakeSlack.AppId, string.Join(",", SlackApp.BotScopes), Installer),
            (row.Team, row.Name, row.BotUser, row.BotId, row.AppId, row.Scopes, row.By));
        Assert.DoesNotContain(acme.BotToken, row.Token);
        Assert.DoesNotContain(acme.BotToken[5..20], row.Token);
        var stored = (await app.Service<ISlackInstallationStore>().Find("T0ACME", CancellationToken.None))!;
        Assert.Equal((acme.BotToken, GrowthBotApp.DefaultNow), (stored.BotToken, stored.InstalledAt));
        // The key that encrypts it lives in the database (no key folder is configured).
        Assert.True(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys") >= 1);
    }

    [Fact]
    public async Task Cancelling_on_slacks_page_says_nothing_was_installed()
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        var (authorize, _) = await OpenInstallPage(app.Http);

        var page = await InstallPage.From(await app.Http.GetAsync($"/slack/oauth_redirect?error=access_denied&state={State(authorize)}"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Installation cancelled", page.Title);
        Assert.Contains("nothing was installed", page.Text);
        Assert.Contains("/slack/install", page.Links);
        Assert.Empty(slack.CallsTo("oauth.v2.access"));
    }

    [Theory]
    [InlineData("fi-FI,fi;q=0.9,en;q=0.8", "fi", "Lisää GrowthBot Slackiin", "Linkki on voimassa 10 minuuttia ja vain tässä selaimessa.")]
    [InlineData("de-DE,sv;q=0.8,en;q=0.5", "sv", "Lägg till GrowthBot i Slack", "Länken gäller i 10 minuter och bara i den här webbläsaren.")]
    [InlineData("en;q=0.3,tr;q=0.7,ru;q=0.7", "tr", "GrowthBot uygulamasını Slack'e ekleyin", "Bağlantı 10 dakika boyunca ve yalnızca bu tarayıcıda geçerlidir.")]
    [InlineData("de-DE,de;q=0.9", "en", "Add GrowthBot to Slack", "The link is valid for 10 minutes, in this browser only.")]
    [InlineData("", "en", "Add GrowthBot to Slack", "The link is valid for 10 minutes, in this browser only.")]
    public async Task The_install_page_speaks_the_first_of_the_browsers_languages_that_GrowthBot_speaks(string acceptLanguage, string lang, string title, string lifetime)
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        var page = await InstallPage.From(await BrowserReading(app, acceptLanguage).GetAsync("/slack/install"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"<html lang=\"{lang}\">", page.Html);
        Assert.Equal(title, page.Title);
        Assert.Contains(lifetime, page.Text);
        Assert.Contains("oauth/v2/authorize", InstallPage.AuthorizeLink(page.Html).AbsolutePath);
    }

    [Fact]
    public async Task A_finnish_browser_reads_the_install_page_in_finnish_only()
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);

        var page = await InstallPage.From(await BrowserReading(app, "fi-FI,fi;q=0.9,en;q=0.8").GetAsync("/slack/install"));

        Assert.Contains("<html lang=\"fi\">", page.Html);
        Assert.Equal("Lisää GrowthBot Slackiin Asenna GrowthBot Slack-työtilaasi. Slack näyttää, mitä sovellus saa tehdä, ja pyytää sinulta luvan. " +
            "Linkki on voimassa 10 minuuttia ja vain tässä selaimessa.", page.Text);
        Assert.Contains("alt=\"Lisää Slackiin\"", page.Html);
    }

    [Fact]
    public async Task A_russian_browser_that_cancels_on_slacks_page_is_told_so_in_russian()
    {
        var (slack, _) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        var browser = BrowserReading(app, "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7");
        var (authorize, _) = await OpenInstallPage(browser);

        var page = await InstallPage.From(await browser.GetAsync($"/slack/oauth_redirect?error=access_denied&state={State(authorize)}"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"ru\">", page.Html);
        Assert.Equal("Установка отменена", page.Title);
        Assert.Equal("Установка отменена Вы не дали приложению GrowthBot доступ к своему рабочему пространству, поэтому ничего не установлено. " +
            "Начать заново можно в любое время. Начать установку заново", page.Text);
        Assert.Contains("/slack/install", page.Links);
    }

    [Fact]
    public async Task A_swedish_installer_ends_on_a_swedish_page_with_the_workspace_in_bold()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        app.Http.DefaultRequestHeaders.Add("Accept-Language", "sv-SE");

        var page = await app.Install(acme, Installer);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"sv\">", page.Html);
        Assert.Equal("GrowthBot är installerad", page.Title);
        Assert.Contains("<p>GrowthBot är nu installerad i <strong>Acme Corp</strong>.</p>", page.Html);
        Assert.Contains("/invite @GrowthBot", page.Text);
        Assert.Contains("/growth settings", page.Text);
        Assert.Contains("Öppna GrowthBot i Slack", page.Text);
    }

    [Fact]
    public async Task A_redirect_from_another_browser_or_with_another_state_installs_nothing()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        var (authorize, _) = await OpenInstallPage(app.Http);
        var code = slack.Authorize(acme, Installer, "commands");

        var otherBrowser = await InstallPage.From(await app.NewBrowser().GetAsync($"/slack/oauth_redirect?code={code}&state={State(authorize)}"));
        _ = await OpenInstallPage(app.Http);
        var crossed = await InstallPage.From(await app.Http.GetAsync($"/slack/oauth_redirect?code={code}&state={State(authorize)}"));
        var forgedCookie = app.NewBrowser(keepCookies: false);
        forgedCookie.DefaultRequestHeaders.Add("Cookie", $"{OAuthState.CookieName}=not-ours");
        var forged = await InstallPage.From(await forgedCookie.GetAsync($"/slack/oauth_redirect?code={code}&state={State(authorize)}"));

        foreach (var page in new[] { otherBrowser, crossed, forged })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal("This installation link is no longer valid", page.Title);
            Assert.Contains("Nothing was installed", page.Text);
        }
        Assert.Contains("another browser", otherBrowser.Text);
        Assert.Empty(slack.CallsTo("oauth.v2.access"));
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_installations"));
    }

    [Fact]
    public async Task A_state_is_good_for_ten_minutes_and_one_use()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);

        var (late, _) = await OpenInstallPage(app.Http);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var expired = await InstallPage.From(await app.Http.GetAsync($"/slack/oauth_redirect?code={slack.Authorize(acme, Installer, "commands")}&state={State(late)}"));

        // A browser that keeps the cookie it was given and sends it twice, as a replay would.
        var replayer = app.NewBrowser(keepCookies: false);
        var (authorize, setCookie) = await OpenInstallPage(replayer);
        replayer.DefaultRequestHeaders.Add("Cookie", setCookie.Split(';')[0]);
        var first = await InstallPage.From(await replayer.GetAsync($"/slack/oauth_redirect?code={slack.Authorize(acme, Installer, "commands")}&state={State(authorize)}"));
        var replay = await InstallPage.From(await replayer.GetAsync($"/slack/oauth_redirect?code={slack.Authorize(acme, Installer, "commands")}&state={State(authorize)}"));

        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        Assert.Contains("more than 10 minutes ago", expired.Text);
        Assert.Equal("GrowthBot is installed", first.Title);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("already used", replay.Text);
        Assert.Single(slack.CallsTo("oauth.v2.access"));
    }

    [Theory]
    [InlineData("invalid_code", HttpStatusCode.BadRequest, "Please start again")]
    [InlineData("bad_client_secret", HttpStatusCode.BadGateway, "Slack__ClientSecret")]
    [InlineData("invalid_team_for_non_distributed_app", HttpStatusCode.BadGateway, "Manage Distribution")]
    public async Task Slack_refusing_the_code_is_a_page_saying_what_to_do(string error, HttpStatusCode status, string todo)
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        slack.Script("oauth.v2.access", FakeResponse.Fail(error));

        var page = await app.Install(acme, Installer);

        Assert.Equal(status, page.Status);
        Assert.Contains(todo, page.Text);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM slack_installations"));
    }

    [Fact]
    public async Task Slack_down_during_the_exchange_is_a_page_asking_to_try_again()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        slack.Script("oauth.v2.access", FakeResponse.Http(503), FakeResponse.Http(503), FakeResponse.Http(503), FakeResponse.Http(503));

        var page = await app.Install(acme, Installer);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal("Slack did not answer", page.Title);
        Assert.Contains("start again in a minute", page.Text);
    }

    [Fact]
    public async Task With_a_bot_token_the_install_pages_say_this_bot_serves_one_workspace()
    {
        await using var app = await GrowthBotApp.Start();

        var install = await app.Http.GetAsync("/slack/install");
        var redirect = await InstallPage.From(await app.Http.GetAsync("/slack/oauth_redirect?code=x&state=y"));

        Assert.Equal(HttpStatusCode.NotFound, install.StatusCode);
        Assert.False(install.Headers.Contains("Set-Cookie"));
        Assert.Contains("serves one Slack workspace", (await InstallPage.From(install)).Text);
        Assert.Equal(HttpStatusCode.NotFound, redirect.Status);
        Assert.Empty(app.Slack.CallsTo("oauth.v2.access"));
        // Nothing to encrypt, so no Data Protection key was made (nor its "stored unencrypted" warning logged).
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM data_protection_keys"));
    }

    [Fact]
    public async Task An_uninstalled_workspace_is_forgotten_and_gets_no_more_scheduled_posts()
    {
        var slack = await FakeSlack.Start();
        var acme = slack.AddWorkspace("T0ACME", "Acme Corp");
        var globex = slack.AddWorkspace("T0GLOBEX", "Globex");
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        await app.Install(acme, Installer);
        await app.Install(globex, Installer);
        var settings = app.Service<TeamSettingsService>();
        Assert.Equal(["T0ACME", "T0GLOBEX"], await settings.Teams(CancellationToken.None));

        slack.Revoke(acme);
        await app.Event(new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1763460000.000100" }, team: "T0ACME");
        await app.Idle();

        Assert.Equal(["T0GLOBEX"], await settings.Teams(CancellationToken.None));
        Assert.Null(await app.Service<SlackInstallations>().Find("T0ACME", CancellationToken.None));
        await using var db = await app.Db();
        Assert.Equal(["T0GLOBEX"], await db.QueryAsync<string>("SELECT team_id FROM slack_installations"));
        slack.Clear();
        await app.Service<ScheduledPosts>().Run(Schedule.CatchUp, CancellationToken.None);
        Assert.DoesNotContain(slack.Calls, c => c.Token == acme.BotToken);
    }

    [Fact]
    public async Task A_revoked_bot_token_removes_the_installation_and_a_revoked_user_token_does_not()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        await app.Install(acme, Installer);
        JsonObject Revoked(string kind, string user) => new() { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { [kind] = new JsonArray(user) }, ["event_ts"] = "1763460000.000200" };

        await app.Event(Revoked("oauth", Installer), team: "T0ACME");
        await app.Idle();
        Assert.NotNull(await app.Service<SlackInstallations>().Find("T0ACME", CancellationToken.None));

        await app.Event(Revoked("bot", acme.BotUserId), team: "T0ACME");
        await app.Idle();
        Assert.Null(await app.Service<SlackInstallations>().Find("T0ACME", CancellationToken.None));
    }

    [Fact]
    public async Task Health_with_many_workspaces_checks_that_slack_answers_and_counts_the_installed_workspaces()
    {
        var (slack, acme) = await OneWorkspace();
        await using var app = await GrowthBotApp.StartForManyWorkspaces(slack);
        await app.Install(acme, Installer);

        var response = await app.Http.GetAsync("/health");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body["checks"]!["slack"]!["status"]!.GetValue<string>());
        Assert.Equal(1, body["checks"]!["slack"]!["workspaces"]!.GetValue<int>());
        Assert.NotEmpty(slack.CallsTo("api.test"));
        // auth.test was only asked about the freshly installed token, never with some token of its own at startup.
        Assert.All(slack.CallsTo("auth.test"), c => Assert.Equal(acme.BotToken, c.Token));
    }
}
