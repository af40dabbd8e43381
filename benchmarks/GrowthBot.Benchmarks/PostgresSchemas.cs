using Npgsql;

namespace GrowthBot.Benchmarks;

/// <summary>
/// Fresh databases on a PostgreSQL server for the benchmark's PostgreSQL run: each is a new schema (the app's
/// connection string names it as its search path), all dropped at the end.
/// </summary>
public sealed class PostgresSchemas(string server) : IAsyncDisposable
{
    /// <summary>The same variable the tests read; <c>.ci/with-postgres</c> sets it.</summary>
    public const string Variable = "GROWTHBOT_TEST_POSTGRES";

    private readonly List<string> _schemas = [];

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public async Task<string> Create(string name)
    {
        var schema = $"bench_{name}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
