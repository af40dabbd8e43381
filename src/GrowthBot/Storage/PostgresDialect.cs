using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace GrowthBot.Storage;

/// <summary>
/// PostgreSQL: any number of GrowthBot instances on one database. Writers run side by side, so whatever decides from
/// what it reads locks it (row locks, advisory locks); search is a <c>tsvector</c> column with the <c>simple</c>
/// configuration, which splits and lower-cases words in any language (Finnish, Swedish, Russian, Turkish) and stems none.
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

    // to_tsquery rather than websearch_to_tsquery: the search is "any of these words, each as a prefix", which only
    // to_tsquery can say (term:* | term:*). The terms are letters and digits, so there is no syntax to escape.
    public override string TextQuery(IReadOnlyList<string> terms) => string.Join(" | ", terms.Select(t => $"{t}:*"));

    public override string TextMatches => "search_index.document @@ to_tsquery('simple', @query)";

    // Weights {D, C, B, A}: the title (A) counts double the body (B), as in SQLite's bm25 call. Negated: lower is better.
    public override string TextRank => "-ts_rank('{0, 0, 0.5, 1.0}', search_index.document, to_tsquery('simple', @query))";

    public override string TextSnippet =>
        "ts_headline('simple', search_index.body, to_tsquery('simple', @query), 'StartSel=*, StopSel=*, MaxWords=24, MinWords=12, ShortWord=1, MaxFragments=1, FragmentDelimiter=…')";

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
