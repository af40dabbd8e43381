using System.Data;
using System.Data.Common;

namespace GrowthBot.Storage;

/// <summary>
/// What differs between the two databases GrowthBot runs on, one member per difference, so every store writes one SQL
/// text for both. A connection string starting <c>Host=</c> selects PostgreSQL; anything else is a SQLite file (the
/// default). The other differences each live in one place too: a migration's PostgreSQL twin beside it
/// (Storage/Migrations/README.md), instants and dates as parameters (<see cref="SqlTypeHandlers"/>), and the
/// scheduler's job store (Jobs/ScheduleRegistration.cs). docs/decisions/0009-postgresql-and-a-clustered-schedule.md says why it is split this way.
/// </summary>
public abstract class SqlDialect : IAsyncDisposable
{
    public static SqlDialect For(string connectionString) =>
        SelectsPostgres(connectionString) ? new PostgresDialect(connectionString) : new SqliteDialect(connectionString);

    public static bool SelectsPostgres(string connectionString) => connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>"SQLite" or "PostgreSQL", as /health and the logs name it.</summary>
    public abstract string Name { get; }

    public bool IsPostgres => this is PostgresDialect;

    /// <summary>The migration file variant read where one exists (<c>NNN_name.postgres.sql</c>); null reads <c>NNN_name.sql</c> only.</summary>
    public abstract string? MigrationVariant { get; }

    /// <summary>An open connection, set up as every store expects it.</summary>
    public abstract Task<DbConnection> Open(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction: all of it is stored, or none (<see cref="Database.InTransaction{T}"/>).</summary>
    public virtual async Task<T> InTransaction<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(WriteIsolation, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The isolation of <see cref="Database.InTransaction{T}"/>. SQLite takes its one write lock at BEGIN, so a write
    /// transaction sees nothing change under it. PostgreSQL runs many writers at once: its transactions read
    /// committed data and lock the rows they decide on (<see cref="ForUpdate"/>, <see cref="LockTeamNumbers"/>).
    /// </summary>
    public abstract IsolationLevel WriteIsolation { get; }

    /// <summary>The table that records which migrations ran, created before the first one.</summary>
    public abstract string CreateSchemaMigrations { get; }

    /// <summary>
    /// Held while migrations run, so that several instances starting at once on one database migrate it once; the
    /// losers wait and find the work done. Disposing it releases the lock.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockMigrations(CancellationToken cancellationToken);

    /// <summary>
    /// Appended to a SELECT inside a write transaction that decides from the rows it reads (a delivery claim, a task's
    /// open blocker): PostgreSQL locks them until the transaction ends; SQLite's write lock already covers them.
    /// </summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// Called in a write transaction before numbering a team's row with <c>MAX(number) + 1</c> (E12, T40, L3, K2), so two
    /// saves at once never compute the same number.
    /// </summary>
    public abstract Task LockTeamNumbers(DbConnection connection, IDbTransaction transaction, string table, string teamId);

    /// <summary>
    /// "Equals any element of the list parameter <paramref name="parameter"/>", after a column: Dapper spells a list out
    /// as <c>IN (@p1, @p2, …)</c> for SQLite and passes it whole to PostgreSQL as an array.
    /// </summary>
    public abstract string InList(string parameter);

    /// <summary>
    /// The value of a search parameter for <paramref name="stems"/> (<see cref="GrowthBot.Domain.Common.WordStems"/>), as
    /// the engine reads it: any of them, anywhere in the title or body, inside a longer word too. Stems are letters and
    /// digits only, so nothing typed can change the query's meaning.
    /// </summary>
    public abstract object TextQuery(IReadOnlyList<string> stems);

    /// <summary>The condition "this search_index row matches the <see cref="TextQuery"/> in <c>@<paramref name="parameter"/></c>".</summary>
    public abstract string TextMatches(string parameter = "query");

    /// <summary>How well a search_index row matches <c>@<paramref name="parameter"/></c>: lower is better, a title match counting double.</summary>
    public abstract string TextRank(string parameter = "query");

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
