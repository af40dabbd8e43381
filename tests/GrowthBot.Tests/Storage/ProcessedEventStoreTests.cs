using Dapper;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Storage;

public class ProcessedEventStoreTests
{
    [Fact]
    public async Task The_app_remembers_events_in_the_database_rather_than_in_memory()
    {
        await using var app = await GrowthBotApp.Start();

        Assert.IsType<ProcessedEventStore>(app.Service<IEventDeduplicator>());
    }

    [Fact]
    public async Task An_event_seen_before_a_restart_is_still_a_duplicate_after_it()
    {
        await using var app = await GrowthBotApp.Start();
        var beforeRestart = new ProcessedEventStore(app.Service<Database>(), app.Time);
        var afterRestart = new ProcessedEventStore(app.Service<Database>(), app.Time);

        Assert.True(await beforeRestart.FirstDelivery(GrowthBotApp.TeamId, "Ev0RESTART", default));
        Assert.False(await afterRestart.FirstDelivery(GrowthBotApp.TeamId, "Ev0RESTART", default));
        Assert.True(await afterRestart.FirstDelivery("T0OTHER", "Ev0RESTART", default));
    }

    [Fact]
    public async Task Events_older_than_a_day_are_pruned_as_new_ones_arrive()
    {
        await using var app = await GrowthBotApp.Start();
        var store = new ProcessedEventStore(app.Service<Database>(), app.Time);
        await store.FirstDelivery(GrowthBotApp.TeamId, "Ev0OLD", default);
        app.Time.Advance(TimeSpan.FromHours(12));
        await store.FirstDelivery(GrowthBotApp.TeamId, "Ev0NOON", default);

        app.Time.Advance(TimeSpan.FromHours(13));
        await store.FirstDelivery(GrowthBotApp.TeamId, "Ev0NEW", default);

        await using var db = await app.Db();
        var kept = await db.QueryAsync<string>("SELECT event_id FROM processed_events ORDER BY received_at");
        Assert.Equal(["Ev0NOON", "Ev0NEW"], kept);
    }
}
