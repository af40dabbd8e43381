namespace GrowthBot.Slack.SocketMode;

/// <summary>
/// How long to wait before the next connection attempt: exponential from a base delay, capped, with jitter so
/// several instances knocked off together do not reconnect in lockstep. Reset after a successful hello.
/// <paramref name="random"/> gives the jitter in [0, 1): <c>Random.Shared.NextDouble</c> in the app, fixed in tests.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    /// <summary>Failed attempts since the last successful hello.</summary>
    public int Failures { get; private set; }

    /// <summary>Records a failure and returns the wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        Failures++;
        return Delay(Failures, baseDelay, maxDelay, random());
    }

    public void Reset() => Failures = 0;

    /// <summary>
    /// The wait after <paramref name="failures"/> consecutive failures: half of the capped exponential step,
    /// plus a random part of the other half (<paramref name="jitter"/> in [0, 1)).
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        if (failures <= 0) return TimeSpan.Zero;
        // 2^30 × any sensible base already exceeds every cap; clamping the exponent avoids overflow.
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30));
        var step = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(step / 2 + step / 2 * Math.Clamp(jitter, 0, 1));
    }
}
