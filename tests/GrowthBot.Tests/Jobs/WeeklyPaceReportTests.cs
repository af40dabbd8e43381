using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Okrs;
using GrowthBot.Jobs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Jobs;

/// <summary>The weekly report's pace lines, the KPI a key result counts, and the review when the objective's period ends.</summary>
public class WeeklyPaceReportTests
{
    private static readonly OkrPeriod Q4 = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));

    private static IReadOnlyList<SlackCall> Posts(GrowthBotApp app) =>
        app.Slack.CallsTo("chat.postMessage").Where(c => c.Str("channel") == GrowthBotApp.GrowthChannel).ToList();

    /// <summary>Leads (counting KPI K1) 0 → 100 for Alice and deals 0 → 10 for Bob over Q4 2026; 26 leads checked in on Thursday 12 November.</summary>
    private static async Task Seed(GrowthBotApp app)
    {
        var lead = await app.Service<KpiStore>().Add(new Kpi
        {
            TeamId = GrowthBotApp.TeamId, Name = "Lead", Definition = "A decision-maker at an ICP company who booked a call", OwnerId = GrowthBotApp.Alice,
            Unit = "leads", CreatedBy = GrowthBotApp.Lead, CreatedAt = new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.Zero),
        });
        var okrs = app.Service<OkrStore>();
        var okr = await okrs.SetObjective(GrowthBotApp.TeamId, "Grow new business", "Q4 2026", Q4,
        [
            new KeyResultDraft("New leads", 0, 100, "leads", GrowthBotApp.Alice, CountsLeads: true, KpiNumber: lead.Kpi!.Number),
            new KeyResultDraft("Closed deals", 0, 10, "deals", GrowthBotApp.Bob),
        ], GrowthBotApp.Lead, new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        await okrs.AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, 26, KrConfidence.OnTrack, "", GrowthBotApp.Alice, new DateTimeOffset(2026, 11, 12, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Mondays_report_gives_last_weeks_result_against_its_target_and_the_quarter_with_what_each_key_result_counts()
    {
        await using var app = await GrowthBotApp.Start();
        await Seed(app);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        // The report of the week from Monday 9 November: it began at 0 with 8 of Q4's 14 weeks left, so its target was
        // 100 ÷ 8 = 12.5, rounded up to 13; it brought 26. The line from 0 to 100 stands at 50 after 7 weeks: 24 behind.
        var report = Posts(app).First(c => c.Str("thread_ts") is null);
        Assert.Contains("*Main goal: 26/100 leads.*\n:calendar: Last week 26/13 leads · quarter 26/100, behind by 24.", report.AllText);
        Assert.DoesNotContain(SetNextPeriodButton.ActionId, report.Args.ToJsonString());

        var progress = Posts(app).Single(c => c != report && c.AllText.Contains("*Key results*"));
        Assert.Contains("*KR1* New leads: 26/100 leads\n      Last week 26/13 leads · quarter 26/100, behind by 24\n" +
                        "      _K1 Lead: A decision-maker at an ICP company who booked a call_", progress.AllText);
        Assert.Contains("*KR2* Closed deals: 0/10 deals\n      Last week 0/2 deals · quarter 0/10, behind by 5", progress.AllText);
    }

    [Fact]
    public async Task The_first_report_after_the_period_ends_gives_each_result_and_asks_the_leads_to_set_the_next_period()
    {
        await using var app = await GrowthBotApp.Start(now: new DateTimeOffset(2027, 1, 4, 10, 0, 0, TimeSpan.Zero));
        await Seed(app);

        await app.Service<ScheduledPosts>().Run(Schedule.WeeklyReport, CancellationToken.None);

        var report = Posts(app).First(c => c.Str("thread_ts") is null);
        Assert.Contains(":checkered_flag: *Q4 2026 is over* (Thu 1 Oct 2026 – Thu 31 Dec 2026). Its result:\n" +
                        "• *KR1* New leads: Quarter ended: 26/100 leads, 74 short\n• *KR2* Closed deals: Quarter ended: 0/10 deals, 10 short\n" +
                        $"<@{GrowthBotApp.Lead}>, please set the next quarter's objective and key results with `/okr set`.", report.AllText);

        await app.Click(report.Args, SetNextPeriodButton.ActionId, user: GrowthBotApp.Lead);
        var open = app.Slack.Last("views.open");
        Assert.Equal(SetOkrModal.CallbackId, open.View!["callback_id"]!.GetValue<string>());
        Assert.Contains("\"initial_date\":\"2027-01-01\"", open.View!.ToJsonString());
        Assert.Contains("\"initial_date\":\"2027-03-31\"", open.View!.ToJsonString());
    }
}
