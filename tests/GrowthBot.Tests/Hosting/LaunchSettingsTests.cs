using System.Text.Json.Nodes;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Hosting;

[NoDatabase]
public class LaunchSettingsTests
{
    /// <summary>
    /// <c>dotnet run</c> turns a launch profile's applicationUrl into ASPNETCORE_URLS, silently replacing the one the
    /// person set; without it the app listens where ASPNETCORE_URLS says (default http://localhost:5000).
    /// </summary>
    [Fact]
    public void The_launch_profile_leaves_the_listening_address_to_ASPNETCORE_URLS()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrowthBot.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "src", "GrowthBot", "Properties", "launchSettings.json")))!;

        var profiles = settings["profiles"]!.AsObject();
        Assert.NotEmpty(profiles);
        foreach (var (name, profile) in profiles)
        {
            Assert.True(profile!["applicationUrl"] is null, $"profile {name} sets applicationUrl");
            var environment = profile["environmentVariables"]?.AsObject().Select(e => e.Key) ?? [];
            Assert.DoesNotContain(environment, key => key is "ASPNETCORE_URLS" or "URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS");
        }
    }
}
