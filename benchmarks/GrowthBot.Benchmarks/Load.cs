using System.Diagnostics;

namespace GrowthBot.Benchmarks;

/// <summary>Latency samples of one run, in milliseconds, with nearest-rank percentiles over the sorted samples.</summary>
public sealed class LatencyResult
{
    private readonly double[] _sorted;

    public LatencyResult(IEnumerable<double> samplesMs, TimeSpan elapsed, int failures, string? firstFailure)
    {
        _sorted = samplesMs.Order().ToArray();
        Elapsed = elapsed;
        Failures = failures;
        FirstFailure = firstFailure;
    }

    public int Count => _sorted.Length;
    public TimeSpan Elapsed { get; }
    public int Failures { get; }
    public string? FirstFailure { get; }
    public double Throughput => Count / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (_sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send a request, wait for the whole answer, and
/// send the next, until <c>requests</c> have been measured. Warm-up requests come first and are not counted.
/// </summary>
public static class Load
{
    /// <summary>
    /// <paramref name="send"/> gets the request's sequence number and returns null when the answer was right, or
    /// why it was wrong. Its duration, measured with <see cref="Stopwatch"/> timestamps, is one sample.
    /// </summary>
    public static async Task<LatencyResult> Run(int concurrency, int warmup, int requests, Func<int, Task<string?>> send, TimeSpan? maxDuration = null)
    {
        var next = -1;
        await Workers(concurrency, async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < warmup) await send(i);
        });

        var samples = new double[requests];
        // A slot claimed after the deadline stays NaN and is left out.
        Array.Fill(samples, double.NaN);
        var measured = -1;
        var failures = 0;
        string? firstFailure = null;
        var deadline = Stopwatch.GetTimestamp() + (long)((maxDuration ?? TimeSpan.FromSeconds(15)).TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Workers(concurrency, async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref measured)) < requests && Stopwatch.GetTimestamp() < deadline)
            {
                var before = Stopwatch.GetTimestamp();
                var failure = await send(warmup + i);
                samples[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                if (failure is null) continue;
                Interlocked.Increment(ref failures);
                Interlocked.CompareExchange(ref firstFailure, failure, null);
            }
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LatencyResult(samples.Where(s => !double.IsNaN(s)), elapsed, failures, firstFailure);
    }

    private static Task Workers(int count, Func<Task> worker) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(worker)));
}
