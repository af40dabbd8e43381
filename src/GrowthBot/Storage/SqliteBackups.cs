using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;

namespace GrowthBot.Storage;

/// <summary>The <c>GrowthBot:Backup</c> section (environment: <c>GrowthBot__Backup__…</c>); when they are taken is <c>GrowthBot__Schedule__Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "GrowthBot:Backup";

    /// <summary>Where backups go; empty means a <c>backups</c> folder beside the database file. Best on another disk.</summary>
    public string Folder { get; set; } = "";

    /// <summary>How many backups are kept: the newest ones; older ones are deleted after each new backup.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>
/// Copies of the SQLite database, taken while the bot serves: <c>VACUUM INTO</c> writes a consistent snapshot of every
/// committed row to a new file without stopping readers or writers (WAL), named by its time
/// (<c>growthbot-2026-11-18-033000.db</c>), and the newest <see cref="BackupOptions.Keep"/> are kept. A backup is a
/// complete database: restoring is putting it in the database file's place (README, "Backups"). PostgreSQL has
/// pg_dump for this, so there is nothing here for it.
/// </summary>
public sealed class SqliteBackups(Database database, IOptionsMonitor<BackupOptions> options, TimeProvider time, ILogger<SqliteBackups> logger)
{
    private const string Prefix = "growthbot-";
    private const string Extension = ".db";

    /// <summary>The folder backups go to, made absolute.</summary>
    public string Folder => Path.GetFullPath(options.CurrentValue.Folder is { Length: > 0 } folder
        ? folder
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Sqlite.DataSource)) ?? ".", "backups"));

    /// <summary>The backups there are, newest first.</summary>
    public IReadOnlyList<string> Taken() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, $"{Prefix}*{Extension}").Order(StringComparer.Ordinal).Reverse().ToList()
            : [];

    /// <summary>Takes a backup now and deletes the ones beyond <see cref="BackupOptions.Keep"/>; returns its path.</summary>
    public async Task<string> Take(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{Prefix}{time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture)}{Extension}");
        // Written under another name and renamed when complete, so a half-written file is never taken for a backup.
        var partial = path + ".partial";
        File.Delete(partial);
        await using (var connection = await database.Open(cancellationToken))
            await connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @partial", new { partial }, cancellationToken: cancellationToken));
        File.Move(partial, path, overwrite: true);

        foreach (var old in Taken().Skip(Math.Max(1, options.CurrentValue.Keep)))
        {
            File.Delete(old);
            logger.LogInformation("Deleted the old backup {Backup}", old);
        }
        logger.LogInformation("Backed up the database to {Backup} ({Bytes} bytes)", path, new FileInfo(path).Length);
        return path;
    }

    private SqliteDialect Sqlite => database.Dialect as SqliteDialect
        ?? throw new InvalidOperationException("Backups here are of a SQLite database; back PostgreSQL up with pg_dump (README, \"Backups\").");
}
