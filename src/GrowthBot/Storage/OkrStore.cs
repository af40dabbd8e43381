using System.Data;
using System.Data.Common;
using Dapper;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Storage;

/// <summary>A key result as the experiment modal offers it.</summary>
public sealed record KeyResultChoice
{
    public long Id { get; init; }
    public int Number { get; init; }
    public string Name { get; init; } = "";
    public string Unit { get; init; } = "";
    /// <summary>The team says it counts leads: an experiment linked to it brings leads for sales to judge, by default.</summary>
    public bool CountsLeads { get; init; }

    public string ShortId => Domain.Common.ShortId.Format(Domain.Common.ShortId.KeyResult, Number);
}

/// <summary>A key result to create with <see cref="OkrStore.SetObjective"/>.</summary>
public sealed record KeyResultDraft(string Name, decimal Baseline, decimal Target, string Unit, string OwnerId, bool CountsLeads = false);

/// <summary>The team's current objective and its key results.</summary>
public sealed record OkrSnapshot(Objective Objective, IReadOnlyList<KeyResult> KeyResults);

/// <summary>The team's objective (North Star), key results (K1, K2, …) and the history of their check-ins.</summary>
public sealed class OkrStore(Database database, IChangeFeed changes)
{
    private const string KeyResultColumns =
        "id, team_id, number, objective_id, name, baseline, target, current, unit, counts_leads, owner_id, confidence, created_by, created_at";

