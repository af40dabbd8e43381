using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace GrowthBot.Storage;

/// <summary>SQLite: one file, one writer at a time (WAL lets readers carry on), FTS5 for search.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    public override string Name => "SQLite";

    public override string? MigrationVariant => null;

    public override async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Both are per connection and set in one round trip. busy_timeout: wait up to 5 s for another writer
        // rather than failing with SQLITE_BUSY. synchronous = NORMAL: in WAL mode a commit survives the process
        // being killed (SIGKILL, OOM); only an OS crash or power loss can undo the last commits. FULL would
        // fsync on every commit, which made each saved modal wait on the disk (see the benchmark).
        await connection.ExecuteAsync("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    // Microsoft.Data.Sqlite begins every transaction but ReadUncommitted with BEGIN IMMEDIATE: the write lock is taken
    // up front, so two writers never deadlock upgrading read locks.
    public override IsolationLevel WriteIsolation => IsolationLevel.Serializable;

    public override string CreateSchemaMigrations => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public override async Task<IAsyncDisposable> LockMigrations(CancellationToken cancellationToken)
    {
        // Each migration runs in a write transaction that first checks it has not run: that is the lock. WAL (readers
        // carry on while one writer writes) is a setting of the file, made once here.
        await using var connection = await Open(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        return NoLock.Instance;
    }

    public override string ForUpdate => "";

    public override Task LockTeamNumbers(DbConnection connection, IDbTransaction transaction, string table, string teamId) => Task.CompletedTask;

    public override string InList(string parameter) => $"IN @{parameter}";

    public override string TextQuery(IReadOnlyList<string> terms) => string.Join(" OR ", terms.Select(t => $"\"{t}\"*"));

    public override string TextMatches => "search_index MATCH @query";

    // bm25 weights per column: team_id, source, source_id, title, body.
    public override string TextRank => "bm25(search_index, 0, 0, 0, 2.0, 1.0)";

    public override string TextSnippet => "snippet(search_index, 4, '*', '*', '…', 24)";

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
