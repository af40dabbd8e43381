using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace GrowthBot.Tests;

public class ManifestTests
{
    private static YamlMappingNode Manifest()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "manifest.yml"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(dir!.FullName, "manifest.yml"))) yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) => path.Aggregate(node, (n, key) => ((YamlMappingNode)n)[key]);

    private static IReadOnlyList<string> Values(YamlNode sequence) => ((YamlSequenceNode)sequence).Select(n => ((YamlScalarNode)n).Value!).ToList();

    private static IReadOnlyList<string> ManifestCommands() =>
        ((YamlSequenceNode)At(Manifest(), "features", "slash_commands")).Select(c => ((YamlScalarNode)((YamlMappingNode)c)["command"]).Value!).ToList();

    [Fact]
    public async Task The_manifest_subscribes_to_every_event_the_bot_handles_with_the_scopes_and_urls_they_need()
    {
        await using var app = await GrowthBotApp.Start();
        var registry = app.Service<SlackHandlerRegistry>();
        var manifest = Manifest();
        var events = Values(At(manifest, "settings", "event_subscriptions", "bot_events"));
        var scopes = Values(At(manifest, "oauth_config", "scopes", "bot"));

        // "message" arrives as message.im (DMs to the bot, answered with help) and message.channels / .groups (the report thread).
        foreach (var type in registry.EventTypes)
            Assert.Contains(events, e => e == type || e.StartsWith(type + ".", StringComparison.Ordinal));
        Assert.Contains("app_mention", events);
        Assert.Contains("message.im", events);
        Assert.Contains("app_mentions:read", scopes);
        Assert.Contains("im:history", scopes);
        Assert.Contains("users:read", scopes);      // users.info (zones) and users.list (admins as leads)
        Assert.Contains("usergroups:read", scopes); // usergroups.list for the settings form
        Assert.NotEmpty(registry.OptionsProviders);
        Assert.EndsWith("/slack/options", ((YamlScalarNode)At(manifest, "settings", "interactivity", "message_menu_options_url")).Value);
    }

    [Fact]
    public void The_install_link_asks_for_exactly_the_manifests_bot_scopes()
    {
        Assert.Equal(Values(At(Manifest(), "oauth_config", "scopes", "bot")), GrowthBot.Features.SlackApp.BotScopes);
    }

    [Fact]
    public async Task The_manifest_names_the_oauth_redirect_and_subscribes_to_the_events_that_end_an_installation()
    {
        await using var app = await GrowthBotApp.Start();
        var registry = app.Service<SlackHandlerRegistry>();

        var redirect = Assert.Single(Values(At(Manifest(), "oauth_config", "redirect_urls")));
        Assert.EndsWith("/slack/oauth_redirect", redirect);
        var events = Values(At(Manifest(), "settings", "event_subscriptions", "bot_events"));
        foreach (var ending in new[] { "app_uninstalled", "tokens_revoked" })
        {
            Assert.Contains(ending, events);
            Assert.NotEmpty(registry.Events(ending));
        }
    }

    [Fact]
    public async Task The_manifest_declares_exactly_the_slash_commands_the_bot_answers()
    {
        await using var app = await GrowthBotApp.Start();
        var registered = app.Service<SlackHandlerRegistry>().Commands.Order(StringComparer.Ordinal).ToList();
        var declared = ManifestCommands().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(declared, registered);
        Assert.Equal(["/experiment", "/growth", "/icp", "/kpi", "/learning", "/okr", "/task"], declared);
    }
}
