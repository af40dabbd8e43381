using GrowthBot.Common;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using Microsoft.Extensions.Logging;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;

namespace GrowthBot.Tests.Common;

public class TeamSettingsTests
{
    private const string OtherTeam = "T0OTHER";

    [Fact]
    public async Task Each_team_has_its_own_today_and_a_team_that_saved_nothing_gets_the_defaults()
    {
        await using var app = await GrowthBotApp.Start();
        // 10:00 UTC on Wednesday 18 November is already Thursday 19 November at UTC+14.
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = OtherTeam, TimeZone = "Pacific/Kiritimati", ReportChannel = "C0OTHER" }, CancellationToken.None);

        var clock = app.Service<TeamClock>();
        var settings = app.Service<TeamSettingsService>();

        Assert.Equal(new DateOnly(2026, 11, 18), clock.Today(GrowthBotApp.TeamId));
        Assert.Equal(new DateOnly(2026, 11, 19), clock.Today(OtherTeam));
        Assert.Equal((GrowthBotApp.GrowthChannel, "UTC"), (settings.For(GrowthBotApp.TeamId).ReportChannel, settings.For(GrowthBotApp.TeamId).Zone.Id));
        Assert.Equal(("C0OTHER", "Pacific/Kiritimati"), (settings.For(OtherTeam).ReportChannel, settings.For(OtherTeam).Zone.Id));
        Assert.Equal([GrowthBotApp.TeamId, OtherTeam], await settings.Teams(CancellationToken.None));
    }

    [Fact]
    public async Task A_saved_weekly_report_day_and_time_become_the_teams_cron_and_the_rest_stays_default()
    {
        await using var app = await GrowthBotApp.Start();
        var settings = app.Service<TeamSettingsService>();
        var before = settings.For(GrowthBotApp.TeamId);

        await settings.Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, ReportDay = DayOfWeek.Tuesday, ReportTime = new TimeOnly(8, 30) }, CancellationToken.None);

        var after = settings.For(GrowthBotApp.TeamId);
        Assert.Equal(("0 0 9 ? * MON", DayOfWeek.Monday, new TimeOnly(9, 0)), (before.WeeklyReportCron, before.ReportDay, before.ReportTime));
        Assert.Equal(("0 30 8 ? * TUE", DayOfWeek.Tuesday, new TimeOnly(8, 30)), (after.WeeklyReportCron, after.ReportDay, after.ReportTime));
        Assert.Equal((GrowthBotApp.GrowthChannel, true), (after.ReportChannel, after.NudgesEnabled));
    }

    [Fact]
    public async Task A_saved_time_zone_this_machine_does_not_know_falls_back_to_the_default_and_the_bot_keeps_serving()
    {
        var first = await GrowthBotApp.Start();
        first.KeepForRestart = true;
        // Saved on a machine whose time-zone database knew it; the form only offers zones it can resolve.
        await first.Service<TeamSettingsStore>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, TimeZone = "Mars/Olympus_Mons" });
        await first.DisposeAsync();
        var logs = new CapturedLogs();

        await using var second = await GrowthBotApp.Start(slack: first.Slack, database: first.TestDatabase, services: logs.AddTo);
        await second.Command("/experiment new");

        Assert.Equal("UTC", second.Service<TeamClock>().Zone(GrowthBotApp.TeamId).Id);
        var start = second.Slack.Last("views.open").View!["blocks"]!.AsArray()
            .Single(b => b!["block_id"]?.GetValue<string>() == B.Start)!["element"]!["initial_date"]!.GetValue<string>();
        Assert.Equal("2026-11-18", start);
        Assert.True(logs.Any(LogLevel.Warning, "Mars/Olympus_Mons"));
    }
}
