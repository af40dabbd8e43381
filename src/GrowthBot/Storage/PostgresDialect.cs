using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace GrowthBot.Storage;

/// <summary>
/// PostgreSQL: any number of GrowthBot instances on one database. Writers run side by side, so whatever decides from
/// what it reads locks it (row locks, advisory locks); search is <c>pg_trgm</c>'s trigram index on the lower-cased text, which
/// finds a stem inside any word of any language (Finnish, Swedish, Russian, Turkish), as SQLite's FTS5 trigram index does.
/// </summary>
public sealed class PostgresDialect(string connectionString) : SqlDialect
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Name => "PostgreSQL";

    public override string? MigrationVariant => "postgres";

    public override async Task<DbConnection> Open(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public override IsolationLevel WriteIsolation => IsolationLevel.ReadCommitted;

    public override string CreateSchemaMigrations => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL
        );
        """;

    public override async Task<IAsyncDisposable> LockMigrations(CancellationToken cancellationToken)
    {
        // A session lock named after the schema: instances of one deployment wait for each other, deployments in other
        // schemas of the same database do not.
        var connection = await Open(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(hashtextextended('growthbot migrations ' || current_schema(), 0))", cancellationToken: cancellationToken));
            return new SessionLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override string ForUpdate => " FOR UPDATE";

    public override Task LockTeamNumbers(DbConnection connection, IDbTransaction transaction, string table, string teamId) =>
        // Released at commit. Two saves for one team and table wait for each other; other teams do not.
        connection.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"{table} {teamId}" }, transaction);

    public override string InList(string parameter) => $"= ANY(@{parameter})";

    // pg_trgm's GIN index on the lower-cased title and body (migration 024) answers LIKE '%stem%' for any of the stems.
    public override object TextQuery(IReadOnlyList<string> stems) => stems.Select(s => $"%{s}%").ToArray();

    public override string TextMatches(string parameter = "query") => $"lower(search_index.title || ' ' || search_index.body) LIKE ANY (@{parameter})";

    // How many stems the title holds, twice, and the body, once; negated: lower is better.
    public override string TextRank(string parameter = "query") =>
        $"-(SELECT 2 * COUNT(*) FILTER (WHERE lower(search_index.title) LIKE p) + COUNT(*) FILTER (WHERE lower(search_index.body) LIKE p) FROM unnest(@{parameter}) AS p)";

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private sealed class SessionLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock_all()");
        }
    }
}
