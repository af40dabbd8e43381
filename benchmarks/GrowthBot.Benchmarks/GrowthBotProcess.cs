using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrowthBot.Benchmarks;

/// <summary>
/// The real, built GrowthBot started as a child process (<c>dotnet GrowthBot.dll --urls http://127.0.0.1:PORT</c>)
/// against a given Slack API URL and database (a SQLite file or PostgreSQL, by connection string): what a deployment
/// runs, with nothing in-process to flatter it. Shared by the benchmark and the durability tests (linked into the
/// test project).
/// </summary>
public sealed class GrowthBotProcess : IAsyncDisposable
{
    public const string BotToken = "xoxb-benchmark-token";
    public const string SigningSecret = "bench-signing-secret-0123456789ab";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GrowthBotProcess(Process process, int port, long startedAt)
    {
        _process = process;
        Port = port;
        StartedAt = startedAt;
        BaseUrl = $"http://127.0.0.1:{port}";
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }
    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>The last lines the app wrote (stdout and stderr), for diagnosing a failure.</summary>
    public string RecentOutput => string.Join("\n", _output);

    /// <summary>Starts the app; <paramref name="environment"/> adds or overrides settings (use <c>__</c> for <c>:</c>).</summary>
    public static GrowthBotProcess Start(string slackApiBaseUrl, string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = LocateAppDll();
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Slack__BotToken"] = BotToken;
        start.Environment["Slack__SigningSecret"] = SigningSecret;
        start.Environment["Slack__ApiBaseUrl"] = slackApiBaseUrl;
        start.Environment["ConnectionStrings__GrowthBot"] = connectionString;
        start.Environment["GrowthBot__TimeZone"] = "UTC";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}");
        return new GrowthBotProcess(process, port, startedAt);
    }

    /// <summary>Polls <c>GET /health</c> until it answers 200; returns the time from process start.</summary>
    public async Task<TimeSpan> WaitHealthy(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * (long)(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"GrowthBot exited with {_process.ExitCode}:\n{RecentOutput}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(StartedAt);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow; try again.
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"GrowthBot did not become healthy:\n{RecentOutput}");
    }

    /// <summary>Resident memory of the process in bytes (VmRSS in /proc/&lt;pid&gt;/status), or null off Linux.</summary>
    public long? ResidentBytes() => ResidentBytes(_process.Id);

    /// <summary>Resident memory of any process in bytes (VmRSS in /proc/&lt;pid&gt;/status), or null off Linux.</summary>
    public static long? ResidentBytes(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return null;
        foreach (var line in File.ReadLines(status))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
            return long.Parse(kb) * 1024;
        }
        return null;
    }

    /// <summary>
    /// Where a process's resident memory is (/proc/&lt;pid&gt;/status: anonymous, i.e. the managed heap and native allocations
    /// such as SQLite's page caches, versus mapped files and shared memory), for the benchmark's log.
    /// </summary>
    public static string MemoryStatus(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status)) return "n/a";
        return string.Join(", ", File.ReadLines(status)
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal) || l.StartsWith("RssAnon:", StringComparison.Ordinal)
                || l.StartsWith("RssFile:", StringComparison.Ordinal) || l.StartsWith("RssShmem:", StringComparison.Ordinal) || l.StartsWith("Threads:", StringComparison.Ordinal))
            .Select(l => string.Join(" ", l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
            .Append($"open SQLite files {OpenDatabaseFiles(processId)}"));
    }

    /// <summary>How many handles the process holds on a <c>.db</c> file: one per open SQLite connection (pooled ones too).</summary>
    private static int OpenDatabaseFiles(int processId)
    {
        try
        {
            return new DirectoryInfo($"/proc/{processId}/fd").EnumerateFileSystemInfos()
                .Count(fd => fd.LinkTarget is { } target && target.EndsWith(".db", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what a crash or an OOM kill does.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the app to stop (SIGTERM) and waits for it.</summary>
    public async Task Stop(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await term.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }

    /// <summary>
    /// src/GrowthBot/bin/&lt;configuration&gt;/net10.0/GrowthBot.dll of this repository, in the configuration this
    /// code was built in (the project reference has built it).
    /// </summary>
    public static string LocateAppDll()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = baseDir.Name;
        var configuration = baseDir.Parent?.Name ?? "Debug";
        for (var dir = baseDir; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "GrowthBot.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "GrowthBot", "bin", configuration, framework, "GrowthBot.dll");
            if (File.Exists(dll)) return dll;
            throw new FileNotFoundException($"Build src/GrowthBot in {configuration} first", dll);
        }
        throw new DirectoryNotFoundException($"No GrowthBot.sln above {AppContext.BaseDirectory}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }
}
