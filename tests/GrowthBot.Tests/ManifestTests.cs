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

    private static IReadOnlyList<string> Strings(YamlNode node, params string[] path)
    {
        foreach (var key in path) node = ((YamlMappingNode)node)[key];
        return ((YamlSequenceNode)node).Select(n => ((YamlScalarNode)n).Value!).ToList();
    }

    private static IReadOnlyList<string> ManifestCommands()
    {
        var commands = (YamlSequenceNode)((YamlMappingNode)Manifest()["features"])["slash_commands"];
        return commands.Select(c => ((YamlScalarNode)((YamlMappingNode)c)["command"]).Value!).ToList();
    }

    [Fact]
    public void The_install_link_asks_for_exactly_the_manifests_bot_scopes()
    {
        Assert.Equal(Strings(Manifest(), "oauth_config", "scopes", "bot"), GrowthBot.Features.SlackApp.BotScopes);
    }

    [Fact]
    public async Task The_manifest_names_the_oauth_redirect_and_subscribes_to_the_events_that_end_an_installation()
    {
        await using var app = await GrowthBotApp.Start();
        var registry = app.Service<SlackHandlerRegistry>();

        var redirect = Assert.Single(Strings(Manifest(), "oauth_config", "redirect_urls"));
        Assert.EndsWith("/slack/oauth_redirect", redirect);
        var events = Strings(Manifest(), "settings", "event_subscriptions", "bot_events");
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
        Assert.Equal(["/experiment", "/growth", "/learning", "/okr", "/task"], declared);
    }
}
