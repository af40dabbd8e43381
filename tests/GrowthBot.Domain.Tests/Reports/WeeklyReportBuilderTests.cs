using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Tests.Reports;

public class WeeklyReportBuilderTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static int _number;

    private static Experiment E(string name, ExperimentStatus status, Outcome? outcome = null, DateTimeOffset? concludedAt = null, string result = "", long? kr = null, int impact = 5) => new()
    {
        Id = ++_number + 100, Number = _number, TeamId = "T", Name = name, Hypothesis = "h", OwnerId = "U1", CreatedBy = "U1", Status = status,
        Outcome = outcome, ConcludedAt = concludedAt, Result = result, KeyResultId = kr, Ice = new IceScore(impact, 5, 5),
    };

    private static readonly KeyResult Leads = new() { Id = 7, TeamId = "T", Number = 1, Name = "New leads", Baseline = 0, Target = 100, Current = 26, Unit = "new leads", OwnerId = "U1", CreatedBy = "U1" };
    private static readonly KeyResult Retention = new() { Id = 8, TeamId = "T", Number = 2, Name = "Churn", Baseline = 10, Target = 5, Current = 8, Unit = "%", OwnerId = "U1", CreatedBy = "U1" };

    [Fact]
    public void The_report_counts_last_week_only_and_ranks_the_backlog_by_ICE()
    {
        var inMail = E("InMail", ExperimentStatus.Concluded, Outcome.Worked, From.AddDays(3), "one lead", Leads.Id);
        var old = E("Old", ExperimentStatus.Concluded, Outcome.DidNotWork, From.AddDays(-30));
        var failed = E("Cold calls", ExperimentStatus.Concluded, Outcome.DidNotWork, From.AddDays(4), "12 leads, all bad");
        var running = E("Webinar", ExperimentStatus.Running);
        var backlog = Enumerable.Range(1, 5).Select(i => E($"Idea {i}", ExperimentStatus.Backlog, impact: i + 4)).ToList();

        var report = WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            From = DateOnly.FromDateTime(From.UtcDateTime), To = DateOnly.FromDateTime(To.UtcDateTime), FromInstant = From, ToInstant = To,
            Experiments = [inMail, old, failed, running, .. backlog], KeyResults = [Retention, Leads],
            Blocks = [new TaskBlock { Reason = BlockReason.Budget, CreatedBy = "U1" }, new TaskBlock { Reason = BlockReason.Budget, CreatedBy = "U2" }, new TaskBlock { Reason = BlockReason.Skills, CreatedBy = "U1" }],
            Postponements = [new Postponement { Reason = "x", CreatedBy = "U2" }],
            Feedback = [new LeadFeedback { TeamId = "T", ExperimentId = inMail.Id, Quality = LeadQuality.Good, Reason = LeadQualityReason.TooSmall, CreatedBy = "U9" }],
        });

        Assert.Equal(["InMail", "Cold calls"], report.Concluded.Select(e => e.Name));
        Assert.Equal(26, report.MainGoal!.Percent);
        Assert.Equal(40, report.KeyResults[1].Percent); // churn 10 → 8 of the way to 5
        Assert.Equal(["Idea 5", "Idea 4", "Idea 3"], report.NextUp.Select(e => e.Name));
        Assert.Equal([(BlockReason.Budget, 2), (BlockReason.Skills, 1)], report.BlockersByReason);
        Assert.Equal(1, report.Postponements);
        Assert.Equal([("U2", 1)], report.PostponementsByPerson);
        Assert.Equal(new WinRate(1, 3), report.WinRateAllTime);
        Assert.Equal((1, 2, 50), (report.WinRateLast4Weeks.Worked, report.WinRateLast4Weeks.Concluded, report.WinRateLast4Weeks.Percent));
        Assert.Equal([inMail], report.AskAbout);
        Assert.Equal((1, 0, 0), (report.Feedback[0].Good, report.Feedback[0].Mixed, report.Feedback[0].Poor));
    }

    [Theory]
    [InlineData(Outcome.Worked, "We got one lead", null, true)]
    [InlineData(Outcome.Inconclusive, "12 Leads", null, true)]
    [InlineData(Outcome.DidNotWork, "12 leads", null, false)]
    [InlineData(Outcome.Worked, "CTR went up; misleading chart", null, false)]
    [InlineData(Outcome.Worked, "CTR 60%", 7L, true)]
    [InlineData(Outcome.Worked, "churn down", 8L, false)]
    public void Experiments_produced_leads_when_they_worked_or_were_inconclusive_and_leads_are_what_they_measured(Outcome outcome, string result, long? keyResult, bool expected)
    {
        var experiment = E("x", ExperimentStatus.Concluded, outcome, From, result, keyResult) with { Metric = "CTR" };
        Assert.Equal(expected, LeadSources.ProducedLeads(experiment, [Leads, Retention]));
    }
}
