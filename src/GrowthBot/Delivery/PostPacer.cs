using System.Diagnostics;
using GrowthBot.Common;
using Microsoft.Extensions.Options;

namespace GrowthBot.Delivery;

/// <summary>
/// One queue for every scheduled post: at most one post per <see cref="DeliveryOptions.GlobalInterval"/>, and
/// per channel one per <see cref="DeliveryOptions.ChannelInterval"/> (Slack allows about one a second), so a
/// Monday of 50 nudges never turns into a storm of 429s. Pacing is about real seconds towards Slack, so it
/// measures with a monotonic stopwatch rather than the (possibly frozen) application clock.
/// </summary>
public sealed class PostPacer(IOptionsMonitor<GrowthBotOptions> options)
{
    private readonly SemaphoreSlim _queue = new(1, 1);
    private readonly Dictionary<string, TimeSpan> _lastByChannel = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _last;

    public async Task WaitTurn(string channel, CancellationToken cancellationToken)
    {
        await _queue.WaitAsync(cancellationToken);
        try
        {
            var pacing = options.CurrentValue.Delivery;
            var next = _last is { } last ? last + pacing.GlobalInterval : TimeSpan.Zero;
            if (_lastByChannel.TryGetValue(channel, out var lastHere) && lastHere + pacing.ChannelInterval > next) next = lastHere + pacing.ChannelInterval;
            var wait = next - _clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
            _last = _clock.Elapsed;
            _lastByChannel[channel] = _last.Value;
        }
        finally
        {
            _queue.Release();
        }
    }
}
