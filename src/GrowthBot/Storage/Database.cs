using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace GrowthBot.Storage;

/// <summary>
/// Opens connections to the SQLite file named by <c>ConnectionStrings:GrowthBot</c>, each with foreign keys on
/// and a busy timeout, so concurrent writers wait instead of failing.
/// </summary>
public sealed class Database
{
    public const string ConnectionStringName = "GrowthBot";
    public const string DefaultConnectionString = "Data Source=growthbot.db";

    static Database() => SqlTypeHandlers.Register();

    public Database(IConfiguration configuration)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs ? cs : DefaultConnectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    public async Task<SqliteConnection> Open(CancellationToken cancellationToken = default)
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

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none.</summary>
    public async Task<T> InTransaction<T>(Func<SqliteConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        // BEGIN IMMEDIATE takes the write lock up front, so two writers never deadlock upgrading read locks.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
