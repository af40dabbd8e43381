using System.Data.Common;
using Dapper;
using GrowthBot.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GrowthBot.Tests.Fixtures;

/// <summary>The two databases GrowthBot runs on; every integration test runs on each (<see cref="BothDatabasesFramework"/>).</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh database for one test: a new SQLite file, or a new schema on the PostgreSQL server named by
/// <c>GROWTHBOT_TEST_POSTGRES</c> (<c>.ci/with-postgres</c> starts one), so tests running in parallel never meet.
/// Disposing it deletes the file or drops the schema.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding a PostgreSQL connection string for the tests, e.g. <c>Host=127.0.0.1;Port=5433;Username=…;Password=…;Database=…</c>.</summary>
    public const string PostgresVariable = "GROWTHBOT_TEST_POSTGRES";

    private static readonly AsyncLocal<DatabaseKind?> CurrentKind = new();
    private readonly string? _sqlitePath;
    private readonly string? _schema;

    private TestDatabase(DatabaseKind kind, string connectionString, string? sqlitePath, string? schema)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _schema = schema;
    }

    /// <summary>The PostgreSQL server the tests may use, or null when none was given.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>The database the running test is for: PostgreSQL in a test's PostgreSQL run, SQLite otherwise.</summary>
    public static DatabaseKind Current
    {
        get => CurrentKind.Value ?? DatabaseKind.Sqlite;
        set => CurrentKind.Value = value;
    }

    public DatabaseKind Kind { get; }

    /// <summary>What GrowthBot is given as <c>ConnectionStrings__GrowthBot</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file; only for tests about the file itself (backups, integrity after a kill).</summary>
    public string SqlitePath => _sqlitePath ?? throw new InvalidOperationException("A PostgreSQL test database has no file.");

    /// <summary>A fresh database of the running test's kind (<see cref="Current"/>), or of <paramref name="kind"/>.</summary>
    public static async Task<TestDatabase> Create(DatabaseKind? kind = null)
    {
        if ((kind ?? Current) == DatabaseKind.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "growthbot-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new TestDatabase(DatabaseKind.Sqlite, $"Data Source={path}", path, null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"A PostgreSQL test needs {PostgresVariable} (.ci/with-postgres sets it).");
        var schema = $"test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE SCHEMA {schema}");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        return new TestDatabase(DatabaseKind.Postgres, connectionString, null, schema);
    }

    /// <summary>An existing SQLite file (an upgraded old database) for the app to start on; disposing deletes it.</summary>
    public static TestDatabase OnSqliteFile(string path) => new(DatabaseKind.Sqlite, $"Data Source={path}", path, null);

    /// <summary>A connection for a test's own checks, outside the app.</summary>
    public async Task<DbConnection> Open()
    {
        DbConnection connection = Kind == DatabaseKind.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>
    /// Each table and view of this database with its column names, lower-case, from the database's own catalogue:
    /// SQLite's <c>sqlite_master</c> (its FTS5 tables included, their shadow tables not) or PostgreSQL's <c>information_schema</c>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> Tables(DbConnection db)
    {
        var columns = await db.QueryAsync<(string Table, string Column)>(Kind == DatabaseKind.Sqlite
            ? """
              SELECT lower(m.name), lower(c.name) FROM sqlite_master m JOIN pragma_table_info(m.name) c
              WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search_index_%'
              """
            : """
              SELECT t.table_name, c.column_name FROM information_schema.tables t
              JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name
              WHERE t.table_schema = current_schema()
              """);
        return columns.GroupBy(c => c.Table).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Column).ToList());
    }

    /// <summary>The app's view of this database, for tests that use a store or the migrator without starting the app.</summary>
    public Database Database() => new(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is { } path)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(path + suffix); } catch (IOException) { }
            return;
        }
        // Quartz opens its own connections with this connection string: close them before the schema goes.
        await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
