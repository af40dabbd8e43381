using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Storage;

/// <summary>
/// Applies the numbered SQL files of Storage/Migrations (embedded) that the database has not seen yet, each in its own
/// transaction together with its row in <c>schema_migrations</c>. PostgreSQL runs a migration's
/// <c>NNN_name.postgres.sql</c> where there is one, else its <c>NNN_name.sql</c>, which must then say it is portable.
/// Numbers need not be contiguous: 003 and 004 were never used, and renumbering applied migrations would run them
/// twice (Storage/Migrations/README.md).
/// </summary>
public sealed partial class Migrator(Database database, TimeProvider time, ILogger<Migrator> logger)
{
    /// <summary>The line that says a migration without a PostgreSQL twin runs unchanged on both databases.</summary>
    public const string PortableMarker = "-- Portable:";

    /// <param name="Sql">SQLite's SQL, and PostgreSQL's too when <paramref name="PostgresSql"/> is null.</param>
    /// <param name="PostgresSql">The <c>.postgres.sql</c> twin, where PostgreSQL needs different SQL.</param>
    public sealed record Migration(int Version, string Name, string Sql, string? PostgresSql)
    {
        public string SqlFor(SqlDialect dialect) => dialect.IsPostgres ? PostgresSql ?? Sql : Sql;
    }

    public static IReadOnlyList<Migration> All { get; } = Load();

    public async Task Migrate(CancellationToken cancellationToken = default)
    {
        var dialect = database.Dialect;
        await using var migrating = await dialect.LockMigrations(cancellationToken);
        await using (var connection = await database.Open(cancellationToken))
            await connection.ExecuteAsync(dialect.CreateSchemaMigrations);

        foreach (var migration in All)
        {
            var applied = await database.InTransaction(async (connection, transaction) =>
            {
                var seen = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction);
                if (seen > 0) return false;
                await connection.ExecuteAsync(migration.SqlFor(dialect), transaction: transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = time.GetUtcNow() }, transaction);
                return true;
            }, cancellationToken);
            if (applied) logger.LogInformation("Applied migration {Version:000} {Name} ({Database})", migration.Version, migration.Name, dialect.Name);
        }
    }

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(Migrator).Assembly;
        return Load(assembly.GetManifestResourceNames().Select(resource =>
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return (resource, reader.ReadToEnd());
        }).ToList());
    }

    /// <summary>
    /// The migrations among <paramref name="files"/> (embedded resource name, SQL), in order; refuses two names for one
    /// number, a PostgreSQL twin without its SQLite file, and a migration that does not say how it runs on PostgreSQL.
    /// </summary>
    internal static IReadOnlyList<Migration> Load(IEnumerable<(string Resource, string Sql)> files)
    {
        var found = new List<(int Version, string Name, bool Postgres, string Sql)>();
        foreach (var (resource, sql) in files)
        {
            var match = MigrationName().Match(resource);
            if (match.Success) found.Add((int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, match.Groups["postgres"].Success, sql));
        }

        var migrations = new List<Migration>();
        foreach (var number in found.GroupBy(f => f.Version).OrderBy(g => g.Key))
        {
            var names = number.Select(f => f.Name).Distinct().ToList();
            if (names.Count > 1)
                throw new InvalidOperationException($"Two migrations share the number {number.Key:000}: {string.Join(", ", names)}");
            var file = $"{number.Key:000}_{names[0]}";
            var sqlite = number.SingleOrDefault(f => !f.Postgres).Sql
                ?? throw new InvalidOperationException($"Migration {file}.postgres.sql has no {file}.sql beside it: every migration runs on SQLite too.");
            var postgres = number.SingleOrDefault(f => f.Postgres).Sql;
            if (postgres is null && !sqlite.Split('\n').Any(line => line.StartsWith(PortableMarker, StringComparison.Ordinal)))
                throw new InvalidOperationException(
                    $"Migration {file}.sql does not say how it runs on PostgreSQL. Write {file}.postgres.sql beside it " +
                    "(ids, instants, dates, booleans and search differ: see Storage/Migrations/README.md), or, if the same SQL runs unchanged on both, " +
                    $"start a line with \"{PortableMarker}\" saying so.");
            migrations.Add(new Migration(number.Key, names[0], sqlite, postgres));
        }
        return migrations;
    }

    [GeneratedRegex(@"Migrations\.(?<version>\d{3})_(?<name>[A-Za-z0-9_]+)(?<postgres>\.postgres)?\.sql$")]
    private static partial Regex MigrationName();
}
