using System.Text.Json.Nodes;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Money;
using GrowthBot.Features.Pipeline;
using GrowthBot.Jobs;
using GrowthBot.Resources;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using B = GrowthBot.Features.Experiments.ExperimentForm.Blocks;
using C = GrowthBot.Features.Experiments.ConcludeExperimentModal.Blocks;
using P = GrowthBot.Features.Pipeline.PipelineModal.Blocks;

namespace GrowthBot.Tests.Resources;

/// <summary>Issue 14's money, boards and pipeline in the team's language, through the real app.</summary>
public partial class LanguageJourneyTests
{
    private const string Sales = "U0SALES";

    /// <summary>Friday 20 Nov 2026, 11:00 UTC: when the weekly pipeline ask is due in a UTC team.</summary>
    private static readonly DateTimeOffset PipelineAskDue = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A team working in <paramref name="language"/> gives an experiment a budget, records spend and results, concludes it with
    /// its spend, reads the boards, is asked for the pipeline's numbers, checks them in twice (once with a win rate of 150) and
    /// opens the App Home: no English anywhere, and amounts in the language's own form.
    /// </summary>
    [Theory]
    [InlineData("fi", "kulut 300_€ / budjetti 800_€ · 12 × Zeta · 25_€ per Zeta")]
    [InlineData("sv", "300_€ av 800_€ förbrukat · 12 × Zeta · 25_€ per Zeta")]
    [InlineData("ru", "потрачено 300_€ из 800_€ · 12 × Zeta · 25_€ / Zeta")]
    [InlineData("tr", "harcama €300 / bütçe €800 · 12 Zeta · Zeta başına €25")]
    public async Task A_team_in_its_own_language_meets_no_English_in_budgets_boards_and_the_pipeline(string language, string moneyLine)
    {
        // Finnish, Swedish and Russian write the symbol after the amount, joined by a no-break space (here "_").
        moneyLine = moneyLine.Replace('_', '\u00a0');
        await using var app = await GrowthBotApp.Start(now: PipelineAskDue);
        await app.Service<TeamSettingsService>().Save(new SavedTeamSettings
        {
            TeamId = GrowthBotApp.TeamId, ReportChannel = GrowthBotApp.GrowthChannel, Language = language, LeadQualityUsers = [Sales],
        }, CancellationToken.None);
        var replies = new List<string>();
        async Task<SlackReply> Command(string line, string user = GrowthBotApp.Alice)
        {
            var reply = await app.Command(line, user: user);
            replies.Add(Text(reply));
            return reply;
        }

        // The weekly ask reaches the sales person in the team's language, and its button opens the modal in it.
        await app.Service<ScheduledPosts>().Run(Schedule.PipelineCheckIn, CancellationToken.None);
        var ask = Assert.Single(app.Slack.CallsTo("chat.postMessage"), c => c.Str("channel") == "D" + Sales);
        await app.Click(ask.Args, PipelineCheckInButton.ActionId, user: Sales);
        Assert.Equal(PipelineModal.CallbackId, app.Slack.Last("views.open").View!["callback_id"]!.GetValue<string>());

        await Command("/experiment new");
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open")).Text(B.Name, "Zeta 7").Text(B.Hypothesis, "Zeta 7 → 42 %").Select(B.Stage, "Acquisition")
            .Number(B.Impact, "8").Number(B.Confidence, "6").Number(B.Ease, "7").Text(B.Budget, "800").Text(B.ResultUnit, "Zeta"));
        await app.Idle();
        await Command("/experiment start E1");
        await Command("/experiment spend E1");
        await Command("/experiment spend E1 abc");
        await Command("/experiment spend E1 250");
        await Command("/experiment spend E1 +50");
        await Command("/experiment results E1");
        var halfResult = await Command("/experiment results E1 2,5");
        Assert.StartsWith(Wording.For(Language.Find(language)!).Say(new Problem(ProblemCode.ResultsNotWhole)), Text(halfResult).Trim());
        var recorded = await Command("/experiment results E1 12");
        Assert.True(Text(recorded).Contains(moneyLine, StringComparison.Ordinal), Text(recorded));
        await Command("/experiment show E1");
        await Command("/experiment conclude E1");
        var conclude = app.Slack.Last("views.open");
        var badSpend = await app.Submit(ViewSubmission.Of(conclude).Text(C.Result, "42").Text(C.Learning, "Zeta 11").Radio(C.Outcome, "DidNotWork").Radio(C.Decision, "Stop")
            .Text(C.Spent, "-3").Text(C.Results, "12"));
        Assert.Equal(Wording.For(Language.Find(language)!).Say(new Problem(ProblemCode.AmountNegative)), badSpend.Errors[C.Spent]);
        await app.Submit(ViewSubmission.Of(conclude).Text(C.Result, "42").Text(C.Learning, "Zeta 11").Radio(C.Outcome, "DidNotWork").Radio(C.Decision, "Stop")
            .Text(C.Spent, "300").Text(C.Results, "12"));
        await app.Idle();
        var board = await Command("/experiment board");
        Assert.Contains(Wording.For(Language.Find(language)!).CostPerResult(25, "Zeta", Currency.Euro), Text(board));

