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

/// <summary>
/// A key result to create with <see cref="OkrStore.SetObjective"/>: whether it counts leads, and the team's KPI
/// <paramref name="KpiNumber"/> it counts, if any.
/// </summary>
public sealed record KeyResultDraft(string Name, decimal Baseline, decimal Target, string Unit, string OwnerId, bool CountsLeads = false, int? KpiNumber = null);

/// <summary>The team's current objective and its key results.</summary>
public sealed record OkrSnapshot(Objective Objective, IReadOnlyList<KeyResult> KeyResults);

/// <summary>
/// The team's objective (North Star) with its period, key results (KR1, KR2, …), the history of their check-ins and the
/// weekly targets set by hand.
/// </summary>
public sealed class OkrStore(Database database, IChangeFeed changes)
{
    private const string KeyResultColumns =
        "id, team_id, number, objective_id, name, baseline, target, current, unit, counts_leads, kpi_number, owner_id, confidence, created_by, created_at";

    private const string ObjectiveColumns = "id, team_id, title, period, starts_on, ends_on, is_current, created_by, created_at";

    private const string CheckInColumns = "id, team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at";

    /// <summary>
    /// Makes a new objective the current one, with its key results. The previous objective and its key
    /// results stay, with their check-ins, as history.
    /// </summary>
    public Task<OkrSnapshot> SetObjective(string teamId, string title, string period, IReadOnlyList<KeyResultDraft> keyResults,
        string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SetObjective(teamId, title, period, null, keyResults, userId, now, cancellationToken);

    /// <summary>
    /// As above, running from <paramref name="dates"/>' first to last day; without dates the objective runs over the
    /// quarter its name gives, or the one it was set in (<see cref="OkrPeriod.Of"/>), like objectives set before periods had dates.
    /// </summary>
    public async Task<OkrSnapshot> SetObjective(string teamId, string title, string period, OkrPeriod? dates, IReadOnlyList<KeyResultDraft> keyResults,
        string userId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "key_results", teamId);
            await connection.ExecuteAsync("UPDATE objectives SET is_current = FALSE WHERE team_id = @teamId AND is_current = TRUE", new { teamId }, transaction);
            var objectiveId = await connection.QuerySingleAsync<long>("""
                INSERT INTO objectives (team_id, title, period, starts_on, ends_on, is_current, created_by, created_at)
                VALUES (@teamId, @title, @period, @Start, @End, TRUE, @userId, @now) RETURNING id
                """, new { teamId, title, period, Start = dates?.Start, End = dates?.End, userId, now }, transaction);
            var stored = new List<KeyResult>();
            foreach (var kr in keyResults)
            {
                var row = await connection.QuerySingleAsync<(long Id, long Number)>("""
                    INSERT INTO key_results (team_id, number, objective_id, name, baseline, target, current, unit, counts_leads, kpi_number, owner_id, created_by, created_at)
                    SELECT @teamId, COALESCE(MAX(number), 0) + 1, @objectiveId, @Name, @Baseline, @Target, @Baseline, @Unit, @CountsLeads, @KpiNumber, @OwnerId, @userId, @now
                    FROM key_results WHERE team_id = @teamId
                    RETURNING id, number
                    """, new { teamId, objectiveId, kr.Name, Baseline = (double)kr.Baseline, Target = (double)kr.Target, kr.Unit, kr.CountsLeads, kr.KpiNumber, kr.OwnerId, userId, now },
                    transaction);
                stored.Add(new KeyResult
                {
                    Id = row.Id, TeamId = teamId, Number = (int)row.Number, ObjectiveId = objectiveId, Name = kr.Name, Baseline = kr.Baseline,
                    Target = kr.Target, Current = kr.Baseline, Unit = kr.Unit, CountsLeads = kr.CountsLeads, KpiNumber = kr.KpiNumber, OwnerId = kr.OwnerId,
                    CreatedBy = userId, CreatedAt = now,
                });
            }
            changes.Changed(teamId, [userId, .. keyResults.Select(k => k.OwnerId)]);
            var objective = new Objective
            {
                Id = objectiveId, TeamId = teamId, Title = title, Period = period, StartsOn = dates?.Start, EndsOn = dates?.End, CreatedBy = userId, CreatedAt = now,
            };
            return new OkrSnapshot(objective, stored);
        }, cancellationToken);

    /// <summary>The current objective with its key results, or null when none is set.</summary>
    public async Task<OkrSnapshot?> Current(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var objective = await connection.QuerySingleOrDefaultAsync<ObjectiveRow>(
            $"SELECT {ObjectiveColumns} FROM objectives WHERE team_id = @teamId AND is_current = TRUE ORDER BY id DESC LIMIT 1",
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
            $"SELECT {CheckInColumns} FROM check_ins WHERE team_id = @teamId AND key_result_id = @keyResultId ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { teamId, keyResultId, limit });
        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM check_ins WHERE team_id = @teamId AND key_result_id = @keyResultId", new { teamId, keyResultId });
        return (rows.Select(r => r.ToCheckIn()).ToList(), total);
    }

    /// <summary>Every check-in of one key result, oldest first: its trend.</summary>
    public async Task<IReadOnlyList<CheckIn>> CheckInsOf(string teamId, long keyResultId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<CheckInRow>(
            "SELECT id, team_id, key_result_id, value, previous_value, confidence, note, created_by, created_at FROM check_ins WHERE team_id = @teamId AND key_result_id = @keyResultId ORDER BY created_at, id",
            new { teamId, keyResultId });
        return rows.Select(r => r.ToCheckIn()).ToList();
    }

    /// <summary>Check-ins of the whole team in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<CheckIn>> CheckInsBetween(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<CheckInRow>(
            $"SELECT {CheckInColumns} FROM check_ins WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at, id",
            new { teamId, from, to });
        return rows.Select(r => r.ToCheckIn()).ToList();
    }

    /// <summary>
    /// The latest check-in of <paramref name="keyResultId"/> before each of <paramref name="moments"/> (none before it: none),
    /// oldest first: its value at those moments (<see cref="Domain.Money.Spending.ValueAt"/>) from one index step each, not
    /// its whole history.
    /// </summary>
    public async Task<IReadOnlyList<CheckIn>> LatestCheckInsBefore(string teamId, long keyResultId, IEnumerable<DateTimeOffset> moments,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var found = new Dictionary<long, CheckIn>();
        foreach (var at in moments.Distinct())
        {
            var row = await connection.QuerySingleOrDefaultAsync<CheckInRow>(new CommandDefinition($"""
                SELECT {CheckInColumns} FROM check_ins
                WHERE team_id = @teamId AND key_result_id = @keyResultId AND created_at < @at
                ORDER BY created_at DESC, id DESC LIMIT 1
                """, new { teamId, keyResultId, at }, cancellationToken: cancellationToken));
            if (row is not null) found.TryAdd(row.Id, row.ToCheckIn());
        }
        return found.Values.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
    }

    /// <summary>
    /// The pace of the current objective's key results at <paramref name="now"/> (their weeks with targets and what was
    /// done, this week, on pace or behind), or null when no objective is set. One read of the objective, its check-ins and
    /// its hand-set targets; the arithmetic is <see cref="KeyResultPace"/>'s.
    /// </summary>
    public async Task<OkrPace?> Pace(string teamId, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await Current(teamId, cancellationToken) is { } okr ? await Pace(teamId, okr, zone, now, cancellationToken) : null;

    /// <summary>The pace of <paramref name="okr"/>, the current objective a caller has read already (the report and the App Home show both).</summary>
    public async Task<OkrPace> Pace(string teamId, OkrSnapshot okr, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        // The key results' ids first, then each one's check-ins on ix_check_ins_team_key_result (migration 026); a join let
        // SQLite start from the team's check-ins of every objective.
        var checkIns = await connection.QueryAsync<CheckInRow>($"""
            SELECT {CheckInColumns} FROM check_ins
            WHERE team_id = @teamId AND key_result_id IN (SELECT id FROM key_results WHERE team_id = @teamId AND objective_id = @Id)
            ORDER BY created_at, id
            """, new { teamId, okr.Objective.Id });
        var targets = await connection.QueryAsync<WeeklyTargetRow>("""
            SELECT t.key_result_id, t.week_start, t.target, t.set_by, t.set_at
            FROM weekly_targets t JOIN key_results kr ON kr.id = t.key_result_id
            WHERE t.team_id = @teamId AND kr.team_id = @teamId AND kr.objective_id = @Id
            """, new { teamId, okr.Objective.Id });
        return OkrPace.Calculate(okr.Objective, okr.KeyResults, checkIns.Select(c => c.ToCheckIn()).ToList(),
            targets.Select(t => t.ToTarget()).ToList(), zone, now);
    }

    /// <summary>
    /// Sets the targets of one week by hand (<c>/okr week</c>): a number replaces the default for that key result and
    /// week, null goes back to the default. Key results of other teams are never touched.
    /// </summary>
    public async Task SetWeeklyTargets(string teamId, DateOnly week, IReadOnlyDictionary<long, decimal?> targets, string userId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await database.InTransaction(async (connection, transaction) =>
        {
            foreach (var (keyResultId, target) in targets)
            {
                if (target is { } value)
                    await connection.ExecuteAsync("""
                        INSERT INTO weekly_targets (team_id, key_result_id, week_start, target, set_by, set_at)
                        SELECT @teamId, id, @week, @value, @userId, @now FROM key_results WHERE team_id = @teamId AND id = @keyResultId
                        ON CONFLICT (team_id, key_result_id, week_start) DO UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at
                        """, new { teamId, keyResultId, week, value = (double)value, userId, now }, transaction);
                else
                    await connection.ExecuteAsync("DELETE FROM weekly_targets WHERE team_id = @teamId AND key_result_id = @keyResultId AND week_start = @week",
                        new { teamId, keyResultId, week }, transaction);
            }
            return true;
        }, cancellationToken);
        changes.Changed(teamId, userId);
    }

    private sealed class WeeklyTargetRow
    {
        public long KeyResultId { get; init; }
        public DateOnly WeekStart { get; init; }
        public double Target { get; init; }
        public string SetBy { get; init; } = "";
        public DateTimeOffset SetAt { get; init; }

        public WeeklyTarget ToTarget() => new(KeyResultId, WeekStart, (decimal)Target, SetBy, SetAt);
    }

    private sealed class ObjectiveRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Period { get; init; } = "";
        public DateOnly? StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public bool IsCurrent { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public Objective ToObjective() => new()
        {
            Id = Id, TeamId = TeamId, Title = Title, Period = Period, StartsOn = StartsOn, EndsOn = EndsOn, IsCurrent = IsCurrent,
            CreatedBy = CreatedBy, CreatedAt = CreatedAt,
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
        public int? KpiNumber { get; init; }
        public string OwnerId { get; init; } = "";
        public string? Confidence { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public KeyResult ToKeyResult() => new()
        {
            Id = Id, TeamId = TeamId, Number = Number, ObjectiveId = ObjectiveId, Name = Name, Baseline = (decimal)Baseline,
            Target = (decimal)Target, Current = (decimal)Current, Unit = Unit, CountsLeads = CountsLeads, KpiNumber = KpiNumber, OwnerId = OwnerId,
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
