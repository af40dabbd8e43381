using System.Data;
using System.Data.Common;
using Dapper;
using GrowthBot.Domain.Learnings;

namespace GrowthBot.Storage;

/// <summary>Learnings (L1, L2, …), searchable together with concluded experiments.</summary>
public sealed class LearningStore(Database database, IChangeFeed changes)
{
    private const string Columns = "id, team_id, number, kind, text, experiment_id, created_by, created_at";

    public async Task<Learning> Add(Learning learning, CancellationToken cancellationToken = default)
    {
        var stored = await database.InTransaction((connection, transaction) => Insert(database.Dialect, connection, transaction, learning), cancellationToken);
        changes.Changed(learning.TeamId, learning.CreatedBy);
        return stored;
    }

    /// <summary>Stores and indexes a learning inside a caller's transaction (e.g. while concluding its experiment).</summary>
    internal static async Task<Learning> Insert(SqlDialect dialect, DbConnection connection, IDbTransaction transaction, Learning learning)
    {
        await dialect.LockTeamNumbers(connection, transaction, "learnings", learning.TeamId);
        var row = await connection.QuerySingleAsync<(long Id, long Number)>("""
            INSERT INTO learnings (team_id, number, kind, text, experiment_id, created_by, created_at)
            SELECT @TeamId, COALESCE(MAX(number), 0) + 1, @Kind, @Text, @ExperimentId, @CreatedBy, @CreatedAt
            FROM learnings WHERE team_id = @TeamId
            RETURNING id, number
            """, new { learning.TeamId, Kind = learning.Kind.ToString(), learning.Text, learning.ExperimentId, learning.CreatedBy, learning.CreatedAt }, transaction);
        var stored = learning with { Id = row.Id, Number = (int)row.Number };
        await SearchIndex.Put(connection, transaction, learning.TeamId, SearchHit.LearningSource, stored.Id, $"{stored.ShortId} {stored.Kind} learning", stored.Text);
        return stored;
    }

    public async Task<Learning?> Find(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LearningRow>($"SELECT {Columns} FROM learnings WHERE team_id = @teamId AND id = @id", new { teamId, id });
        return row?.ToLearning();
    }

    public async Task<IReadOnlyList<Learning>> ForExperiment(string teamId, long experimentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<LearningRow>($"SELECT {Columns} FROM learnings WHERE team_id = @teamId AND experiment_id = @experimentId ORDER BY created_at",
            new { teamId, experimentId });
        return rows.Select(r => r.ToLearning()).ToList();
    }

    /// <summary>The team's most recent learnings, newest first.</summary>
    public async Task<IReadOnlyList<Learning>> Latest(string teamId, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<LearningRow>(
            $"SELECT {Columns} FROM learnings WHERE team_id = @teamId ORDER BY created_at DESC, id DESC LIMIT @count", new { teamId, count });
        return rows.Select(r => r.ToLearning()).ToList();
    }

    /// <summary>The latest <paramref name="limit"/> learnings of one kind (e.g. ICP), newest first, and how many there are in all.</summary>
    public async Task<(IReadOnlyList<Learning> Latest, int Total)> OfKind(string teamId, LearningKind kind, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<LearningRow>(
            $"SELECT {Columns} FROM learnings WHERE team_id = @teamId AND kind = @Kind ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { teamId, Kind = kind.ToString(), limit });
        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM learnings WHERE team_id = @teamId AND kind = @Kind", new { teamId, Kind = kind.ToString() });
        return (rows.Select(r => r.ToLearning()).ToList(), total);
    }

    /// <summary>Searches learnings and concluded experiments; best matches first.</summary>
    public Task<IReadOnlyList<SearchHit>> Search(string teamId, string words, int limit = 10, CancellationToken cancellationToken = default) =>
        SearchIndex.Search(database, teamId, words, limit, cancellationToken);

    private sealed class LearningRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public int Number { get; init; }
        public string Kind { get; init; } = "";
        public string Text { get; init; } = "";
        public long? ExperimentId { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public Learning ToLearning() => new()
        {
            Id = Id, TeamId = TeamId, Number = Number, Kind = Enum.Parse<LearningKind>(Kind), Text = Text,
            ExperimentId = ExperimentId, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
