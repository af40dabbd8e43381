using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace GrowthBot.Storage;

/// <summary>
/// The database named by <c>ConnectionStrings:GrowthBot</c>: a SQLite file by default, PostgreSQL when the connection
/// string starts with <c>Host=</c>. Stores open connections and transactions here; what differs between the two is
/// <see cref="Dialect"/>.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    public const string ConnectionStringName = "GrowthBot";
    public const string DefaultConnectionString = "Data Source=growthbot.db";

    static Database() => SqlTypeHandlers.Register();

    public Database(IConfiguration configuration)
        : this(ConnectionStringFrom(configuration))
    {
    }

    public Database(string connectionString)
    {
        ConnectionString = connectionString;
        Dialect = SqlDialect.For(connectionString);
    }

    /// <summary>The configured connection string, as the scheduler's job store and the backups need it.</summary>
    public string ConnectionString { get; }

    public SqlDialect Dialect { get; }

    public static string ConnectionStringFrom(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } cs ? cs : DefaultConnectionString;

    public Task<DbConnection> Open(CancellationToken cancellationToken = default) => Dialect.Open(cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it is stored, or none.</summary>
    public async Task<T> InTransaction<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(Dialect.WriteIsolation, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public ValueTask DisposeAsync() => Dialect.DisposeAsync();
}
