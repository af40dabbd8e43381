using System.Data.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Storage;

/// <summary>
/// The narrow reads the report, the App Home and the charts use instead of a team's whole history (issue 16): they
/// answer what the wide reads answered, and never another team's rows.
/// </summary>
public class PeriodReadTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;

    [Fact]
    public async Task The_value_of_a_key_result_at_a_moment_is_its_latest_check_in_before_it()
    {
        await using var app = await GrowthBotApp.Start();
        var okrs = app.Service<OkrStore>();
        var kr = (await okrs.SetObjective(GrowthBotApp.TeamId, "Grow", "Q4", [new KeyResultDraft("Leads", 0, 100, "leads", GrowthBotApp.Alice)], GrowthBotApp.Lead, Now)).KeyResults[0];
        foreach (var (value, day) in new[] { (10m, 0), (25m, 7), (40m, 14) })
            await okrs.AddCheckIn(GrowthBotApp.TeamId, kr.Id, value, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Now.AddDays(day));

        var latest = await okrs.LatestCheckInsBefore(GrowthBotApp.TeamId, kr.Id, [Now, Now.AddDays(1), Now.AddDays(14), Now.AddDays(30)]);

        // Before the first check-in there is none; a check-in counts only strictly before the moment.
        Assert.Equal([10m, 25m, 40m], latest.Select(c => c.Value));
        Assert.Equal(25m, Domain.Money.Spending.ValueAt(kr, latest, Now.AddDays(14)));
        Assert.Equal(0m, Domain.Money.Spending.ValueAt(kr, latest, Now));
        Assert.Empty(await okrs.LatestCheckInsBefore("T0OTHER", kr.Id, [Now.AddDays(30)]));
    }

    [Fact]
    public async Task Experiments_named_by_id_and_tasks_named_by_id_are_never_another_teams()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        var ours = await experiments.Add(StoreTests.NewExperiment("Ours"));
        var theirs = await experiments.Add(StoreTests.NewExperiment("Theirs", team: "T0OTHER"));

        var (read, _) = await experiments.Recent(GrowthBotApp.TeamId, Now.AddDays(-28), [ours.Id, theirs.Id], Now);

        // "Ours" is in the backlog and named as well: once. "Theirs" is named but is another team's.
        Assert.Equal(["Ours"], read.Select(e => e.Name));
    }

    [Fact]
    public async Task The_backlog_is_counted_by_stage_and_only_its_best_ideas_are_read_whole()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        // Twelve ideas: the best ICE is idea 7 (10, 10, 9), then 3 and 11 tie on 8.3 (9 + 8 + 8) and the lower number goes first.
        for (var n = 1; n <= 12; n++)
        {
            var ice = n switch { 7 => new IceScore(10, 10, 9), 3 or 11 => new IceScore(9, 8, 8), _ => new IceScore(5, 5, 5) };
            await experiments.Add(StoreTests.NewExperiment($"Idea {n}") with { Ice = ice, Stage = n % 3 == 0 ? FunnelStage.Retention : FunnelStage.Acquisition });
        }
        await experiments.Add(StoreTests.NewExperiment("Their idea", team: "T0OTHER") with { Ice = new IceScore(10, 10, 10) });

        var (read, totals) = await experiments.Recent(GrowthBotApp.TeamId, Now.AddDays(-28), [], Now);

        Assert.Equal(["Idea 3", "Idea 7", "Idea 11"], read.Select(e => e.Name));
        Assert.Equal(12, totals.BacklogCount);
        Assert.Equal(8, totals.Backlog.Single(s => s.Stage == FunnelStage.Acquisition).Count);
        Assert.Equal(4, totals.Backlog.Single(s => s.Stage == FunnelStage.Retention).Count);
        Assert.Equal(Enum.GetValues<FunnelStage>(), totals.Backlog.Select(s => s.Stage));
    }

    [Fact]
    public async Task The_scoreboard_reads_the_conclusions_since_a_moment()
    {
        await using var app = await GrowthBotApp.Start();
        var experiments = app.Service<ExperimentStore>();
        await using (var db = await app.Db())
        {
            foreach (var (name, daysAgo, outcome) in new[] { ("Old", 200, "Worked"), ("Recent win", 10, "Worked"), ("Recent miss", 3, "DidNotWork") })
            {
                var e = await experiments.Add(StoreTests.NewExperiment(name));
                await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE experiments SET status = 'Concluded', concluded_at = @at, outcome = @outcome WHERE id = @id",
                    new { at = Now.AddDays(-daysAgo), outcome, id = e.Id });
            }
        }

        var conclusions = await experiments.ConclusionsSince(GrowthBotApp.TeamId, Now.AddDays(-91));

        Assert.Equal([Outcome.Worked, Outcome.DidNotWork], conclusions.OrderBy(c => c.ConcludedAt).Select(c => c.Outcome));
        Assert.Empty(await experiments.ConclusionsSince("T0OTHER", Now.AddDays(-91)));
    }

    [Fact]
    public async Task A_read_beyond_the_bound_on_open_connections_still_opens_so_nothing_deadlocks()
    {
        await using var app = await GrowthBotApp.Start();
        var database = app.Service<Database>();
        // Every place taken by flows that each hold a connection, then open one more while holding it.
        var held = new List<DbConnection>();
        for (var i = 0; i < SqliteDialect.MaxReaders; i++) held.Add(await database.Open());
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using (var extra = await database.Open(patience.Token))
            Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(extra, "SELECT 1"));

        foreach (var connection in held) await connection.DisposeAsync();
    }
}
