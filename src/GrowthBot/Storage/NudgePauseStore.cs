using Dapper;

namespace GrowthBot.Storage;

/// <summary>People's <c>/growth pause</c>: no nudges or check-in DMs before the date.</summary>
public sealed class NudgePauseStore(Database database)
{
    public async Task Pause(string teamId, string userId, DateOnly until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO nudge_pauses (team_id, user_id, until_date, created_at) VALUES (@teamId, @userId, @until, @now)
            ON CONFLICT (team_id, user_id) DO UPDATE SET until_date = excluded.until_date, created_at = excluded.created_at
            """, new { teamId, userId, until, now });
    }

    /// <summary>Ends a pause; false when there was none.</summary>
    public async Task<bool> Resume(string teamId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM nudge_pauses WHERE team_id = @teamId AND user_id = @userId", new { teamId, userId }) > 0;
    }

    /// <summary>The date this person's pause lasts until, or null when they have none.</summary>
    public async Task<DateOnly?> Until(string teamId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateOnly?>(
            "SELECT until_date FROM nudge_pauses WHERE team_id = @teamId AND user_id = @userId", new { teamId, userId });
    }

    public async Task<IReadOnlyDictionary<string, DateOnly>> All(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, DateOnly UntilDate)>("SELECT user_id, until_date FROM nudge_pauses WHERE team_id = @teamId", new { teamId });
        return rows.ToDictionary(r => r.UserId, r => r.UntilDate);
    }
}
