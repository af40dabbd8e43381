using Dapper;
using GrowthBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrowthBot.Tests.Fixtures;

/// <summary>
/// A database file as an earlier version left it: the migrations up to a number applied and recorded, the rest not,
/// so a test can fill it with rows of the old shape and then run the migrator as an upgrade would.
/// </summary>
public sealed class OldDatabase : IAsyncDisposable
{
    private OldDatabase(string path)
    {
        Path = path;
        Database = new Database(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:GrowthBot"] = $"Data Source={path}" }).Build());
    }

    public string Path { get; }
    public Database Database { get; }

    public static async Task<OldDatabase> At(int version)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "growthbot-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var old = new OldDatabase(path);
        await using var connection = await old.Database.Open();
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var migration in Migrator.All.Where(m => m.Version <= version))
        {
            await connection.ExecuteAsync(migration.Sql);
            await connection.ExecuteAsync("INSERT INTO schema_migrations VALUES (@Version, @Name, '2026-11-01 00:00:00+00:00')", migration);
        }
        return old;
    }

    /// <summary>Runs the migrations the file has not seen, as the app does at startup.</summary>
    public Task Upgrade() => new Migrator(Database, TimeProvider.System, NullLogger<Migrator>.Instance).Migrate();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Path + suffix); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
