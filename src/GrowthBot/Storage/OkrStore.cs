using Dapper;

namespace GrowthBot.Storage;

/// <summary>A key result as the experiment modal offers it.</summary>
public sealed record KeyResultChoice
{
    public long Id { get; init; }
    public int Number { get; init; }
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";

    public string ShortId => Domain.Common.ShortId.Format(Domain.Common.ShortId.KeyResult, Number);
}

/// <summary>The team's objective and key results.</summary>
public sealed class OkrStore(Database database)
{
    /// <summary>Key results of the team's current objective, to link experiments to.</summary>
    public async Task<IReadOnlyList<KeyResultChoice>> CurrentKeyResults(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<KeyResultChoice>("""
            SELECT kr.id, kr.number, kr.name, kr.unit
            FROM key_results kr JOIN objectives o ON o.id = kr.objective_id
            WHERE kr.team_id = @teamId AND o.is_current = 1
            ORDER BY kr.number
            """, new { teamId });
        return rows.ToList();
    }

    public async Task<KeyResultChoice?> FindKeyResult(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KeyResultChoice>(
            "SELECT id, number, name, unit FROM key_results WHERE team_id = @teamId AND id = @id", new { teamId, id });
    }
}
