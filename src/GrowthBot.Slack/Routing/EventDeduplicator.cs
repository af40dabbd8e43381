using System.Collections.Concurrent;

namespace GrowthBot.Slack.Routing;

/// <summary>
/// Remembers event ids so Slack's retries (up to three, the last ~5 minutes after the first) are handled once.
/// </summary>
public interface IEventDeduplicator
{
    /// <summary>True the first time an event id is seen; false for a retry of it.</summary>
    ValueTask<bool> FirstDelivery(string teamId, string eventId, CancellationToken cancellationToken);
}

/// <summary>In-memory, for a single process; entries are kept 15 minutes.</summary>
public sealed class InMemoryEventDeduplicator(TimeProvider time) : IEventDeduplicator
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public ValueTask<bool> FirstDelivery(string teamId, string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(1);
            foreach (var (key, seenAt) in _seen)
                if (now - seenAt > Keep) _seen.TryRemove(key, out _);
        }
        return ValueTask.FromResult(_seen.TryAdd($"{teamId}/{eventId}", now));
    }
}
