using System.Diagnostics;
using System.Text;

namespace GrowthBot.Benchmarks;

/// <summary>
/// <c>--profile</c>: where the CPU of one flow goes. Runs <c>dotnet-trace collect</c> (the .NET tool, on the PATH or in
/// ~/.dotnet/tools) against a process while a load runs, then <c>dotnet-trace report … topN</c> on the trace: the
/// methods most often on top of a sampled stack (exclusive), and the GrowthBot methods most often anywhere on it
/// (inclusive). The sampler sees every managed thread, idle ones too; idle frames (waits, the thread pool's own
/// loop, socket polling) are left out of what is printed, so the fractions are of the samples doing work.
/// </summary>
public static partial class Profiler
{
    private static readonly string[] IdleFrames =
    [
        "WaitHandle", "LowLevelLifoSemaphore", "LowLevelMonitor", "Monitor.Wait", "Thread.Sleep", "SocketAsyncEngine.EventLoop",
        "WaitForSignal", "WaitOne", "PortableThreadPool", "ThreadPoolWorkQueue.Dispatch", "Thread.StartCallback", "Interop+Sys.WaitForSocketEvents",
        "UNMANAGED_CODE_TIME", "CPU_TIME", "Timer", "WorkerThread", "ThreadPoolWorker", "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait", "Task.SpinThenBlockingWait",
        "Task.InternalWaitCore", "Thread.Join", "Interop+Sys.Read", "LowLevelSpinWaiter", "Console", "StreamReader", "EventPipe", "DiagnosticServer", "Process",
    ];

    private static string? Tool()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new[] { Path.Combine(home, ".dotnet", "tools", "dotnet-trace") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "dotnet-trace")));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Traces <paramref name="pid"/> while <paramref name="load"/> runs; returns the top frames as text.</summary>
    public static async Task<string> Profile(string name, int pid, string directory, Func<CancellationToken, Task> load)
    {
        var tool = Tool() ?? throw new InvalidOperationException("--profile needs dotnet-trace: dotnet tool install --global dotnet-trace");
        var file = Path.Combine(directory, $"{string.Concat(name.Where(char.IsLetterOrDigit))}.nettrace");
        using var collect = Process.Start(new ProcessStartInfo(tool)
        {
            ArgumentList = { "collect", "-p", pid.ToString(), "--profile", "dotnet-sampled-thread-time", "-o", file, "--duration", "00:00:00:12" },
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        })!;
        _ = collect.StandardOutput.ReadToEndAsync();
        _ = collect.StandardError.ReadToEndAsync();
        // The session needs a moment to attach; then load until the trace's duration is up.
        await Task.Delay(1500);
        using var stop = new CancellationTokenSource();
        var loading = load(stop.Token);
        await collect.WaitForExitAsync();
        await stop.CancelAsync();
        try { await loading; } catch (OperationCanceledException) { }

        var exclusive = await Report(tool, file, inclusive: false);
        if (exclusive.Count == 0) return $"### {name}\n\n(no samples read from {file})\n";
        var inclusive = await Report(tool, file, inclusive: true);
        var total = Working(exclusive).Sum(f => f.Share);
        var text = new StringBuilder($"### {name}\n\nTop of stack (exclusive), share of working samples:\n\n");
        foreach (var line in Shares(exclusive, _ => true, total).Take(12)) text.AppendLine(line);
        text.AppendLine("\nGrowthBot and data-access methods on the stack (inclusive):\n");
        foreach (var line in Shares(inclusive, f => f.Contains("GrowthBot") || f.Contains("Dapper") || f.Contains("Sqlite") || f.Contains("Npgsql"), total).Take(14))
            text.AppendLine(line);
        return text.ToString();
    }

    private static async Task<List<(string Frame, double Share)>> Report(string tool, string file, bool inclusive)
    {
        var start = new ProcessStartInfo(tool)
        {
            ArgumentList = { "report", file, "topN", "-n", "300", "-v" },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (inclusive) start.ArgumentList.Add("--inclusive");
        using var report = Process.Start(start)!;
        var output = await report.StandardOutput.ReadToEndAsync();
        await report.WaitForExitAsync();
        await File.WriteAllTextAsync(file + (inclusive ? ".inclusive.txt" : ".exclusive.txt"), output);
        // Lines: "1. Frame name (parameters)   12.3%   4.5%": the method, then its inclusive and exclusive share of all samples.
        var frames = new List<(string, double)>();
        foreach (var line in output.Split('\n'))
        {
            var match = ReportLine().Match(line);
            if (!match.Success) continue;
            var share = double.Parse(match.Groups[inclusive ? "inclusive" : "exclusive"].Value, System.Globalization.CultureInfo.InvariantCulture);
            frames.Add((match.Groups["frame"].Value.Trim(), share));
        }
        return frames;
    }

    private static List<(string Frame, double Share)> Working(List<(string Frame, double Share)> frames) =>
        frames.Where(f => !IdleFrames.Any(idle => f.Frame.Contains(idle, StringComparison.Ordinal))).ToList();

    /// <summary>Each kept frame's time as a share of <paramref name="total"/>, the working samples' time.</summary>
    private static IEnumerable<string> Shares(List<(string Frame, double Share)> frames, Func<string, bool> keep, double total)
    {
        foreach (var (frame, share) in Working(frames).Where(f => keep(f.Frame)))
            yield return $"- {share / Math.Max(1, total):P1} {Shorten(frame)}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\d+\.\s(?<frame>.+?)\s+(?<inclusive>[\d.]+)%\s+(?<exclusive>[\d.]+)%\s*$")]
    private static partial System.Text.RegularExpressions.Regex ReportLine();

    private static string Shorten(string frame)
    {
        var paren = frame.IndexOf('(');
        var name = paren > 0 ? frame[..paren] : frame;
        return name.Length > 110 ? name[..110] + "…" : name;
    }
}
