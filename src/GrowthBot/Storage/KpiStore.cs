using System.Data;
using Dapper;
using GrowthBot.Domain.Kpis;
using System.Data.Common;

namespace GrowthBot.Storage;

/// <summary>What saving a KPI came to: the KPI as stored, or the team's KPI that already has its name.</summary>
public sealed record KpiSaved(Kpi? Kpi, Kpi? NameTakenBy);

/// <summary>The team's KPI definitions (K1, K2, …): names unique per team, never deleted, so key results keep their link.</summary>
public sealed class KpiStore(Database database, IChangeFeed changes)
{
    private const string Columns =
        "team_id, number, name, definition, measurement, owner_id, unit, direction, created_by, created_at, updated_by, updated_at";

    public async Task<IReadOnlyList<Kpi>> All(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<KpiRow>($"SELECT {Columns} FROM kpis WHERE team_id = @teamId ORDER BY number", new { teamId });
        return rows.Select(r => r.ToKpi()).ToList();
    }

    public async Task<Kpi?> Find(string teamId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KpiRow>($"SELECT {Columns} FROM kpis WHERE team_id = @teamId AND number = @number", new { teamId, number });
        return row?.ToKpi();
    }

    /// <summary>Stores a new KPI under the team's next number, unless another KPI of the team has its name.</summary>
    public async Task<KpiSaved> Add(Kpi kpi, CancellationToken cancellationToken = default)
    {
        var saved = await database.InTransaction(async (connection, transaction) =>
        {
            await database.Dialect.LockTeamNumbers(connection, transaction, "kpis", kpi.TeamId);
            if (await Taken(connection, transaction, kpi, null) is { } taken) return new KpiSaved(null, taken);
            var number = await connection.QuerySingleAsync<long>($"""
                INSERT INTO kpis (team_id, number, name, name_key, definition, measurement, owner_id, unit, direction, created_by, created_at)
                SELECT @TeamId, COALESCE(MAX(number), 0) + 1, @Name, @NameKey, @Definition, @Measurement, @OwnerId, @Unit, @Direction, @CreatedBy, @CreatedAt
                FROM kpis WHERE team_id = @TeamId
                RETURNING number
                """, Parameters(kpi), transaction);
            return new KpiSaved(kpi with { Number = (int)number }, null);
        }, cancellationToken);
        if (saved.Kpi is not null) changes.Changed(kpi.TeamId, kpi.CreatedBy, kpi.OwnerId);
        return saved;
    }

    /// <summary>
    /// Changes KPI <see cref="Kpi.Number"/> of its team (who and when from <see cref="Kpi.UpdatedBy"/> and <see cref="Kpi.UpdatedAt"/>),
    /// unless another KPI has the new name. The current objective's key results linked to it take its new unit; past
    /// objectives keep the unit they were measured in.
    /// </summary>
    public async Task<KpiSaved> Update(Kpi kpi, CancellationToken cancellationToken = default)
    {
        var saved = await database.InTransaction(async (connection, transaction) =>
        {
            if (await Taken(connection, transaction, kpi, kpi.Number) is { } taken) return new KpiSaved(null, taken);
            var row = await connection.QuerySingleOrDefaultAsync<KpiRow>($"""
                UPDATE kpis SET name = @Name, name_key = @NameKey, definition = @Definition, measurement = @Measurement, owner_id = @OwnerId,
                    unit = @Unit, direction = @Direction, updated_by = @UpdatedBy, updated_at = @UpdatedAt
                WHERE team_id = @TeamId AND number = @Number
                RETURNING {Columns}
                """, Parameters(kpi), transaction);
            if (row is null) return new KpiSaved(null, null);
            await connection.ExecuteAsync("""
                UPDATE key_results SET unit = @Unit
                WHERE team_id = @TeamId AND kpi_number = @Number
                  AND objective_id IN (SELECT id FROM objectives WHERE team_id = @TeamId AND is_current = TRUE)
                """, new { kpi.TeamId, kpi.Number, kpi.Unit }, transaction);
            return new KpiSaved(row.ToKpi(), null);
        }, cancellationToken);
        if (saved.Kpi is not null) changes.Changed(kpi.TeamId, kpi.UpdatedBy, kpi.OwnerId);
        return saved;
    }

    /// <summary>The team's KPI other than number <paramref name="except"/> that already has <paramref name="kpi"/>'s name.</summary>
    private static async Task<Kpi?> Taken(DbConnection connection, IDbTransaction transaction, Kpi kpi, int? except)
    {
        // Numbers start at 1, so 0 leaves none out (a null parameter has no type PostgreSQL could compare).
        var row = await connection.QuerySingleOrDefaultAsync<KpiRow>(
            $"SELECT {Columns} FROM kpis WHERE team_id = @TeamId AND name_key = @NameKey AND number <> @except",
            new { kpi.TeamId, NameKey = KpiDraft.NameKey(kpi.Name), except = except ?? 0 }, transaction);
        return row?.ToKpi();
    }

    private static object Parameters(Kpi kpi) => new
    {
        kpi.TeamId, kpi.Number, kpi.Name, NameKey = KpiDraft.NameKey(kpi.Name), kpi.Definition, kpi.Measurement, kpi.OwnerId, kpi.Unit,
        Direction = kpi.Direction.ToString(), kpi.CreatedBy, kpi.CreatedAt, kpi.UpdatedBy, kpi.UpdatedAt,
    };

    private sealed class KpiRow
    {
        public string TeamId { get; init; } = "";
        public int Number { get; init; }
        public string Name { get; init; } = "";
        public string Definition { get; init; } = "";
        public string Measurement { get; init; } = "";
        public string OwnerId { get; init; } = "";
        public string Unit { get; init; } = "";
        public string Direction { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string? UpdatedBy { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }

        public Kpi ToKpi() => new()
        {
            TeamId = TeamId, Number = Number, Name = Name, Definition = Definition, Measurement = Measurement, OwnerId = OwnerId, Unit = Unit,
            Direction = Enum.Parse<KpiDirection>(Direction), CreatedBy = CreatedBy, CreatedAt = CreatedAt, UpdatedBy = UpdatedBy, UpdatedAt = UpdatedAt,
        };
    }
}
