using GrowthBot.Common;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Features.Growth;

public class SavedTimeZoneTests
{
    [Fact]
    public async Task After_a_restart_today_is_the_saved_time_zones_from_the_first_request()
    {
        // 10:00 UTC on Wednesday 18 November is already Thursday 19 November at UTC+14.
        var first = await GrowthBotApp.Start();
        first.KeepForRestart = true;
        await first.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, TimeZone = "Pacific/Kiritimati" }, CancellationToken.None);
        await first.DisposeAsync();

        // Scheduled posts are off in tests, so nothing but startup reads the saved settings.
        await using var second = await GrowthBotApp.Start(slack: first.Slack, database: first.TestDatabase);
        await second.Command("/experiment new");

        var start = second.Slack.Last("views.open").View!["blocks"]!.AsArray()
            .Single(b => b!["block_id"]?.GetValue<string>() == B.Start)!["element"]!["initial_date"]!.GetValue<string>();
        Assert.Equal("2026-11-19", start);
    }
}
