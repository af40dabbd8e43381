using Dapper;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Okrs;

/// <summary>
/// Periods and weekly goals under them, through the real app. "Now" is Wednesday 18 November 2026: Q4 2026 runs from
/// Thursday 1 October to Thursday 31 December, so its weeks are the 14 Mondays from 28 September to 28 December, and
/// now is in week 8 (from Monday 16 November), with 7 weeks left counting this one.
/// </summary>
public class WeeklyPaceTests
{
    private static readonly DateTimeOffset LastThursday = new(2026, 11, 12, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThisMonday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// New leads 0 → 100 (Alice) and churn 8 → 5 % (Bob) over Q4 2026. Leads: 20 last Thursday, 26 this Monday, so the
    /// week started at 20 and has brought 6. Churn: 6.5 last Thursday, well ahead of the line.
    /// </summary>
    private static async Task<OkrSnapshot> Seed(GrowthBotApp app)
    {
        var okrs = app.Service<OkrStore>();
        var okr = await okrs.SetObjective(GrowthBotApp.TeamId, "100 new leads", "Q4 2026", new OkrPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)),
        [
            new KeyResultDraft("New leads", 0, 100, "leads", GrowthBotApp.Alice),
            new KeyResultDraft("Churn", 8, 5, "%", GrowthBotApp.Bob),
        ], GrowthBotApp.Lead, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 20, KrConfidence.AtRisk, "", GrowthBotApp.Alice, LastThursday);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26, KrConfidence.AtRisk, "", GrowthBotApp.Alice, ThisMonday);
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[1].Id, 6.5m, KrConfidence.OnTrack, "", GrowthBotApp.Bob, LastThursday);
        return okr;
    }

    [Fact]
    public async Task The_period_defaults_to_the_current_quarter_its_name_comes_from_its_dates_and_a_wrong_period_is_answered_inline()
    {
        await using var app = await GrowthBotApp.Start();
        await app.Command("/okr set", user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var json = open.View!.ToJsonString();
        Assert.Contains("\"initial_date\":\"2026-10-01\"", json);
        Assert.Contains("\"initial_date\":\"2026-12-31\"", json);
        ViewSubmission Typed() => ViewSubmission.Of(open, GrowthBotApp.Lead).Text("objective", "100 new leads")
            .Text("kr1_name", "New leads").Text("kr1_baseline", "0").Text("kr1_target", "100").Text("kr1_unit", "leads");

        var backwards = await app.Submit(Typed().Date("period_start", new DateOnly(2026, 12, 1)).Date("period_end", new DateOnly(2026, 11, 1)));
        Assert.Contains("ends before it starts", backwards.Errors["period_end"]);
        var tooShort = await app.Submit(Typed().Date("period_start", new DateOnly(2026, 11, 1)).Date("period_end", new DateOnly(2026, 11, 4)));
        Assert.Contains("at least a week", tooShort.Errors["period_end"]);
        var noStart = await app.Submit(Typed().Date("period_start", null));
        Assert.Contains("first day", noStart.Errors["period_start"]);
        await using (var db = await app.Db()) Assert.Equal(0L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM objectives"));

        Assert.True((await app.Submit(Typed())).IsEmptyAck);
        await app.Idle();
        var quarter = (await app.Service<OkrStore>().Current(GrowthBotApp.TeamId))!.Objective;
        Assert.Equal(("Q4 2026", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (quarter.Period, quarter.StartsOn, quarter.EndsOn));

        await app.Command("/okr set", user: GrowthBotApp.Lead);
        Assert.True((await app.Submit(ViewSubmission.Of(app.Slack.Last("views.open"), GrowthBotApp.Lead)
            .Date("period_start", new DateOnly(2026, 11, 1)).Date("period_end", new DateOnly(2026, 11, 30)))).IsEmptyAck);
        await app.Idle();
        var month = (await app.Service<OkrStore>().Current(GrowthBotApp.TeamId))!.Objective;
        Assert.Equal("November 2026", month.Period);
        var overview = await app.Command("/okr");
        // 1 November is a Sunday: the month's weeks are the six Mondays from 26 October, and this is the fourth.
        Assert.Contains("North Star · November 2026 (Sun 1 Nov – Mon 30 Nov) · week 4 of 6", overview.Text);
        Assert.Contains("This week 0/34 leads · month 0/100, behind by 50", overview.Text);
    }

    [Fact]
    public async Task Okr_and_the_app_home_show_each_key_result_this_week_against_the_quarter_and_check_ins_count_in_their_own_week()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);

        var overview = await app.Command("/okr", user: GrowthBotApp.Bob);
        Assert.Contains("North Star · Q4 2026 (Thu 1 Oct – Thu 31 Dec) · week 8 of 14", overview.Text);
        // Week 8 started at 20 (last Thursday's check-in counts in last week): (100 − 20) ÷ 7 weeks = 11.4, rounded up to 12.
        // The line from 0 to 100 over 14 weeks stands at 50 after 7 of them: 26 is behind by 24.
        Assert.Contains("This week 6/12 leads · quarter 26/100, behind by 24", overview.Text);
        // Churn 8 → 5 %: the week started at 6.5, so 1.5 points are left over 7 weeks (0.22 a week, rounded up); 6.5 is below the line's 6.5.
        Assert.Contains("This week down 0%/0.22% · quarter 6.5/5, on pace", overview.Text);

        await app.Event(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_home_opened", ["user"] = GrowthBotApp.Alice, ["tab"] = "home" });
        var home = await app.Slack.WaitFor("views.publish", c => c.AllText.Contains("KR1"));
        Assert.Contains("This week 6/12 leads · quarter 26/100, behind by 24", home.AllText);
        Assert.Contains("week 8 of 14", home.AllText);
    }

    [Fact]
    public async Task An_owner_sets_this_weeks_target_for_their_own_key_result_and_a_lead_for_any()
    {
        await using var app = await GrowthBotApp.Start();
        var okr = await Seed(app);

        await app.Command("/okr week", user: GrowthBotApp.Alice);
        var open = app.Slack.Last("views.open");
        Assert.Equal(WeekTargetsModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        var fields = open.View!["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.Equal(["week_KR1"], fields.Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.Equal("KR1 New leads", fields[0]!["label"]!["text"]!.GetValue<string>());
        Assert.Contains("Default 12 leads this week: 80 leads left ÷ 7 weeks", fields[0]!["hint"]!["text"]!.GetValue<string>());

        Assert.Contains("is not a number", (await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Alice).Text("week_KR1", "eight"))).Errors["week_KR1"]);
        Assert.Contains("0 or more", (await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Alice).Text("week_KR1", "-2"))).Errors["week_KR1"]);
        Assert.True((await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Alice).Text("week_KR1", "8"))).IsEmptyAck);
        var confirmation = await app.Slack.WaitFor("response_url", c => c.AllText.Contains("This week's targets"));
        Assert.Contains("*KR1 New leads*: 8 leads (set by hand)", confirmation.AllText);

        await using (var db = await app.Db())
        {
            var row = await db.QuerySingleAsync<(string WeekStart, double Target, string SetBy)>(
                "SELECT CAST(week_start AS TEXT), target, set_by FROM weekly_targets WHERE team_id = @TeamId", new { TeamId = GrowthBotApp.TeamId });
            Assert.Equal(("2026-11-16", 8d, GrowthBotApp.Alice), row);
        }
        Assert.Contains("This week 6/8 leads · quarter 26/100, behind by 24", (await app.Command("/okr")).Text);

        // Alice may not set Bob's target, even by sending the lead's form.
        await app.Command("/okr week", user: GrowthBotApp.Lead);
        var leads = app.Slack.Last("views.open");
        Assert.Contains("\"initial_value\":\"8\"", leads.View!.ToJsonString());
        var forged = await app.Submit(ViewSubmission.Of(leads, GrowthBotApp.Alice).Text("week_KR2", "1"));
        Assert.Contains("KR2 belongs to", forged.Errors["week_KR2"]);

        // The lead clears KR1 (back to the default) and sets KR2.
        Assert.True((await app.Submit(ViewSubmission.Of(leads, GrowthBotApp.Lead).Text("week_KR1", "").Text("week_KR2", "0,3"))).IsEmptyAck);
        await app.Idle();
        var overview = await app.Command("/okr");
        Assert.Contains("This week 6/12 leads", overview.Text);
        Assert.Contains("This week down 0%/0.3%", overview.Text);

        app.Slack.AddUser("U0CAROL");
        Assert.Contains("you own none", (await app.Command("/okr week", user: "U0CAROL")).Text);
        Assert.Contains("/okr week", (await app.Command("/okr help")).Text);
        _ = okr;
    }

    [Fact]
    public async Task When_the_period_is_over_okr_gives_each_key_results_result_and_offers_leads_the_next_period()
    {
        await using var app = await GrowthBotApp.Start(now: new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        await Seed(app);

        var member = await app.Command("/okr", user: GrowthBotApp.Alice);
        Assert.Contains("Q4 2026 is over", member.Text);
        Assert.Contains("Quarter ended: 26/100 leads, 74 short", member.Text);
        Assert.DoesNotContain(SetNextPeriodButton.ActionId, member.Body!.ToJsonString());
        Assert.Contains("is over", (await app.Command("/okr week", user: GrowthBotApp.Alice)).Text);

        var lead = await app.Command("/okr", user: GrowthBotApp.Lead);
        await app.Click(lead.Body!, SetNextPeriodButton.ActionId, user: GrowthBotApp.Alice);
        Assert.Contains("is for a growth lead", (await app.Slack.WaitFor("response_url", c => c.AllText.Contains("growth lead"))).AllText);
        await app.Click(lead.Body!, SetNextPeriodButton.ActionId, user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        var json = open.View!.ToJsonString();
        Assert.Contains("\"initial_date\":\"2027-01-01\"", json);
        Assert.Contains("\"initial_date\":\"2027-03-31\"", json);
        Assert.Contains("Q1 2027", json);
        Assert.True((await app.Submit(ViewSubmission.Of(open, GrowthBotApp.Lead))).IsEmptyAck);
        await app.Idle();
        Assert.Equal("Q1 2027", (await app.Service<OkrStore>().Current(GrowthBotApp.TeamId))!.Objective.Period);
    }
}
