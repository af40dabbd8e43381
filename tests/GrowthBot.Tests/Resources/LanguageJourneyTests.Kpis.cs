using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Icp;
using GrowthBot.Domain.Kpis;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Okrs;
using GrowthBot.Tests.Fixtures;
using K = GrowthBot.Domain.Kpis.KpiDraft.Fields;

namespace GrowthBot.Tests.Resources;

/// <summary>Issue 13's surfaces (KPIs, the ICP, periods, weekly targets and pace) in the team's language, through the real app.</summary>
public partial class LanguageJourneyTests
{
    [GeneratedRegex(@"(?<![\p{L}\d])/[a-z]+(?: (?:new|edit|week|set|update|help)\b)?")]
    private static partial Regex SlashCommand();

    /// <summary>
    /// A team working in <paramref name="language"/> defines a KPI (and meets a duplicate name), writes its ICP (after an
    /// empty one is refused), sets an objective with a period and a key result counting the KPI (after a backwards period
    /// is refused), sets this week's target (after a word where a number belongs), reads /okr, the App Home, help, and a
    /// period that is over with its "set the next period" button: all of it in its language, inline errors included.
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("tr")]
    public async Task Kpis_the_icp_periods_and_weekly_targets_speak_the_team_language(string language)
    {
        await using var app = await GrowthBotApp.Start();
        await SaveSettings(app, language);
        var read = new List<string>();
        async Task<SlackReply> Command(string line, string user = GrowthBotApp.Lead)
        {
            var reply = await app.Command(line, user: user);
            read.Add(Text(reply));
            return reply;
        }
        async Task<SlackReply> Submit(ViewSubmission submission)
        {
            var reply = await app.Submit(submission);
            read.AddRange(reply.Errors.Values);
            await app.Idle();
            return reply;
        }

        // KPIs: the empty list, the modal, a definition, a duplicate name, the list and one KPI, help and a wrong word.
        await Command("/kpi");
        await Command("/kpi new");
        var kpiForm = app.Slack.Last("views.open");
        Assert.True((await Submit(ViewSubmission.Of(kpiForm, GrowthBotApp.Lead).Text(K.Name, "Zeta 1").Text(K.Definition, "Zeta 2").Text(K.Measurement, "Zeta 3")
            .Text(K.Unit, "Zeta").Radio(K.Direction, nameof(KpiDirection.HigherIsBetter)))).IsEmptyAck);
        var duplicate = await Submit(ViewSubmission.Of(kpiForm, GrowthBotApp.Lead).Text(K.Name, " zeta  1").Text(K.Definition, "Zeta 4")
            .Radio(K.Direction, nameof(KpiDirection.LowerIsBetter)));
        Assert.Contains("K1", duplicate.Errors[K.Name]);
        Assert.Contains("Zeta 1", duplicate.Errors[K.Name]);
        if (language == "fi")
            Assert.Equal("Mittarin K1 nimi on jo ”Zeta 1”. Valitse toinen nimi tai muokkaa mittaria K1 komennolla /kpi edit K1.", duplicate.Errors[K.Name]);
        var missing = await Submit(ViewSubmission.Of(kpiForm, GrowthBotApp.Lead).Text(K.Name, "").Text(K.Definition, ""));
        Assert.Equal([K.Definition, K.Name], missing.Errors.Keys.Order());
        await Command("/kpi");
        await Command("/kpi K1", GrowthBotApp.Alice);
        await Command("/kpi K9");
        await Command("/kpi KR1");
        await Command("/kpi edit");
        await Command("/kpi edit K1");
        await Command("/kpi help");
        await Command("/kpi fly");
        await Command("/kpi new", GrowthBotApp.Alice);

        // The ICP: empty, refused empty, written, shown; help and a non-lead.
        await Command("/icp");
        await Command("/icp edit");
        var icpForm = app.Slack.Last("views.open");
        var empty = await Submit(ViewSubmission.Of(icpForm, GrowthBotApp.Lead));
        Assert.True(empty.Errors.ContainsKey(IcpDraft.Block(IcpField.Titles)), empty.Raw);
        Assert.True((await Submit(ViewSubmission.Of(icpForm, GrowthBotApp.Lead).Text(IcpDraft.Block(IcpField.Titles), "Zeta 5")
            .Text(IcpDraft.Block(IcpField.Regions), "Zeta 6"))).IsEmptyAck);
        await Command("/icp", GrowthBotApp.Alice);
        await Command("/icp edit", GrowthBotApp.Alice);
        await Command("/icp help");

        // An objective with a period and a key result that counts K1: a backwards period and a unit against the KPI's are refused.
        await Command("/okr set");
        var okrForm = app.Slack.Last("views.open");
        ViewSubmission Objective() => ViewSubmission.Of(okrForm, GrowthBotApp.Lead).Text("objective", "Zeta 9").Text("period", "")
            .Text("kr1_name", "Zeta 10").Text("kr1_baseline", "0").Text("kr1_target", "100").Select("kr1_kpi", "K1").PickUser("kr1_owner", GrowthBotApp.Alice);
        var backwards = await Submit(Objective().Date("period_start", Today).Date("period_end", Today.AddDays(-30)).Text("kr1_unit", "Omega")
            .Text("kr1_target", "-5"));
        Assert.Equal(["kr1_target", "kr1_unit", "period_end"], backwards.Errors.Keys.Order());
        Assert.True((await Submit(Objective())).IsEmptyAck);
        await Command("/okr");
        await Command("/okr", GrowthBotApp.Alice);

        // This week's target: a word where a number belongs, then a number.
        await Command("/okr week", GrowthBotApp.Alice);
        var weekForm = app.Slack.Last("views.open");
        Assert.Equal(WeekTargetsModal.CallbackId, weekForm.View!["callback_id"]!.GetValue<string>());
        var word = await Submit(ViewSubmission.Of(weekForm, GrowthBotApp.Alice).Text("week_KR1", "Zeta"));
        Assert.Contains("Zeta", word.Errors["week_KR1"]);
        if (language == "fi")
            Assert.Equal("”Zeta” ei ole luku. Käytä numeroita, esim. 8 tai 2,5, tai jätä kenttä tyhjäksi, niin käytetään oletusta.", word.Errors["week_KR1"]);
        Assert.True((await Submit(ViewSubmission.Of(weekForm, GrowthBotApp.Alice).Text("week_KR1", "8"))).IsEmptyAck);
        await Command("/okr week", GrowthBotApp.Bob);
        await app.Event(new JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["channel"] = "D0HOME", ["tab"] = "home", ["event_ts"] = "1763460000.000400" });
        await app.Idle();

        // A period that is over: each key result's result, and the button to set the next one.
        await Command("/okr set");
        Assert.True((await Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead).Text("period", "")
            .Date("period_start", new DateOnly(2026, 7, 1)).Date("period_end", new DateOnly(2026, 9, 30)))).IsEmptyAck);
        var over = await Command("/okr");
        Assert.Contains(SetNextPeriodButton.ActionId, over.Raw);
        await Command("/okr week", GrowthBotApp.Alice);

        // Of the App Home, the sections this area writes into (the objective and its key results, named "Zeta …"): the
        // rest of the Home is other areas' and the other journey's.
        var all = app.Slack.Calls.Select(c => c.Method == "views.publish"
                ? string.Join("\n", c.Args["view"]!["blocks"]!.AsArray().Select(Shown).Where(t => t.Contains("Zeta", StringComparison.Ordinal)))
                : Shown(c.Args))
            .Concat(read).Where(t => t.Trim().Length > 0).ToList();
        Assert.Contains(all, t => t.Contains("Zeta 10", StringComparison.Ordinal) && t.Contains("Zeta 2", StringComparison.Ordinal) && t.Contains(":calendar:", StringComparison.Ordinal));
        Assert.Contains(all, t => t.Contains("Zeta 2", StringComparison.Ordinal) && t.Contains("Zeta 3", StringComparison.Ordinal));
        Assert.Contains(all, t => t.Contains("Zeta 5", StringComparison.Ordinal));
        var english = all.Select(t => (Text: t, Words: English(t))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));
    }

    /// <summary>The name made from a period's dates reads as each language writes a quarter or a month.</summary>
    [Theory]
    [InlineData("en", "Q4 2026", "November 2026")]
    [InlineData("fi", "Q4/2026", "Marraskuu 2026")]
    [InlineData("sv", "Q4 2026", "November 2026")]
    [InlineData("ru", "4 квартал 2026 г.", "Ноябрь 2026")]
    [InlineData("tr", "2026 4. çeyrek", "Kasım 2026")]
    public void A_period_is_named_as_the_language_names_it(string language, string quarter, string month)
    {
        var words = GrowthBot.Resources.Wording.For(GrowthBot.Resources.Language.Find(language)!);
        Assert.Equal(quarter, words.PeriodName(GrowthBot.Domain.Okrs.OkrPeriod.QuarterOf(Today)));
        Assert.Equal(month, words.PeriodName(GrowthBot.Domain.Okrs.OkrPeriod.MonthOf(Today)));
    }

    /// <summary>
    /// Every problem of KPIs, the ICP, periods and weekly targets, worded in every language with the arguments the checks
    /// give: no placeholder left without its value, no English in the other four.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("tr")]
    public void The_checks_of_kpis_the_icp_periods_and_weekly_targets_are_worded_in_every_language(string language)
    {
        var words = GrowthBot.Resources.Wording.For(GrowthBot.Resources.Language.Find(language)!);
        (string, object?)[] kpi = [("id", "K3"), ("name", "Zeta"), ("unit", "Zeta"), ("baseline", 1200.5m)];
        var problems = new Dictionary<ProblemCode, (string, object?)[]>
        {
            [ProblemCode.KpiNoLonger] = [("id", "K3")], [ProblemCode.PeriodStartMissing] = [], [ProblemCode.PeriodEndMissing] = [],
            [ProblemCode.PeriodEndsBeforeStart] = [], [ProblemCode.PeriodTooShort] = [("days", 4)], [ProblemCode.PeriodTooLong] = [],
            [ProblemCode.KpiHasNoUnit] = kpi, [ProblemCode.KpiUnitDiffers] = kpi, [ProblemCode.TargetShouldBeBelow] = kpi, [ProblemCode.TargetShouldBeAbove] = kpi,
            [ProblemCode.KpiNameMissing] = [], [ProblemCode.KpiNameTaken] = kpi, [ProblemCode.KpiDefinitionMissing] = [], [ProblemCode.KpiOwnerMissing] = [],
            [ProblemCode.KpiDirectionMissing] = [], [ProblemCode.IcpEmpty] = [], [ProblemCode.WeeklyTargetNotANumber] = [("typed", "Zeta")],
            [ProblemCode.WeeklyTargetNegativeDown] = [("id", "KR2")], [ProblemCode.WeeklyTargetNegative] = [("id", "KR2")], [ProblemCode.WeeklyTargetTooLarge] = [],
        };
        foreach (var (code, args) in problems)
        {
            var said = words.Say(new Problem(code, args));
            Assert.False(string.IsNullOrWhiteSpace(said), code.ToString());
            if (language != "en") Assert.True(English(said).Count == 0, $"{code}: {said}");
        }
        Assert.Contains(language switch { "en" => "1,200.5", "fi" or "sv" or "ru" => "1 200,5", _ => "1.200,5" },
            words.Say(new Problem(ProblemCode.TargetShouldBeAbove, kpi)).Replace('\u00a0', ' ').Replace('\u202f', ' '));
    }
}
