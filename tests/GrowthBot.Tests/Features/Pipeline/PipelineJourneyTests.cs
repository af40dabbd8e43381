using Dapper;
using GrowthBot.Common;
using GrowthBot.Features.Pipeline;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using P = GrowthBot.Features.Pipeline.PipelineModal.Blocks;

namespace GrowthBot.Tests.Features.Pipeline;

public class PipelineJourneyTests
{
    private const string Sales = "U0SALES";

    private static async Task<GrowthBotApp> WithSales()
    {
        var app = await GrowthBotApp.Start();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, LeadQualityUsers = [Sales] }, CancellationToken.None);
        return app;
    }

    private static ViewSubmission Numbers(SlackCall open, string opportunities, string deal, string winRate, string cycle, string user = Sales) =>
        ViewSubmission.Of(open, user).Text(P.OpenOpportunities, opportunities).Text(P.AverageDealSize, deal).Text(P.WinRate, winRate).Text(P.SalesCycleDays, cycle);

    [Fact]
    public async Task Growth_pipeline_opens_the_modal_and_a_check_in_stores_the_numbers_and_shows_the_velocity()
    {
        await using var app = await WithSales();

        var reply = await app.Command("/growth pipeline", user: Sales);

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var open = app.Slack.Last("views.open");
        Assert.Equal(PipelineModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.Contains("Average deal size (€)", open.AllText);

        var saved = await app.Submit(Numbers(open, "40", "5 000", "24", "20"));

        Assert.True(saved.IsEmptyAck, saved.Raw);
        var stored = Assert.Single(await app.Service<PipelineStore>().All(GrowthBotApp.TeamId));
        Assert.Equal((40, 5000m, 24m, 20, Sales), (stored.OpenOpportunities, stored.AverageDealSize, stored.WinRate, stored.SalesCycleDays, stored.CreatedBy));
        await using (var db = await app.Db())
            Assert.Equal((500000L, 2400L), await db.QuerySingleAsync<(long, long)>("SELECT average_deal_cents, win_rate_hundredths FROM pipeline_check_ins"));
        // 40 × 5,000 × 24% ÷ 20 days
        Assert.Equal(2400m, stored.Velocity);
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("€2,400 a day (40 open × €5,000 × 24% won ÷ 20 days), checked in Wed 18 Nov: the first check-in.", confirmation.AllText);
    }

    [Fact]
    public async Task The_next_check_in_is_prefilled_and_says_the_change_and_which_number_moved_it_most()
    {
        await using var app = await WithSales();
        await app.Command("/growth pipeline", user: Sales);
        await app.Submit(Numbers(app.Slack.Last("views.open"), "40", "5000", "24", "20"));
        app.Time.Advance(TimeSpan.FromDays(7));

        await app.Command("/growth pipeline", user: Sales);
        var open = app.Slack.Last("views.open");
        var opportunities = open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == P.OpenOpportunities)!;
        Assert.Equal("40", opportunities["element"]!["initial_value"]!.GetValue<string>());
        // Deal size 5,000 → 5,500 alone adds 240 a day; win rate 24% → 30% alone adds 600: the win rate moved it most.
        await app.Submit(Numbers(open, "40", "5500", "30", "20"));

        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("+€900"));
        Assert.Contains("€3,300 a day", confirmation.AllText);
        Assert.Contains("+€900 since Wed 18 Nov; the win rate (24% → 30%) moved it most.", confirmation.AllText);
        Assert.Equal(2, (await app.Service<PipelineStore>().All(GrowthBotApp.TeamId)).Count);
    }

    [Theory]
    [InlineData("abc", "5000", "24", "20", P.OpenOpportunities, "whole number")]
    [InlineData("40", "-5", "24", "20", P.AverageDealSize, "can't be negative")]
    [InlineData("40", "five", "24", "20", P.AverageDealSize, "is not an amount")]
    [InlineData("40", "5000", "120", "20", P.WinRate, "from 0 to 100")]
    [InlineData("40", "5000", "-1", "20", P.WinRate, "from 0 to 100")]
    [InlineData("40", "5000", "24", "0", P.SalesCycleDays, "from 1 to")]
    [InlineData("40", "5000", "24", "soon", P.SalesCycleDays, "whole days")]
    public async Task Bad_numbers_are_inline_errors_and_nothing_is_stored(string opportunities, string deal, string winRate, string cycle, string block, string error)
    {
        await using var app = await WithSales();
        await app.Command("/growth pipeline", user: Sales);

        var reply = await app.Submit(Numbers(app.Slack.Last("views.open"), opportunities, deal, winRate, cycle));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Contains(error, reply.Errors[block]);
        Assert.Empty(await app.Service<PipelineStore>().All(GrowthBotApp.TeamId));
    }

    [Fact]
    public async Task A_decimal_comma_win_rate_and_a_percent_sign_are_read()
    {
        await using var app = await WithSales();
        await app.Command("/growth pipeline", user: GrowthBotApp.Lead);

        await app.Submit(Numbers(app.Slack.Last("views.open"), "10", "1 000,50", "12,5%", "30", user: GrowthBotApp.Lead));

        var stored = Assert.Single(await app.Service<PipelineStore>().All(GrowthBotApp.TeamId));
        Assert.Equal((1000.50m, 12.5m), (stored.AverageDealSize, stored.WinRate));
    }

    [Fact]
    public async Task Someone_neither_in_sales_nor_a_lead_is_told_who_checks_in()
    {
        await using var app = await WithSales();

        var reply = await app.Command("/growth pipeline", user: GrowthBotApp.Bob);

        Assert.Contains("Only the sales people", reply.Text);
        Assert.Empty(app.Slack.CallsTo("views.open"));
    }
}