    /// <summary>
    /// Makes a new objective the current one, with its key results. The previous objective and its key
    /// results stay, with their check-ins, as history.
    /// </summary>
    public async Task<OkrSnapshot> SetObjective(string teamId, string title, string period, IReadOnlyList<KeyResultDraft> keyResults,
        string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "key_results", teamId);
            await connection.ExecuteAsync("UPDATE objectives SET is_current = FALSE WHERE team_id = @teamId AND is_current = TRUE", new { teamId }, transaction);
            var objectiveId = await connection.QuerySingleAsync<long>("""
                INSERT INTO objectives (team_id, title, period, is_current, created_by, created_at)
                VALUES (@teamId, @title, @period, TRUE, @userId, @now) RETURNING id
                """, new { teamId, title, period, userId, now }, transaction);
            var stored = new List<KeyResult>();
            foreach (var kr in keyResults)
            {
                var row = await connection.QuerySingleAsync<(long Id, long Number)>("""
                    INSERT INTO key_results (team_id, number, objective_id, name, baseline, target, current, unit, counts_leads, owner_id, created_by, created_at)
                    SELECT @teamId, COALESCE(MAX(number), 0) + 1, @objectiveId, @Name, @Baseline, @Target, @Baseline, @Unit, @CountsLeads, @OwnerId, @userId, @now
                    FROM key_results WHERE team_id = @teamId
                    RETURNING id, number
                    """, new { teamId, objectiveId, kr.Name, Baseline = (double)kr.Baseline, Target = (double)kr.Target, kr.Unit, kr.CountsLeads, kr.OwnerId, userId, now }, transaction);
                stored.Add(new KeyResult
                {
                    Id = row.Id, TeamId = teamId, Number = (int)row.Number, ObjectiveId = objectiveId, Name = kr.Name, Baseline = kr.Baseline,
                    Target = kr.Target, Current = kr.Baseline, Unit = kr.Unit, CountsLeads = kr.CountsLeads, OwnerId = kr.OwnerId, CreatedBy = userId, CreatedAt = now,
                });
            }
            changes.Changed(teamId, [userId, .. keyResults.Select(k => k.OwnerId)]);
            var objective = new Objective { Id = objectiveId, TeamId = teamId, Title = title, Period = period, CreatedBy = userId, CreatedAt = now };
            return new OkrSnapshot(objective, stored);
        }, cancellationToken);

    /// <summary>The current objective with its key results, or null when none is set.</summary>
    public async Task<OkrSnapshot?> Current(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var objective = await connection.QuerySingleOrDefaultAsync<ObjectiveRow>(
            "SELECT id, team_id, title, period, is_current, created_by, created_at FROM objectives WHERE team_id = @teamId AND is_current = TRUE ORDER BY id DESC LIMIT 1",
            new { teamId });
        if (objective is null) return null;
        var keyResults = await connection.QueryAsync<KeyResultRow>(
            $"SELECT {KeyResultColumns} FROM key_results WHERE team_id = @teamId AND objective_id = @Id ORDER BY number", new { teamId, objective.Id });
        return new OkrSnapshot(objective.ToObjective(), keyResults.Select(k => k.ToKeyResult()).ToList());
    }

    /// <summary>Key results of the team's current objective, to link experiments to.</summary>
    public async Task<IReadOnlyList<KeyResultChoice>> CurrentKeyResults(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<KeyResultChoice>("""
            SELECT kr.id, kr.number, kr.name, kr.unit, kr.counts_leads
            FROM key_results kr JOIN objectives o ON o.id = kr.objective_id
            WHERE kr.team_id = @teamId AND o.team_id = @teamId AND o.is_current = TRUE
            ORDER BY kr.number
            """, new { teamId });
        return rows.ToList();
    }

    /// <summary>Every key result the team ever had, current or not, by number (for the export).</summary>
    public async Task<IReadOnlyList<KeyResult>> AllKeyResults(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<KeyResultRow>($"SELECT {KeyResultColumns} FROM key_results WHERE team_id = @teamId ORDER BY number", new { teamId });
        return rows.Select(r => r.ToKeyResult()).ToList();
    }

    public async Task<KeyResultChoice?> FindKeyResult(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KeyResultChoice>(
            "SELECT id, number, name, unit, counts_leads FROM key_results WHERE team_id = @teamId AND id = @id", new { teamId, id });
    }

    public async Task<KeyResult?> KeyResultById(string teamId, long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyResultRow>(
            $"SELECT {KeyResultColumns} FROM key_results WHERE team_id = @teamId AND id = @id", new { teamId, id });
        return row?.ToKeyResult();
    }

    /// <summary>Records a new value; the key result's current value and confidence follow it. History is kept.</summary>
    public async Task<CheckIn> AddCheckIn(string teamId, long keyResultId, decimal value, KrConfidence confidence, string note,
        string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var checkIn = await database.InTransaction((connection, transaction) =>
            InsertCheckIn(database.Dialect, connection, transaction, teamId, keyResultId, value, confidence, note, userId, now), cancellationToken);
        changes.Changed(teamId, userId);
        return checkIn;
    }

    /// <summary>Records a check-in inside a caller's transaction (e.g. while concluding an experiment).</summary>
    internal static async Task<CheckIn> InsertCheckIn(SqlDialect dialect, DbConnection connection, IDbTransaction transaction, string teamId, long keyResultId,
        decimal value, KrConfidence confidence, string note, string userId, DateTimeOffset now)
    {
        // Locked until commit, so two check-ins at once each record the value the other left as their previous one.
        var previous = await connection.QuerySingleAsync<double>(
            $"SELECT current FROM key_results WHERE id = @keyResultId AND team_id = @teamId{dialect.ForUpdate}", new { keyResultId, teamId }, transaction);
        var id = await connection.QuerySingleAsync<long>("""
            INSERT INTO check_ins (team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at)
            VALUES (@teamId, @keyResultId, @value, @previous, @confidence, @note, @userId, @now) RETURNING id
            """, new { teamId, keyResultId, value = (double)value, previous, confidence = confidence.ToString(), note, userId, now }, transaction);
        await connection.ExecuteAsync("UPDATE key_results SET current = @value, confidence = @confidence WHERE team_id = @teamId AND id = @keyResultId",
            new { teamId, keyResultId, value = (double)value, confidence = confidence.ToString() }, transaction);
        return new CheckIn
        {
            Id = id, TeamId = teamId, KeyResultId = keyResultId, Value = value, PreviousValue = (decimal)previous,
            Confidence = confidence, Note = note, CreatedBy = userId, CreatedAt = now,
        };
    }

    /// <summary>The latest <paramref name="limit"/> check-ins of one key result, newest first, and how many it has in all.</summary>
    public async Task<(IReadOnlyList<CheckIn> Latest, int Total)> LatestCheckIns(string teamId, long keyResultId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<CheckInRow>(
            "SELECT id, team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at FROM check_ins WHERE team_id = @teamId AND key_result_id = @keyResultId ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { teamId, keyResultId, limit });
        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM check_ins WHERE team_id = @teamId AND key_result_id = @keyResultId", new { teamId, keyResultId });
        return (rows.Select(r => r.ToCheckIn()).ToList(), total);
    }

    /// <summary>Check-ins of the whole team in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<CheckIn>> CheckInsBetween(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<CheckInRow>(
            "SELECT id, team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at FROM check_ins WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at, id",
            new { teamId, from, to });
        return rows.Select(r => r.ToCheckIn()).ToList();
    }

    private sealed class ObjectiveRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Period { get; init; } = "";
        public bool IsCurrent { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public Objective ToObjective() => new()
        {
            Id = Id, TeamId = TeamId, Title = Title, Period = Period, IsCurrent = IsCurrent, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }

    private sealed class KeyResultRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public int Number { get; init; }
        public long ObjectiveId { get; init; }
        public string Name { get; init; } = "";
        public double Baseline { get; init; }
        public double Target { get; init; }
        public double Current { get; init; }
        public string Unit { get; init; } = "";
        public bool CountsLeads { get; init; }
        public string OwnerId { get; init; } = "";
        public string? Confidence { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public KeyResult ToKeyResult() => new()
        {
            Id = Id, TeamId = TeamId, Number = Number, ObjectiveId = ObjectiveId, Name = Name, Baseline = (decimal)Baseline,
            Target = (decimal)Target, Current = (decimal)Current, Unit = Unit, CountsLeads = CountsLeads, OwnerId = OwnerId,
            Confidence = Confidence is null ? null : Enum.Parse<KrConfidence>(Confidence), CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }

    private sealed class CheckInRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public long KeyResultId { get; init; }
        public double Value { get; init; }
        public double PreviousValue { get; init; }
        public string Confidence { get; init; } = "";
        public string Note { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public CheckIn ToCheckIn() => new()
        {
            Id = Id, TeamId = TeamId, KeyResultId = KeyResultId, Value = (decimal)Value, PreviousValue = (decimal)PreviousValue,
            Confidence = Enum.Parse<KrConfidence>(Confidence), Note = Note, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
