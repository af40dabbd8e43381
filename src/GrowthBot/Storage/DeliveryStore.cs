using Dapper;

namespace GrowthBot.Storage;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Retry,
    Failed,
}

/// <summary>One scheduled post, by its idempotency key.</summary>
public sealed record Delivery(string Key, string TeamId, string Job, string Recipient, DeliveryStatus Status, string? Channel, string? Ts,
    int Attempts, string? LastError, DateTimeOffset ClaimedAt, DateTimeOffset? SentAt);

/// <summary>What <see cref="DeliveryStore.Claim"/> decided.</summary>
public enum ClaimResult
{
    /// <summary>The caller owns the post now and must post, then mark it sent (or retry / failed).</summary>
    Claimed,
    AlreadySent,
    /// <summary>Another run claimed it moments ago and is posting.</summary>
    InProgress,
    /// <summary>Slack refused it for good recently; it is tried again after <see cref="DeliveryStore.FailedRetryAfter"/>.</summary>
    RecentlyFailed,
}

/// <summary>
/// The delivery log behind "never lost, never twice". A post is claimed in a write transaction before it is
/// sent, so two runs (a cron firing and the catch-up sweep, or two instances on one PostgreSQL) never both post it.
/// </summary>
public sealed class DeliveryStore(Database database)
{
    /// <summary>
    /// A pending claim older than this is taken to be from a run that crashed between claiming and recording the
    /// answer. It is claimed again, and ScheduledDelivery first looks in the conversation for a message carrying the
    /// key in its metadata: found, it is marked sent with that ts; not found, it is posted. Only when that look-up
    /// fails (missing scope, Slack down) can a post be made twice: we prefer that to losing the post.
    /// Slack answers in seconds, so ten minutes never catches a live post.
    /// </summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    /// <summary>A permanent refusal (bot not in channel) is retried hourly, so inviting the bot is enough.</summary>
    public static readonly TimeSpan FailedRetryAfter = TimeSpan.FromHours(1);

    private const string Columns = "key, team_id, job, recipient, status, channel, ts, attempts, last_error, claimed_at, sent_at";

    public async Task<(ClaimResult Result, Delivery? Existing)> Claim(string key, string teamId, string job, string recipient, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            // A unique insert: of any number of runs, in any number of instances, exactly one inserts the key.
            var inserted = await connection.ExecuteAsync("""
                INSERT INTO deliveries (key, team_id, job, recipient, status, attempts, claimed_at)
                VALUES (@key, @teamId, @job, @recipient, 'Pending', 1, @now)
                ON CONFLICT (key) DO NOTHING
                """, new { key, teamId, job, recipient, now }, transaction);
            if (inserted == 1) return (ClaimResult.Claimed, (Delivery?)null);

            // Known already: decide on the row while holding its lock, so two runs never both retake it.
            var existing = (await connection.QuerySingleAsync<DeliveryRow>(
                $"SELECT {Columns} FROM deliveries WHERE key = @key{database.Dialect.ForUpdate}", new { key }, transaction)).ToDelivery();
            var decision = existing.Status switch
            {
                DeliveryStatus.Sent => ClaimResult.AlreadySent,
                DeliveryStatus.Pending when now - existing.ClaimedAt < StaleClaim => ClaimResult.InProgress,
                DeliveryStatus.Failed when now - existing.ClaimedAt < FailedRetryAfter => ClaimResult.RecentlyFailed,
                _ => ClaimResult.Claimed,
            };
            if (decision == ClaimResult.Claimed)
                await connection.ExecuteAsync("UPDATE deliveries SET status = 'Pending', attempts = attempts + 1, claimed_at = @now WHERE key = @key",
                    new { key, now }, transaction);
            return (decision, existing);
        }, cancellationToken);

    public async Task MarkSent(string key, string channel, string ts, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("UPDATE deliveries SET status = 'Sent', channel = @channel, ts = @ts, sent_at = @now, last_error = NULL WHERE key = @key",
            new { key, channel, ts, now });
    }

    /// <summary>Gives the claim up: <see cref="DeliveryStatus.Retry"/> (transient) or <see cref="DeliveryStatus.Failed"/> (permanent).</summary>
    public async Task Release(string key, DeliveryStatus status, string error, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("UPDATE deliveries SET status = @status, last_error = @error WHERE key = @key", new { key, status = status.ToString(), error });
    }

    public async Task<Delivery?> Find(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<DeliveryRow>($"SELECT {Columns} FROM deliveries WHERE key = @key", new { key }))?.ToDelivery();
    }

    private sealed class DeliveryRow
    {
        public string Key { get; init; } = "";
        public string TeamId { get; init; } = "";
        public string Job { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Channel { get; init; }
        public string? Ts { get; init; }
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset ClaimedAt { get; init; }
        public DateTimeOffset? SentAt { get; init; }

        public Delivery ToDelivery() => new(Key, TeamId, Job, Recipient, Enum.Parse<DeliveryStatus>(Status), Channel, Ts, Attempts, LastError, ClaimedAt, SentAt);
    }
}
