using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack;

namespace GrowthBot.Hosting;

/// <summary>
/// Configuration that must be right before the bot can serve anyone. Each problem is one line naming the
/// key and where its value comes from; nothing secret is printed.
/// </summary>
public static class StartupChecks
{
    public static IReadOnlyList<string> Problems(SlackOptions slack, GrowthBotOptions growth)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(slack.BotToken))
            problems.Add("Slack__BotToken is not set: copy the Bot User OAuth Token (xoxb-…) from your app's \"OAuth & Permissions\" page at https://api.slack.com/apps.");
        else if (!slack.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
            problems.Add("Slack__BotToken does not look like a bot token: it should start with xoxb- (\"OAuth & Permissions\" page at https://api.slack.com/apps).");

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
