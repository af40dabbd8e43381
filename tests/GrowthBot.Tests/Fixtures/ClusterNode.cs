using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// One GrowthBot instance of a cluster test, run as a child process of the test run
/// (<c>dotnet GrowthBot.Tests.dll cluster-node …</c>) so that killing it is a real SIGKILL: the real app with its
/// scheduler on, against a shared database and the fake Slack, on a clock set to the test's "now" and running at real
/// speed (the same for every node, so they agree on the day and the week).
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    public const string Command = "cluster-node";
    private const string Ready = "READY ";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<JsonNode> _health = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterNode(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The name its Slack calls carry (<see cref="SlackCall.Caller"/>).</summary>
    public string Name { get; }

    /// <summary>Its /health once it had started.</summary>
    public Task<JsonNode> Health => _health.Task;

    public string RecentOutput => string.Join("\n", _output);

    /// <summary>A clock reading <paramref name="now"/> at this moment and running on in real time, as every node's is.</summary>
    public static NodeClock Clock(DateTimeOffset now) => new(now, DateTimeOffset.UtcNow);

    /// <summary>Starts a node with <paramref name="configuration"/> (keys as in appsettings, e.g. <c>GrowthBot:Schedule:CatchUp</c>).</summary>
    public static ClusterNode Start(string name, NodeClock clock, IReadOnlyDictionary<string, string?> configuration)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ClusterNode).Assembly.Location);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(clock.Now.ToString("O", CultureInfo.InvariantCulture));
        start.ArgumentList.Add(clock.RealAnchor.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (key, value) in configuration) start.ArgumentList.Add($"{key}={value}");
        return new ClusterNode(name, Process.Start(start) ?? throw new InvalidOperationException("Could not start a cluster node"));
    }

    /// <summary>Waits until the node has started and answered /health.</summary>
    public async Task WaitStarted(TimeSpan timeout)
    {
        try
        {
            await Health.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Cluster node {Name} did not start:\n{RecentOutput}");
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, its connections and claims left as they were.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Closing its input is the node's signal to stop as a deployment would (the scheduler shuts down).
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                await Kill();
            }
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        if (line.StartsWith(Ready, StringComparison.Ordinal) && JsonNode.Parse(line[Ready.Length..]) is { } health) _health.TrySetResult(health);
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>
    /// The child's entry point: starts the app, prints <c>READY {health}</c>, and serves until its standard input closes
    /// (the test is done, or died).
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var now, var realAnchor, .. var settings])
        {
            await Console.Error.WriteLineAsync($"usage: {Command} <now> <real anchor> Key=Value…  (started by cluster tests)");
            return 2;
        }
        var clock = new NodeClock(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), DateTimeOffset.Parse(realAnchor, CultureInfo.InvariantCulture));
        var configuration = settings.Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        await using var factory = GrowthBotApp.Factory(configuration, clock);
        using var http = factory.CreateClient();
        using var health = await http.GetAsync("/health");
        Console.WriteLine(Ready + await health.Content.ReadAsStringAsync());
        await Console.In.ReadToEndAsync();
        return 0;
    }
}

/// <summary>Reads <see cref="Now"/> at <see cref="RealAnchor"/> (real UTC) and runs on from there in real time.</summary>
public sealed class NodeClock(DateTimeOffset now, DateTimeOffset realAnchor) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;
    public DateTimeOffset RealAnchor { get; } = realAnchor;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + (Now - RealAnchor);
}
