using Dapper;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;

namespace GrowthBot.Tests.Features.Experiments;

public class BudgetJourneyTests
{
    private static ViewSubmission NewIdea(SlackCall open) => ViewSubmission.Of(open)
        .Text(B.Name, "LinkedIn InMail to CMOs")
        .Text(B.Hypothesis, "CMOs of 100-person companies answer InMail")
        .Select(B.Stage, "Acquisition")
        .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7");

    private static ViewSubmission Concluding(SlackCall open) => ViewSubmission.Of(open)
        .Radio(C.Outcome, "Worked").Text(C.Result, "12 leads").Text(C.Learning, "CMOs answer InMail").Radio(C.Decision, "Scale");

    private static async Task<Experiment> RunningWithBudget(GrowthBotApp app, decimal budget = 800m)
    {
        var running = await app.Running();
        var withBudget = running with { Budget = budget, ResultUnit = "lead" };
        await app.Service<ExperimentStore>().Update(withBudget, GrowthBotApp.DefaultNow);
        return withBudget;
    }

    [Fact]
    public async Task The_new_experiment_modal_takes_a_budget_with_a_decimal_comma_and_the_unit_of_a_result()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");

        var reply = await app.Submit(NewIdea(app.Slack.Last("views.open")).Text(B.Budget, "1 250,50").Text(B.ResultUnit, "lead"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        await using var db = await app.Db();
        Assert.Equal((125050L, "lead", 0L), await db.QuerySingleAsync<(long, string, long)>("SELECT budget_cents, result_unit, spent_cents FROM experiments"));
        var stored = (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!;
        Assert.Equal(1250.50m, stored.Budget);
    }

    [Theory]
    [InlineData("-5", "can't be negative")]
    [InlineData("lots", "is not an amount")]
    public async Task A_budget_that_is_not_a_positive_amount_is_an_inline_error(string typed, string error)
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/experiment new");

        var reply = await app.Submit(NewIdea(app.Slack.Last("views.open")).Text(B.Budget, typed));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Contains(error, reply.Errors[B.Budget]);
        await using var db = await app.Db();
        Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public async Task The_edit_modal_shows_the_budget_and_keeps_a_change()
    {
        await using var app = await GrowthBotApp.Start();
        await RunningWithBudget(app);

        await app.Command("/experiment edit E1");
        var open = app.Slack.Last("views.open");
        var budget = open.View!["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == B.Budget)!;
        Assert.Equal("800", budget["element"]!["initial_value"]!.GetValue<string>());

        await app.Submit(ViewSubmission.Of(open).Text(B.Budget, "950.5"));

        Assert.Equal(950.5m, (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!.Budget);
    }

    [Fact]
    public async Task Experiment_spend_records_the_total_so_far_keeps_its_history_and_the_card_shows_it()
    {
        await using var app = await GrowthBotApp.Start();
        await RunningWithBudget(app);

        var first = await app.Command("/experiment spend E1 250");
        app.Time.Advance(TimeSpan.FromDays(1));
        var second = await app.Command("/experiment spend E1 +250");

        Assert.Contains("€250 of €800 spent", first.Text);
        Assert.Contains("€500 of €800 spent", second.Text);
        var history = await app.Service<ExperimentStore>().SpendRecorded(GrowthBotApp.TeamId, DateTimeOffset.MaxValue);
        Assert.Equal([250m, 500m], history.Select(h => h.Spent));
        Assert.Equal([GrowthBotApp.DefaultNow, GrowthBotApp.DefaultNow.AddDays(1)], history.Select(h => h.RecordedAt));

        var card = await app.Command("/experiment show E1");
        Assert.Contains("*Budget and results*\n€500 of €800 spent", card.Text);
    }

    [Fact]
    public async Task Spend_over_the_budget_is_said_and_bad_amounts_are_explained()
    {
        await using var app = await GrowthBotApp.Start();
        await RunningWithBudget(app);

        Assert.Contains("€100 over its budget", (await app.Command("/experiment spend E1 900")).Text);
        Assert.Contains("can't be negative", (await app.Command("/experiment spend E1 -5")).Text);
        Assert.Contains("is not an amount", (await app.Command("/experiment spend E1 much")).Text);
        Assert.Contains("How much has E1 cost", (await app.Command("/experiment spend E1")).Text);
        Assert.Equal(900m, (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!.Spent);
    }

    [Fact]
    public async Task Only_the_owner_or_a_lead_records_spend_and_only_while_it_runs()
    {
        await using var app = await GrowthBotApp.Start();
        await RunningWithBudget(app);
        await app.Idea("Cold calls");

        Assert.Contains("Only its owner", (await app.Command("/experiment spend E1 100", user: GrowthBotApp.Bob)).Text);
        Assert.Contains("isn't running", (await app.Command("/experiment spend E2 100")).Text);
        Assert.Equal(0m, (await app.Service<ExperimentStore>().Find(GrowthBotApp.TeamId, 1))!.Spent);
    }

    [Fact]
    public async Task Concluding_with_spend_and_results_shows_the_cost_per_result_on_the_card()
    {
        await using var app = await GrowthBotApp.Start();
        await RunningWithBudget(app);
        await app.Command("/experiment spend E1 300");
        await app.Command("/experiment conclude E1");
        var open = app.Slack.Last("views.open");
        Assert.Contains("Spent in all (€)", open.AllText);
        Assert.Contains("Results (number of leads)", open.AllText);

        var reply = await app.Submit(Concluding(open).Text(C.Spent, "500").Text(C.Results, "12"));

        Assert.True(reply.IsEmptyAck, reply.Raw);
        var confirmation = await app.Slack.WaitFor("response_url");
        Assert.Contains("€500 of €800 spent · 12 leads · €41.67 per lead", confirmation.AllText);
        var card = await app.Command("/experiment show E1");
        Assert.Contains("€500 of €800 spent · 12 leads · €41.67 per lead", card.Text);
        Assert.Equal([300m, 500m], (await app.Service<ExperimentStore>().SpendRecorded(GrowthBotApp.TeamId, DateTimeOffset.MaxValue)).Select(h => h.Spent));
    }

    [Theory]
    [InlineData(C.Spent, "-20", "can't be negative")]
    [InlineData(C.Spent, "a lot", "is not an amount")]
    [InlineData(C.Results, "twelve", "is not a number")]
    [InlineData(C.Results, "-1", "can't be negative")]
    [InlineData(C.Results, "2.5", "whole results")]
    public async Task Bad_money_or_results_in_the_conclude_modal_are_inline_errors(string block, string typed, string error)
    {
        await using var app = await GrowthBotApp.Start();
        var running = await RunningWithBudget(app);
        await app.Command("/experiment conclude E1");

        var reply = await app.Submit(Concluding(app.Slack.Last("views.open")).Text(block, typed));

        Assert.Equal("errors", reply.ResponseAction);
        Assert.Contains(error, reply.Errors[block]);
        Assert.Equal(ExperimentStatus.Running, (await app.Reload(running)).Status);
    }

    [Fact]
    public async Task Amounts_are_shown_in_the_team_currency()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, Currency = "SEK" }, CancellationToken.None);
        await RunningWithBudget(app, 8000m);

        var reply = await app.Command("/experiment spend E1 2500,5");

        Assert.Contains("2,500.50 kr of 8,000 kr spent", reply.Text);
    }
}
