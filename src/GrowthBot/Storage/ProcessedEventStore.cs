using Dapper;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Storage;

/// <summary>
/// Event ids already handled, kept in the database so that dedupe survives a restart: Slack retries an event it
/// did not see acknowledged, and a restart between the delivery and a retry must not handle it twice.
/// </summary>
public sealed class ProcessedEventStore(Database database, TimeProvider time) : IEventDeduplicator
{
    /// <summary>Slack's last retry comes minutes after the first delivery; a day leaves a wide margin.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private long _nextPruneTicks;

    public async ValueTask<bool> FirstDelivery(string teamId, string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.Open(cancellationToken);
        // The primary key makes this atomic: of two concurrent deliveries exactly one inserts.
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO processed_events (team_id, event_id, received_at) VALUES (@teamId, @eventId, @now) ON CONFLICT DO NOTHING",
            new { teamId, eventId, now }, cancellationToken: cancellationToken));

        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextPruneTicks, (now + PruneEvery).UtcTicks, due) == due)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM processed_events WHERE received_at < @cutoff", new { cutoff = now - Keep }, cancellationToken: cancellationToken));
        }
        return inserted == 1;
    }
}
