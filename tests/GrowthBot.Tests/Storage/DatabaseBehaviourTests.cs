using Dapper;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Tasks;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Storage;

/// <summary>
/// What each database must do the same way, whichever it is (every test here runs on SQLite and on PostgreSQL): keep
/// instants and dates exactly, number a team's rows without gaps or twins under concurrent saves, let one claimer of a
/// scheduled post win across instances, and find words in any of the teams' languages.
/// </summary>
public class DatabaseBehaviourTests
{
    private static readonly DateTimeOffset Now = GrowthBotApp.DefaultNow;

    [Fact]
    public async Task Instants_and_dates_read_back_as_written_whatever_offset_they_were_written_with()
    {
        await using var app = await GrowthBotApp.Start();
        // Microseconds: what both databases keep (PostgreSQL's timestamptz precision).
        var helsinkiEvening = new DateTimeOffset(2026, 11, 18, 23, 59, 59, TimeSpan.FromHours(2)).AddTicks(1_234_560);

        await app.Service<DeliveryStore>().Claim("T0TEAM/test/2026-W47/C1", GrowthBotApp.TeamId, "test", "C1", helsinkiEvening);
        await app.Service<NudgePauseStore>().Pause(GrowthBotApp.TeamId, GrowthBotApp.Bob, new DateOnly(2026, 12, 31), helsinkiEvening);

        var claimed = (await app.Service<DeliveryStore>().Find("T0TEAM/test/2026-W47/C1"))!.ClaimedAt;
        Assert.Equal(helsinkiEvening, claimed);
        Assert.Equal(TimeSpan.Zero, claimed.Offset);
        Assert.Equal(new DateOnly(2026, 12, 31), (await app.Service<NudgePauseStore>().All(GrowthBotApp.TeamId))[GrowthBotApp.Bob]);
    }

    [Fact]
    public async Task A_week_starting_at_midnight_in_Helsinki_holds_what_happened_there_at_half_past_midnight()
    {
        await using var app = await GrowthBotApp.Start();
        var tasks = app.Service<TaskStore>();
        var task = await tasks.Add(new GrowthTask
        {
            TeamId = GrowthBotApp.TeamId, Title = "Book the webinar room", OwnerId = GrowthBotApp.Bob, DueDate = new DateOnly(2026, 11, 20),
            CreatedBy = GrowthBotApp.Bob, CreatedAt = Now,
        });
        var mondayInHelsinki = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(2));

        await tasks.Block(task.Id, GrowthBotApp.TeamId, BlockReason.Budget, "", GrowthBotApp.Bob, mondayInHelsinki.AddMinutes(30).ToUniversalTime());

        var recorded = await tasks.BlocksRecorded(GrowthBotApp.TeamId, mondayInHelsinki, mondayInHelsinki.AddDays(7));
        Assert.Single(recorded);
        Assert.Empty(await tasks.BlocksRecorded(GrowthBotApp.TeamId, mondayInHelsinki.AddDays(-7), mondayInHelsinki));
    }

    [Fact]
    [SqliteOnly("the text a SQLite file keeps for an instant")]
    public async Task SQLite_keeps_instants_as_the_UTC_text_it_always_kept_so_old_and_new_rows_compare_in_time_order()
    {
        await using var app = await GrowthBotApp.Start();
        var helsinki = new DateTimeOffset(2026, 11, 16, 0, 30, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        await app.Service<DeliveryStore>().Claim("T0TEAM/test/2026-W47/C1", GrowthBotApp.TeamId, "test", "C1", helsinki);

        await using var db = await app.Db();
        Assert.Equal("2026-11-15 22:30:00.1234567+00:00", await db.ExecuteScalarAsync<string>("SELECT claimed_at FROM deliveries"));
    }

    [Fact]
    public async Task Saves_at_the_same_moment_get_consecutive_short_ids_and_never_share_one()
    {
        await using var app = await GrowthBotApp.Start();
        var store = app.Service<ExperimentStore>();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var saved = await Task.WhenAll(Enumerable.Range(1, 24).Select(i => Task.Run(() => store.Add(new Experiment
        {
            TeamId = i % 4 == 0 ? "T0OTHER" : GrowthBotApp.TeamId, Name = $"Idea {i}", Hypothesis = "because", Stage = FunnelStage.Activation,
            Ice = new IceScore(5, 5, 5), OwnerId = GrowthBotApp.Alice, StartDate = today, EndDate = today.AddDays(7), CreatedBy = GrowthBotApp.Alice, CreatedAt = Now,
        }))));

        Assert.Equal(Enumerable.Range(1, 18), saved.Where(e => e.TeamId == GrowthBotApp.TeamId).Select(e => e.Number).Order());
        Assert.Equal(Enumerable.Range(1, 6), saved.Where(e => e.TeamId == "T0OTHER").Select(e => e.Number).Order());
    }

    [Fact]
    public async Task Of_many_instances_claiming_one_scheduled_post_at_once_exactly_one_gets_it()
    {
        await using var app = await GrowthBotApp.Start();
        // Each Database is what one more instance of the app would open: its own connections to the same data.
        var instances = Enumerable.Range(0, 4).Select(_ => app.TestDatabase.Database()).ToList();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            new DeliveryStore(instances[i % instances.Count]).Claim("T0TEAM/weekly-report/2026-W47/C0GROWTH", GrowthBotApp.TeamId, "weekly-report", "C0GROWTH", Now))));

        Assert.Single(claims, c => c.Result == ClaimResult.Claimed);
        Assert.All(claims.Where(c => c.Result != ClaimResult.Claimed), c => Assert.Equal(ClaimResult.InProgress, c.Result));
        // Ten minutes on, the claim is stale (its instance died before recording Slack's answer): again exactly one retakes it.
        var later = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            new DeliveryStore(instances[i % instances.Count]).Claim("T0TEAM/weekly-report/2026-W47/C0GROWTH", GrowthBotApp.TeamId, "weekly-report", "C0GROWTH", Now + DeliveryStore.StaleClaim))));
        Assert.Single(later, c => c.Result == ClaimResult.Claimed);
        foreach (var instance in instances) await instance.DisposeAsync();
    }

    [Theory]
    [InlineData("Asiakkaat haluavat lyhyempiä sähköposteja maanantaisin", "SÄHKÖPOST")]
    [InlineData("Клиенты предпочитают короткие письма по понедельникам", "письм короче")]
    [InlineData("Kunder föredrar korta mejl på måndagar", "mejl")]
    [InlineData("Müşteriler pazartesi günleri kısa e-postaları tercih ediyor", "kısa")]
    public async Task Learnings_are_found_by_the_start_of_their_words_in_the_teams_languages(string learning, string typed)
    {
        await using var app = await GrowthBotApp.Start();
        var learnings = app.Service<LearningStore>();
        await learnings.Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Icp, Text = learning, CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });
        await learnings.Add(new Learning { TeamId = GrowthBotApp.TeamId, Kind = LearningKind.Channel, Text = "Webinars bring students, not buyers", CreatedBy = GrowthBotApp.Alice, CreatedAt = Now });

        var hit = Assert.Single(await learnings.Search(GrowthBotApp.TeamId, typed));

        Assert.Equal(SearchHit.LearningSource, hit.Source);
        Assert.Contains("*", hit.Snippet);
        Assert.Empty(await learnings.Search("T0OTHER", typed));
    }
}
