using GrowthBot.Features.Growth;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
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
    public async Task Every_registered_slash_command_is_declared_in_the_manifest()
    {
        await using var app = await GrowthBotApp.Start();
        var registered = app.Service<SlackHandlerRegistry>().Commands.ToList();
        var declared = ManifestCommands();

        // Registered ⊆ declared. Once every area has landed this becomes equality (each declared command answered).
        Assert.Empty(registered.Except(declared, StringComparer.OrdinalIgnoreCase));
        foreach (var command in new[] { TaskCommand.Name, OkrCommand.Name, GrowthCommand.Name })
        {
            Assert.Contains(command, declared);
            Assert.Contains(command, registered, StringComparer.OrdinalIgnoreCase);
        }
    }
}
