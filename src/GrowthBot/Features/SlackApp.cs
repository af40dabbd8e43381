using GrowthBot.Features.Installs;
using GrowthBot.Slack.OAuth;

namespace GrowthBot.Features;

/// <summary>What the app asks of a workspace that installs it. ManifestTests keeps these scopes equal to manifest.yml's.</summary>
public static class SlackApp
{
    public const string Name = "GrowthBot";

    /// <summary>The bot scopes, in manifest.yml's order; why each is needed is written there.</summary>
    public static readonly IReadOnlyList<string> BotScopes =
    [
        "commands",
        "chat:write",
        "chat:write.public",
        "im:write",
        "im:history",
        "channels:history",
        "groups:history",
        "users:read",
        "usergroups:read",
        "files:write",
        "app_mentions:read",
    ];

    /// <summary>The "Add to Slack" pages, in the language the installer's browser asks for (<c>Resources/Install.resx</c>).</summary>
    public static readonly SlackInstallPage InstallPage = new(Name, BotScopes, new InstallLanguages());
}
