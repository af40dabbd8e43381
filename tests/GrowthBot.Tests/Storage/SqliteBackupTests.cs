using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Storage;

[SqliteOnly("backups of the SQLite file; PostgreSQL is backed up with pg_dump")]
public class SqliteBackupTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    [Fact]
    public async Task A_backup_taken_while_people_save_restores_to_a_working_bot_with_every_row_committed_before_it()
    {
        var folder = Directory.CreateTempSubdirectory("growthbot-backups-").FullName;
        try
        {
            await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Backup:Folder"] = folder });
            await using (var db = await app.Db())
                // A year's worth of learnings, so the copy takes long enough for saves to happen while it runs.
                await db.ExecuteAsync("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
                    INSERT INTO learnings (team_id, number, kind, text, created_by, created_at)
                    SELECT 'T0HISTORY', i, 'Process', printf('Learning %d: %s', i, hex(randomblob(200))), 'U0ALICE', '2025-11-18 10:00:00+00:00' FROM n
                    """);
            var store = app.Service<ExperimentStore>();
            var clock = Stopwatch.StartNew();
            var saved = new ConcurrentQueue<(string Name, TimeSpan At)>();
            using var stop = new CancellationTokenSource();
            var savers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var e = await store.Add(Idea($"Idea {w}-{i}"));
                    saved.Enqueue((e.Name, clock.Elapsed));
                }
            })).ToList();
            while (saved.Count < 40) await Task.Delay(10);

            var committedBefore = saved.Select(s => s.Name).ToHashSet();
            var started = clock.Elapsed;
            var backup = await app.Service<SqliteBackups>().Take(CancellationToken.None);
            var finished = clock.Elapsed;
            while (saved.Count(s => s.At > finished) < 10) await Task.Delay(10);
            await stop.CancelAsync();
            await Task.WhenAll(savers);

            // The bot kept saving while the copy was made.
            Assert.Contains(saved, s => s.At > started && s.At < finished);
            Assert.Equal(Path.Combine(folder, "growthbot-2026-11-18-100000.db"), backup);

            // Restoring is putting the backup where the database file was.
            await using var restored = await TestDatabase.Create(DatabaseKind.Sqlite);
            File.Copy(backup, restored.SqlitePath);
            await using var again = await GrowthBotApp.Start(database: restored);
            await using var check = await again.Db();
            Assert.Equal("ok", await check.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            var ideas = (await check.QueryAsync<(string Name, long Number)>("SELECT name, number FROM experiments WHERE team_id = @TeamId ORDER BY number", new { GrowthBotApp.TeamId })).ToList();
            Assert.Empty(committedBefore.Except(ideas.Select(i => i.Name)));
            Assert.Equal(Enumerable.Range(1, ideas.Count).Select(n => (long)n), ideas.Select(i => i.Number));
            Assert.Equal(20000L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM learnings WHERE team_id = 'T0HISTORY'"));
            Assert.Contains("Backlog by ICE", (await again.Command("/experiment list")).Text);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_nightly_job_keeps_the_newest_backups_as_many_as_configured()
    {
        var folder = Directory.CreateTempSubdirectory("growthbot-backups-").FullName;
        try
        {
            await using var app = await GrowthBotApp.Start(new Dictionary<string, string?> { ["GrowthBot:Backup:Folder"] = folder, ["GrowthBot:Backup:Keep"] = "3" });
            await app.Service<ExperimentStore>().Add(Idea("Partner webinar"));

            for (var night = 0; night < 5; night++)
            {
                await app.Service<ScheduledPosts>().Run(Schedule.Backup, CancellationToken.None);
                app.Time.Advance(TimeSpan.FromDays(1));
            }

            Assert.Equal(["growthbot-2026-11-22-100000.db", "growthbot-2026-11-21-100000.db", "growthbot-2026-11-20-100000.db"],
                app.Service<SqliteBackups>().Taken().Select(Path.GetFileName));
            Assert.Equal(3, Directory.GetFiles(folder).Length);
            Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_folder_backups_go_beside_the_database_file()
    {
        await using var app = await GrowthBotApp.Start();

        var backup = await app.Service<SqliteBackups>().Take(CancellationToken.None);

        Assert.Equal(Path.Combine(Path.GetDirectoryName(app.TestDatabase.SqlitePath)!, "backups"), Path.GetDirectoryName(backup));
        File.Delete(backup);
    }

    private static Experiment Idea(string name) => new()
    {
        TeamId = GrowthBotApp.TeamId, Name = name, Hypothesis = "Partners bring warm leads", Stage = FunnelStage.Acquisition, Ice = new IceScore(7, 5, 6),
        OwnerId = GrowthBotApp.Alice, StartDate = Today, EndDate = Today.AddDays(7), CreatedBy = GrowthBotApp.Alice, CreatedAt = GrowthBotApp.DefaultNow,
    };
}
