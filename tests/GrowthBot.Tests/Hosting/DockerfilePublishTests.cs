using System.Diagnostics;

namespace GrowthBot.Tests.Hosting;

/// <summary>
/// Docker cannot run here, so CI exercises the Dockerfile's own publish command instead: the exact
/// <c>RUN dotnet publish …</c> line, into a temporary folder, and then starts what it produced.
/// </summary>
public class DockerfilePublishTests
{
    [Fact]
    public async Task The_Dockerfile_publish_command_produces_an_app_that_starts_and_names_its_missing_configuration()
    {
        var root = RepositoryRoot();
        var run = File.ReadLines(Path.Combine(root, "Dockerfile")).Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var output = Path.Combine(Path.GetTempPath(), "growthbot-publish", Guid.NewGuid().ToString("N"));
        var arguments = run["RUN dotnet ".Length..].Replace("-o /app/publish", $"-o {output}", StringComparison.Ordinal);
        Assert.Contains(output, arguments);

        try
        {
            var publish = await Run("dotnet", arguments, root, TimeSpan.FromMinutes(5));
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.True(File.Exists(Path.Combine(output, "GrowthBot.dll")));
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));

            var start = await Run("dotnet", "GrowthBot.dll", output, TimeSpan.FromMinutes(1));
            Assert.Equal(1, start.ExitCode);
            Assert.Contains("Slack__BotToken is not set", start.Output);
        }
        finally
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The published app must be judged on its own configuration, not on whatever the test run has set.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Slack__", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dockerfile"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("No Dockerfile above " + AppContext.BaseDirectory);
    }
}
