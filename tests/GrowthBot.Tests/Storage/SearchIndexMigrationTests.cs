using GrowthBot.Domain.Common;
using Dapper;
using GrowthBot.Storage;
using GrowthBot.Tests.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrowthBot.Tests.Storage;

public class SearchIndexMigrationTests
{
    [Fact]
    [SqliteOnly("upgrades a SQLite database made before migration 008; PostgreSQL databases start with one index")]
    public async Task A_database_with_two_experiment_indexes_keeps_one_and_finds_what_it_found_before()
    {
        await using var old = await OldDatabase.At(7);
        var database = old.Database;
        await using (var connection = await database.Open())
        {
            // The database as migration 007 left it: a concluded experiment in both indexes, an idea only in experiment_text.
            await connection.ExecuteAsync("""
                INSERT INTO experiments (id, team_id, number, name, hypothesis, funnel_stage, metric, impact, confidence, ease, owner_id,
                    start_date, end_date, status, created_by, created_at, outcome, result, learning, decision)
                VALUES (1, 'T0TEAM', 1, 'LinkedIn InMail to CMOs', 'CMOs read InMail', 'Acquisition', 'Leads', 8, 6, 7, 'U0ALICE',
                        '2026-11-02', '2026-11-09', 'Concluded', 'U0ALICE', '2026-11-01T00:00:00Z', 'Worked', 'one lead', 'CMOs answer InMail', 'Scale'),
                       (2, 'T0TEAM', 2, 'InMail to founders', 'Founders read InMail too', 'Acquisition', '', 8, 6, 7, 'U0ALICE',
                        '2026-11-16', '2026-11-23', 'Backlog', 'U0ALICE', '2026-11-15T00:00:00Z', NULL, NULL, NULL, NULL);
                INSERT INTO search_index (team_id, source, source_id, title, body)
                VALUES ('T0TEAM', 'experiment', 1, 'E1 LinkedIn InMail to CMOs', 'CMOs read InMail' || char(10) || 'Leads' || char(10) || 'one lead' || char(10) || 'CMOs answer InMail');
                """);
        }

        await old.Upgrade();

        await using (var connection = await database.Open())
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'experiment_text'"));
            Assert.Equal(["E1 LinkedIn InMail to CMOs", "E2 InMail to founders"],
                await connection.QueryAsync<string>("SELECT title FROM search_index WHERE source = 'experiment' ORDER BY source_id"));
        }
        var changes = new ChangeFeed([], NullLogger<ChangeFeed>.Instance);
        var hits = await new LearningStore(database, changes).Search(GrowthBotApp.TeamId, "InMail");
        Assert.Equal(["E1 LinkedIn InMail to CMOs"], hits.Select(h => h.Title));
        Assert.Contains("*InMail*", hits[0].Snippet);
        var (candidates, _) = await new ExperimentStore(database, changes).SimilarCandidates(GrowthBotApp.TeamId, 2, WordStems.Of("inmail cmos"));
        Assert.Equal([1L], candidates.Select(c => c.Id));
    }

    [Fact]
    public async Task Every_experiment_is_searchable_from_the_start_but_search_shows_only_concluded_ones()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        var idea = await app.Idea("Webinar for agencies", hypothesis: "Agencies join webinars");

        Assert.Equal([idea.Id], (await experiments.SimilarCandidates(GrowthBotApp.TeamId, 0, WordStems.Of("webinar"))).Candidates.Select(e => e.Id));
        Assert.Empty(await app.Service<LearningStore>().Search(GrowthBotApp.TeamId, "webinar"));
    }
}
