using System.Data;
using System.Data.Common;
using Dapper;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GrowthBot.Storage;

/// <summary>SQLite: one file, one writer at a time (WAL lets readers carry on), FTS5 with trigrams for search.</summary>
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
        // The writer's one connection is not counted among the readers: a reader waiting for a write to commit must never
        // keep the writer from a connection.
        _writer = new SqliteWriter(async ct => await OpenNative(new SqliteConnection(ConnectionString), ct));
    }

    private readonly SqliteWriter _writer;

    /// <summary>
    /// Connections open for reading at once, at most (in normal operation): a few per core. A SQLite read is CPU work in
    /// this process, so more at once only adds contention (the pool's lock was 8 % of a 10-client profile), and every
    /// connection the pool has made keeps its own page cache (up to 2 MB) for minutes after a burst: 100 clients made
    /// 100 connections. Twice what after-ack work may hold at once (<see cref="GrowthBot.Slack.Routing.SlackBackgroundWork.MaxRunning"/>),
    /// so acknowledgements never wait behind follow-ups.
    /// </summary>
    public static readonly int MaxReaders = 2 * GrowthBot.Slack.Routing.SlackBackgroundWork.MaxRunning;

    /// <summary>
    /// How long a read waits for one of the <see cref="MaxReaders"/> before it opens a connection anyway. The limit bounds
    /// memory; it must never deadlock a flow that holds a connection while it opens another.
    /// </summary>
    public static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _readers = new(MaxReaders, MaxReaders);

    public string ConnectionString { get; }

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    public override string Name => "SQLite";

    public override string? MigrationVariant => null;

    public override async Task<DbConnection> Open(CancellationToken cancellationToken)
    {
        var counted = await _readers.WaitAsync(ReaderWait, cancellationToken);
        ReaderConnection connection;
        try
        {
            connection = new ReaderConnection(ConnectionString, counted ? _readers : null);
        }
        catch
        {
            if (counted) _readers.Release();
            throw;
        }
        // A connection that fails to open is disposed there, which gives its place back.
        return await OpenNative(connection, cancellationToken);
    }

    private static async Task<SqliteConnection> OpenNative(SqliteConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            Configure(connection.Handle!);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A pooled connection that gives its place among the <see cref="MaxReaders"/> back when it is closed.</summary>
    private sealed class ReaderConnection(string connectionString, SemaphoreSlim? place) : SqliteConnection(connectionString)
    {
        private SemaphoreSlim? _place = place;

        public override void Close()
        {
            base.Close();
            Interlocked.Exchange(ref _place, null)?.Release();
        }
    }

    /// <summary>
    /// Sets up a native connection the first time the pool hands it out; a pooled connection keeps its settings, so
    /// later opens cost nothing here (the profile showed the PRAGMA round trip on every open). busy_timeout: wait up to
    /// 5 s for another writer (the scheduler, a backup) rather than failing with SQLITE_BUSY. synchronous = NORMAL: in WAL
    /// mode a commit survives the process being killed (SIGKILL, OOM); only an OS crash or power loss can undo the last
    /// commits. FULL would fsync on every commit, which made each saved modal wait on the disk (see the benchmark).
    /// </summary>
    private static void Configure(sqlite3 handle)
    {
        if (Configured.TryGetValue(handle, out _)) return;
        Check(handle, raw.sqlite3_busy_timeout(handle, 5000));
        Check(handle, raw.sqlite3_exec(handle, "PRAGMA synchronous = NORMAL;"));
        Configured.AddOrUpdate(handle, Marker);
    }

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
    }

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    public override Task<T> InTransaction<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.Run(work, cancellationToken);

    public override ValueTask DisposeAsync() => _writer.DisposeAsync();

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

    // FTS5's trigram tokenizer (migration 024): a quoted string of three or more characters matches wherever it occurs.
    public override object TextQuery(IReadOnlyList<string> stems) => string.Join(" OR ", stems.Select(s => $"\"{s}\""));

    public override string TextMatches(string parameter = "query") => $"search_index MATCH @{parameter}";

    // bm25 weights per column: team_id, source, source_id, title, body. bm25 reads the parameter from the MATCH.
    public override string TextRank(string parameter = "query") => "bm25(search_index, 0, 0, 0, 2.0, 1.0)";

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
