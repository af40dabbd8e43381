using Dapper;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrowthBot.Tests.Storage;

/// <summary>
/// PostgreSQL's own checks. Every other integration test runs on PostgreSQL too when a server is given
/// (<see cref="BothDatabasesFramework"/>); without one, these report as skipped and say why.
/// </summary>
public class PostgresSuiteTests
{
    [PostgresFact]
    public async Task After_the_same_migrations_PostgreSQL_has_every_table_and_column_SQLite_has()
    {
        await using var sqlite = await TestDatabase.Create(DatabaseKind.Sqlite);
        await using var postgres = await TestDatabase.Create(DatabaseKind.Postgres);
        foreach (var database in new[] { sqlite, postgres })
        {
            await using var app = database.Database();
            await new Migrator(app, TimeProvider.System, NullLogger<Migrator>.Instance).Migrate();
        }

        await using var lite = await sqlite.Open();
        await using var pg = await postgres.Open();
        var sqliteColumns = Columns(await sqlite.Tables(lite));
        var postgresColumns = Columns(await postgres.Tables(pg));

        Assert.Empty(sqliteColumns.Except(postgresColumns));
        // Nothing beyond either: since migration 024 PostgreSQL's search index is an expression index (pg_trgm), not a column.
        Assert.Empty(postgresColumns.Except(sqliteColumns));
        Assert.Equal(
            await lite.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"),
            await pg.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"));
    }

    private static HashSet<string> Columns(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) =>
        tables.SelectMany(t => t.Value.Select(column => $"{t.Key}.{column}")).ToHashSet();

    [PostgresFact]
    public async Task Instances_starting_together_migrate_the_database_once()
    {
        await using var postgres = await TestDatabase.Create(DatabaseKind.Postgres);
        var instances = Enumerable.Range(0, 3).Select(_ => postgres.Database()).ToList();

        await Task.WhenAll(instances.Select(d => new Migrator(d, TimeProvider.System, NullLogger<Migrator>.Instance).Migrate()));

        await using var db = await postgres.Open();
        Assert.Equal(Migrator.All.Count, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        foreach (var instance in instances) await instance.DisposeAsync();
    }
}
