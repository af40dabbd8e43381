using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Resources;
using GrowthBot.Storage;
using GrowthBot.Tests.Features.Experiments;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Reports;

/// <summary>What was spent, what it bought and how the pipeline moved, in the report as it goes out.</summary>
public class ReportMoneyTests
{
    private static DateTimeOffset Nov(int day, int hour = 12) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static SlackCall LastReport(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Last(c => c.Str("thread_ts") is null && c.AllText.Contains("Here's what happened"));

    /// <summary>
    /// The previous report covered 2–9 Nov: €200 spent, the main goal 0 → 10 (€20 per lead). This one, from 9 Nov: €700 more on
    /// E1 and €300 on E2, concluded with 6 results; the main goal 10 → 30 (€1,000 ÷ 20 = €50). The pipeline went from 30 to 40 open.
    /// </summary>
    private static async Task<GrowthBotApp> TwoPeriodsOfMoney()
    {
        var app = await GrowthBotApp.Start();
        var okr = await Seed.Okr(app);
        var kr = okr.KeyResults[0].Id;
        var okrs = app.Service<OkrStore>();
        var experiments = app.Service<ExperimentStore>();
        await app.PostedReport(Nov(9, 9));
        await okrs.AddCheckIn(GrowthBotApp.TeamId, kr, 10, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Nov(5));
        await okrs.AddCheckIn(GrowthBotApp.TeamId, kr, 30, KrConfidence.OnTrack, "", GrowthBotApp.Alice, Nov(12));

        var running = await Seed.Running(app, "Webinar", new DateOnly(2026, 11, 25));
        await experiments.Update(running with { Budget = 1000, ResultUnit = "sign-up" }, Nov(3));
        await experiments.RecordSpend(GrowthBotApp.TeamId, running.Id, 200, null, GrowthBotApp.Alice, Nov(5));
        await experiments.RecordSpend(GrowthBotApp.TeamId, running.Id, 900, null, GrowthBotApp.Alice, Nov(12));

        var concluded = await Seed.Experiment(app, "LinkedIn InMail to CMOs");
        await experiments.Start(GrowthBotApp.TeamId, concluded.Id, concluded.StartDate, concluded.EndDate, Nov(4));
        await experiments.Update(concluded with { Budget = 300 }, Nov(4));
        await experiments.RecordSpend(GrowthBotApp.TeamId, concluded.Id, 300, 6, GrowthBotApp.Alice, Nov(10));
        await app.Conclude((await app.Reload(concluded)), Outcome.Worked, "6 leads", "CMOs answer InMail", Decision.Scale, Nov(12));

        var pipeline = app.Service<PipelineStore>();
        var before = new PipelineCheckIn { TeamId = GrowthBotApp.TeamId, OpenOpportunities = 30, AverageDealSize = 4000, WinRate = 20, SalesCycleDays = 30, CreatedBy = "U0SALES", CreatedAt = Nov(6) };
        await pipeline.Add(before);
        await pipeline.Add(before with { OpenOpportunities = 40, CreatedAt = Nov(13) });
        return app;
    }

    [Fact]
    public async Task The_report_shows_the_period_spend_the_blended_cost_per_result_with_its_change_and_the_pipeline_velocity()
    {
        await using var app = await TwoPeriodsOfMoney();

        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        var report = LastReport(app).AllText;
        Assert.Contains("*Spent since Monday 9 Nov:* €1,000 on experiments. *Blended cost per result:* €50 (€1,000 ÷ 20 new leads on KR1), " +
                        "up €30 from €20 in the previous report (+150%).", report);
        Assert.Contains("*Spend:* €300 of €300 spent · 6 results · €50 per result", report);
        Assert.Contains("*E1 Webinar*: day 1 of 8, ends Wed 25 Nov · no tasks yet · €900 of €1,000 spent.", report);
        Assert.Contains("*Pipeline velocity:* €1,066.67 a day (40 open × €4,000 × 20% won ÷ 30 days), checked in Fri 13 Nov, " +
                        "+€266.67 since Fri 6 Nov; open opportunities (30 → 40) moved it most.", report);
    }

    [Fact]
    public async Task A_Finnish_team_reads_the_spend_and_the_blended_cost_per_result_in_Finnish_sentences()
    {
        await using var app = await TwoPeriodsOfMoney();
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings { TeamId = GrowthBotApp.TeamId, Language = "fi" }, CancellationToken.None);
        var fi = Wording.For(Language.Finnish);
        string Euros(decimal amount) => fi.Money(amount, Currency.Euro);
        var unit = (await app.Service<OkrStore>().Current(GrowthBotApp.TeamId))!.KeyResults[0].Unit;

        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        var report = app.Slack.CallsTo("chat.postMessage").Last(c => c.Str("thread_ts") is null && c.AllText.Contains("Hei kaikki!")).AllText;
        Assert.Contains($"*Kulut ma 9.11. alkaen:* {Euros(1000)} kokeiluihin. *Kokonaishinta per tulos:* {Euros(50)} ({Euros(1000)} ÷ {fi.Quantity(20, unit)}, KR1), " +
                        $"nousua {Euros(30)} edellisen raportin hinnasta {Euros(20)} (+{fi.Percent(150)}).", report);
        Assert.Contains("\n*Kulut:* ", report);
        Assert.Contains("*Myyntiputken nopeus:* ", report);
    }

    [Fact]
    public async Task The_preview_says_word_for_word_what_would_go_out()
    {
        await using var app = await TwoPeriodsOfMoney();

        var preview = await app.Command("/growth report");

        Assert.Contains("€50 (€1,000 ÷ 20 new leads on KR1), up €30 from €20", preview.Text);
        Assert.Contains("+€266.67 since Fri 6 Nov", preview.Text);
    }

    [Fact]
    public async Task Without_growth_of_the_main_goal_there_is_no_cost_per_result_and_a_team_without_money_sees_no_money_line()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed.Okr(app);
        var running = await app.Running();

        await app.Command("/growth report now", user: GrowthBotApp.Lead);
        Assert.DoesNotContain("Spent", LastReport(app).AllText);
        Assert.DoesNotContain("Pipeline velocity", LastReport(app).AllText);

        await app.Service<ExperimentStore>().RecordSpend(GrowthBotApp.TeamId, running.Id, 120, null, GrowthBotApp.Alice, GrowthBotApp.DefaultNow.AddMinutes(1));
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await app.Command("/growth report now", user: GrowthBotApp.Lead);

        Assert.Contains("*Spent since 10:00 today:* €120 on experiments. *Blended cost per result:* none, as KR1 New leads did not grow (0 new leads).", LastReport(app).AllText);
    }
}
