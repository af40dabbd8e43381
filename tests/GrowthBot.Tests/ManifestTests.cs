using GrowthBot.Slack.Routing;
using GrowthBot.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace GrowthBot.Tests;

public class ManifestTests
{
    private static IReadOnlyList<string> ManifestCommands()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "manifest.yml"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(dir!.FullName, "manifest.yml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var commands = (YamlSequenceNode)((YamlMappingNode)root["features"])["slash_commands"];
        return commands.Select(c => ((YamlScalarNode)((YamlMappingNode)c)["command"]).Value!).ToList();
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