        await Command("/growth pipeline", GrowthBotApp.Lead);
        var pipeline = app.Slack.Last("views.open");
        var tooHigh = await app.Submit(ViewSubmission.Of(pipeline, GrowthBotApp.Lead).Text(P.OpenOpportunities, "40").Text(P.AverageDealSize, "5000").Text(P.WinRate, "150").Text(P.SalesCycleDays, "20"));
        var winRateError = tooHigh.Errors[P.WinRate];
        Assert.Equal(Wording.For(Language.Find(language)!).Say(new Problem(ProblemCode.WinRateOutOfRange, [("min", 0), ("max", 100)])), winRateError);
        Assert.NotEqual(Wording.English.Say(new Problem(ProblemCode.WinRateOutOfRange, [("min", 0), ("max", 100)])), winRateError);
        await app.Submit(ViewSubmission.Of(pipeline, GrowthBotApp.Lead).Text(P.OpenOpportunities, "40").Text(P.AverageDealSize, "5000").Text(P.WinRate, "24").Text(P.SalesCycleDays, "20"));
        await app.Idle();
        app.Time.Advance(TimeSpan.FromDays(7));
        await Command("/growth pipeline", GrowthBotApp.Lead);
        await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Text(P.OpenOpportunities, "40").Text(P.AverageDealSize, "5500").Text(P.WinRate, "30").Text(P.SalesCycleDays, "20"));
        await app.Idle();
        await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000300" });
        await app.Idle();

        var read = app.Slack.Calls.Select(c => Shown(c.Args)).Concat(replies).Where(t => t.Trim().Length > 0).ToList();
        var home = Shown(app.Slack.Last("views.publish").Args);
        Assert.Contains(Wording.For(Language.Find(language)!).Text(PipelineText.HomeHeader), home);
        Assert.Contains(Wording.For(Language.Find(language)!).Text(MoneyText.BoardDidNotWork), home);
        var words = Wording.For(Language.Find(language)!);
        Assert.Contains(words.Text(PipelineText.FactorWinRate, ("before", words.Percent(24)), ("after", words.Percent(30))), home);
        var english = read.Select(t => (Text: t, Words: English(t))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));

        // The export names and heads spend.csv and pipeline.csv in the language too.
        await app.Command("/growth export");
        await app.Slack.WaitFor("files.completeUploadExternal");
        await app.Idle();
        var files = app.Slack.CallsTo("files.getUploadURLExternal").Select(c => c.Str("filename")).ToList();
        string Header(ExportText file) => app.Slack.CallsTo("upload")[files.IndexOf(words.Text(file))].Str("content")!.TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.StartsWith($"{words.Text(ExportText.ColumnExperiment)},{words.Text(ExportText.ColumnExperimentName)},", Header(ExportText.FileSpend));
        Assert.StartsWith($"{words.Text(ExportText.ColumnOpenOpportunities)},{words.Text(ExportText.ColumnAverageDealSize)},", Header(ExportText.FilePipeline));
        Assert.DoesNotContain("spend.csv", files);
        Assert.DoesNotContain("pipeline.csv", files);
    }

    [Fact]
    public void The_result_unit_is_inflected_only_by_the_English_texts()
    {
        Assert.Equal("12 leads", Wording.English.Results(12, "lead"));
        Assert.Equal("1 company", Wording.English.Results(1, "company"));
        Assert.Equal("3 companies", Wording.English.Results(3, "company"));
        Assert.Equal("12 × liidi", Wording.For(Language.Find("fi")!).Results(12, "liidi"));
        Assert.Equal("5 × лид", Wording.For(Language.Find("ru")!).Results(5, "лид"));
        Assert.Equal("12 lead", Wording.For(Language.Find("tr")!).Results(12, "lead"));
        Assert.Equal("5 результатов", Wording.For(Language.Find("ru")!).Results(5, ""));
        Assert.Equal("Results (number of leads)", Wording.English.ResultsField("lead"));
        Assert.Equal("Tulosten määrä (yksikkö: liidi)", Wording.For(Language.Find("fi")!).ResultsField("liidi"));
    }

    [Fact]
    public void Amounts_follow_the_language_and_keep_a_word_symbol_after_the_number()
    {
        var sek = Currency.Of("SEK");
        Assert.Equal("€1,250.50", Wording.English.Money(1250.5m, Currency.Euro));
        Assert.Equal("1,250 kr", Wording.English.Money(1250, sek));
        Assert.Equal("-€50", Wording.English.Money(-50, Currency.Euro));
        Assert.Equal("1\u00a0250,50\u00a0€", Wording.For(Language.Find("fi")!).Money(1250.5m, Currency.Euro));
        Assert.Equal("€1.250,50", Wording.For(Language.Find("tr")!).Money(1250.5m, Currency.Euro));
        Assert.Equal("1.250\u00a0kr", Wording.For(Language.Find("tr")!).Money(1250, sek));
        Assert.Equal("\u2212" + "50\u00a0€", Wording.For(Language.Find("sv")!).Money(-50, Currency.Euro));
    }
}
