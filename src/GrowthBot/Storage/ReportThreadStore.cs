using Dapper;

namespace GrowthBot.Storage;

/// <summary>A weekly report whose thread asks sales about lead quality.</summary>
public sealed record ReportThread(string TeamId, string Channel, string ThreadTs, string Week, IReadOnlyList<long> ExperimentIds);

/// <summary>Remembers report threads, so sales' replies in them become feedback on the right experiments.</summary>
public sealed class ReportThreadStore(Database database)
{
    public async Task Add(ReportThread thread, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO report_threads (team_id, channel, thread_ts, week, experiment_ids, created_at)
            VALUES (@TeamId, @Channel, @ThreadTs, @Week, @Ids, @now)
            ON CONFLICT (team_id, thread_ts) DO UPDATE SET experiment_ids = excluded.experiment_ids
            """, new { thread.TeamId, thread.Channel, thread.ThreadTs, thread.Week, Ids = string.Join(",", thread.ExperimentIds), now });
    }

    public async Task<ReportThread?> Find(string teamId, string threadTs, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Channel, string Week, string ExperimentIds)?>(
            "SELECT channel, week, experiment_ids FROM report_threads WHERE team_id = @teamId AND thread_ts = @threadTs", new { teamId, threadTs });
        return row is { } r
            ? new ReportThread(teamId, r.Channel, threadTs, r.Week, r.ExperimentIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList())
            : null;
    }
}
