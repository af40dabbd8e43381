using GrowthBot.Common;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Features.Pipeline;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

public class PipelineCheckInTests
{
    private const string Sales = "U0SALES";
    private const string FarSales = "U0SALESLA";
    /// <summary>Friday 20 Nov 2026, 11:00 UTC: the pipeline ask's default time in a UTC team.</summary>
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SlackCall> DmsTo(GrowthBotApp app, string user) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == "D" + user).ToList();

    private static async Task<GrowthBotApp> WithSales(params string[] people)
    {
        var app = await GrowthBotApp.Start(now: Friday);
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, LeadQualityUsers = people }, CancellationToken.None);
        return app;
    }

    private static PipelineCheckIn CheckIn(DateTimeOffset at) => new()
    {
        TeamId = GrowthBotApp.TeamId, OpenOpportunities = 30, AverageDealSize = 4000, WinRate = 20, SalesCycleDays = 30, CreatedBy = Sales, CreatedAt = at,
    };

    [Fact]
    public async Task Sales_get_one_dm_a_week_with_a_button_that_opens_the_pipeline_modal()
    {
        await using var app = await WithSales(Sales);
        await app.Service<PipelineStore>().Add(CheckIn(Friday.AddDays(-7)));
        var posts = app.Service<ScheduledPosts>();

        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);
        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);
        await posts.Run(Schedule.CatchUp, CancellationToken.None);

        var dm = Assert.Single(DmsTo(app, Sales));
        Assert.Contains("Could you check in the pipeline's numbers for this week? Monday's report shows its velocity", dm.AllText);
        Assert.Contains("Last time: 30 open × €4,000 × 20% won ÷ 30 days.", dm.AllText);
        Assert.Empty(DmsTo(app, GrowthBotApp.Alice));

        await app.Click(dm.Args, PipelineCheckInButton.ActionId, user: Sales);
        Assert.Equal(PipelineModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nobody_is_asked_in_a_week_whose_numbers_were_checked_in()
    {
        await using var app = await WithSales(Sales);
        // Monday of the same week, in the team's zone.
        await app.Service<PipelineStore>().Add(CheckIn(new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero)));

        await app.Service<ScheduledPosts>().Run(Schedule.PipelineCheckIn, CancellationToken.None);

        Assert.Empty(DmsTo(app, Sales));
    }

    [Fact]
    public async Task The_ask_follows_the_one_dm_rule_in_each_persons_own_time_zone()
    {
        await using var app = await WithSales(Sales, FarSales);
        app.Slack.AddUser(FarSales, tz: "America/Los_Angeles");
        var posts = app.Service<ScheduledPosts>();

        // 11:00 UTC is 03:00 in Los Angeles: only the UTC sales person is asked now.
        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);
        Assert.Single(DmsTo(app, Sales));
        Assert.Empty(DmsTo(app, FarSales));

        // 10:00 in Los Angeles, the team's nudge hour there.
        app.Time.Advance(TimeSpan.FromHours(7));
        await posts.Run(Schedule.CatchUp, CancellationToken.None);
        await posts.Run(Schedule.PipelineCheckIn, CancellationToken.None);

        Assert.Single(DmsTo(app, FarSales));
        Assert.Single(DmsTo(app, Sales));
    }

    [Fact]
    public async Task Without_sales_people_set_nobody_is_asked()
    {
        await using var app = await GrowthBotApp.Start(now: Friday);

        await app.Service<ScheduledPosts>().Run(Schedule.PipelineCheckIn, CancellationToken.None);

        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
    }
}
