using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack;

namespace GrowthBot.Hosting;

/// <summary>
/// Configuration that must be right before the bot can serve anyone. Each problem is one line naming the
/// key and where its value comes from; nothing secret is printed. The bot serves one workspace (a bot token) or
/// any workspace that installs it (a client id and secret, no bot token).
/// </summary>
public static class StartupChecks
{
    public static IReadOnlyList<string> Problems(SlackOptions slack, GrowthBotOptions growth)
    {
        var problems = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(slack.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(slack.ClientSecret);
        if (!string.IsNullOrWhiteSpace(slack.BotToken))
        {
            if (!slack.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
                problems.Add("Slack__BotToken does not look like a bot token: it should start with xoxb- (\"OAuth & Permissions\" page at https://api.slack.com/apps).");
        }
        else if (!hasId && !hasSecret)
            problems.Add("Slack__BotToken is not set: copy the Bot User OAuth Token (xoxb-…) from your app's \"OAuth & Permissions\" page at https://api.slack.com/apps, or, to let any workspace install the app, set Slack__ClientId and Slack__ClientSecret instead.");
        else if (!hasId)
            problems.Add("Slack__ClientId is not set: with Slack__ClientSecret and no Slack__BotToken, workspaces install the app through OAuth, which needs the Client ID from your app's \"Basic Information\" page at https://api.slack.com/apps.");
        else if (!hasSecret)
            problems.Add("Slack__ClientSecret is not set: with Slack__ClientId and no Slack__BotToken, workspaces install the app through OAuth, which needs the Client Secret from your app's \"Basic Information\" page at https://api.slack.com/apps.");

        if (!string.IsNullOrWhiteSpace(slack.RedirectUrl)
            && (!Uri.TryCreate(slack.RedirectUrl, UriKind.Absolute, out var redirect) || redirect.Scheme is not ("https" or "http")
                || !redirect.AbsolutePath.EndsWith("/slack/oauth_redirect", StringComparison.Ordinal)))
            problems.Add($"Slack__RedirectUrl must be the public address of this server's /slack/oauth_redirect, e.g. https://growthbot.example.com/slack/oauth_redirect, listed under \"OAuth & Permissions\" → \"Redirect URLs\"; it is '{slack.RedirectUrl}'.");

        if (slack.MultiWorkspace)
        {
            // Ids of one workspace mean nothing in another: each team chooses its own with /growth settings.
            if (!string.IsNullOrWhiteSpace(growth.ReportChannel))
                problems.Add("GrowthBot__ReportChannel names a channel of one workspace, but workspaces install the app through OAuth here: leave it empty, each team chooses its channel with /growth settings.");
            if (growth.GrowthLeadIds.Count > 0)
                problems.Add("GrowthBot__GrowthLeads names people of one workspace, but workspaces install the app through OAuth here: leave it empty, each workspace's admins and owners are its growth leads.");
        }

        if (slack.SocketMode)
        {
            if (!slack.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
                problems.Add("Slack__AppToken does not look like an app-level token: it should start with xapp- (\"Basic Information\" → \"App-Level Tokens\", scope connections:write).");
        }
        else if (string.IsNullOrWhiteSpace(slack.SigningSecret))
        {
            problems.Add("Slack__SigningSecret is not set: copy the Signing Secret from your app's \"Basic Information\" page at https://api.slack.com/apps (or set Slack__AppToken to use Socket Mode).");
        }

        if (!Uri.TryCreate(slack.ApiBaseUrl, UriKind.Absolute, out _))
            problems.Add($"Slack__ApiBaseUrl is not an absolute URL: '{slack.ApiBaseUrl}' (the default is https://slack.com/api/).");

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(growth.TimeZone, out _))
            problems.Add($"GrowthBot__TimeZone '{growth.TimeZone}' is not a known IANA time zone (for example Europe/Helsinki or America/New_York).");

        if (Language.Find(growth.Language) is null)
            problems.Add($"GrowthBot__Language '{growth.Language}' is not a language GrowthBot speaks: use one of {string.Join(", ", Language.All.Select(l => l.Code))}.");
        return problems;
    }
}
