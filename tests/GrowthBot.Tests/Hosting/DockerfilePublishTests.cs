using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Hosting;

/// <summary>
/// Docker cannot run here, so CI exercises the Dockerfile's own publish command instead: the exact
/// <c>RUN dotnet publish …</c> line, into a temporary folder, and then starts what it produced.
/// </summary>
[NoDatabase]
public class DockerfilePublishTests
{
    [Fact]
    public async Task The_Dockerfile_publish_command_produces_an_app_that_starts_and_names_its_missing_configuration()
    {
        var root = RepositoryRoot();
        var run = File.ReadLines(Path.Combine(root, "Dockerfile")).Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var output = Path.Combine(Path.GetTempPath(), "growthbot-publish", Guid.NewGuid().ToString("N"));
        // Docker (BuildKit) fills in TARGETARCH with the image's architecture; here it is this machine's.
        var arguments = run["RUN dotnet ".Length..]
            .Replace("-o /app/publish", $"-o {output}", StringComparison.Ordinal)
            .Replace("$TARGETARCH", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains(output, arguments);

        try
        {
            var publish = await Run("dotnet", arguments, root, TimeSpan.FromMinutes(5));
            Assert.True(publish.ExitCode == 0, publish.Output);
            Assert.True(File.Exists(Path.Combine(output, "GrowthBot.dll")));
            Assert.True(File.Exists(Path.Combine(output, "appsettings.json")));
            Assert.All(NativeLibraries(output), file => Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is named in GrowthBot.deps.json but not published"));

            var start = await Run("dotnet", "GrowthBot.dll", output, TimeSpan.FromMinutes(1));
            Assert.Equal(1, start.ExitCode);
            Assert.Contains("Slack__BotToken is not set", start.Output);
        }
        finally
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The native libraries (SQLite's, SkiaSharp's for charts) the published app will load on this platform, as its
    /// deps.json names them: a missing one only shows when the first query or chart fails in the container.
    /// </summary>
    private static List<string> NativeLibraries(string output)
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "GrowthBot.deps.json")));
        var rid = RuntimeInformation.RuntimeIdentifier;
        // A publish for one platform copies its native files next to the app, under their file names.
        var files = deps.RootElement.GetProperty("targets").EnumerateObject()
            .Where(target => target.Name.EndsWith("/" + rid, StringComparison.Ordinal))
            .SelectMany(target => target.Value.EnumerateObject())
            .Where(library => library.Value.TryGetProperty("native", out _))
            .SelectMany(library => library.Value.GetProperty("native").EnumerateObject().Select(n => Path.GetFileName(n.Name)))
            .ToList();
        Assert.NotEmpty(files);
        return files;
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
