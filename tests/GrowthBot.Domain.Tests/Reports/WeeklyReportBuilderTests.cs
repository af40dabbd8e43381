using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Tests.Reports;

public class WeeklyReportBuilderTests
{
    // A report asked for on Wednesday 18 Nov 10:00, the previous one having gone out on Friday 13 Nov 09:00.
    private static readonly DateTimeOffset Start = new(2026, 11, 13, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReportPeriod Period = new(Start, Now, false);
    private static readonly DateOnly Today = new(2026, 11, 18);
    private static int _number;

    private static Experiment E(string name, ExperimentStatus status, Outcome? outcome = null, DateTimeOffset? concludedAt = null, bool leads = false, int impact = 5) => new()
    {
        Id = ++_number + 100, Number = _number, TeamId = "T", Name = name, Hypothesis = "h", OwnerId = "U1", CreatedBy = "U1", Status = status,
        Outcome = outcome, ConcludedAt = concludedAt, BringsLeads = leads, Ice = new IceScore(impact, 5, 5),
    };

    private static readonly KeyResult Leads = new() { Id = 7, TeamId = "T", Number = 1, Name = "New leads", Baseline = 0, Target = 100, Current = 26, Unit = "new leads", OwnerId = "U1", CreatedBy = "U1" };
    private static readonly KeyResult Retention = new() { Id = 8, TeamId = "T", Number = 2, Name = "Churn", Baseline = 10, Target = 5, Current = 8, Unit = "%", OwnerId = "U1", CreatedBy = "U1" };

    private static WeeklyReport Build(IReadOnlyList<Experiment> experiments, IReadOnlyList<LeadRating>? ratings = null, IReadOnlyList<ThreadComment>? comments = null,
        IReadOnlyDictionary<long, TaskCounts>? tasks = null) =>
        WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            Period = Period, Now = Now, Today = Today, Experiments = experiments, KeyResults = [Retention, Leads],
            Ratings = ratings ?? [], Comments = comments ?? [], Tasks = tasks ?? new Dictionary<long, TaskCounts>(),
        });

    [Fact]
    public void The_report_covers_its_period_and_ranks_the_backlog_by_ICE()
    {
        var inMail = E("InMail", ExperimentStatus.Concluded, Outcome.Worked, Now.AddHours(-2));
        var friday = E("Before the previous report", ExperimentStatus.Concluded, Outcome.Worked, Start.AddMinutes(-1));
        var failed = E("Cold calls", ExperimentStatus.Concluded, Outcome.DidNotWork, Start);
        var backlog = Enumerable.Range(1, 5).Select(i => E($"Idea {i}", ExperimentStatus.Backlog, impact: i + 4)).ToList();

        var report = WeeklyReportBuilder.Build(new WeeklyReportInput
        {
            Period = Period, Now = Now, Today = Today, Experiments = [inMail, friday, failed, .. backlog], KeyResults = [Retention, Leads],
            Blocks = [new TaskBlock { Reason = BlockReason.Budget, CreatedBy = "U1" }, new TaskBlock { Reason = BlockReason.Budget, CreatedBy = "U2" }, new TaskBlock { Reason = BlockReason.Skills, CreatedBy = "U1" }],
            Postponements = [new Postponement { Reason = "x", CreatedBy = "U2" }],
        });

        Assert.Equal(["Cold calls", "InMail"], report.Concluded.Select(e => e.Name));
        Assert.Equal(26, report.MainGoal!.Percent);
        Assert.Equal(40, report.KeyResults[1].Percent); // churn 10 → 8 of the way to 5
        Assert.Equal(["Idea 5", "Idea 4", "Idea 3"], report.NextUp.Select(e => e.Name));
        Assert.Equal([(BlockReason.Budget, 2), (BlockReason.Skills, 1)], report.BlockersByReason);
        Assert.Equal([("U2", 1)], report.PostponementsByPerson);
    }

    [Fact]
    public void Win_rates_count_up_to_now_all_time_and_in_the_28_days_before()
    {
        var today = E("Concluded an hour ago", ExperimentStatus.Concluded, Outcome.Worked, Now.AddHours(-1));
        var recent = E("27 days ago", ExperimentStatus.Concluded, Outcome.DidNotWork, Now.AddDays(-27));
        var old = E("29 days ago", ExperimentStatus.Concluded, Outcome.Worked, Now.AddDays(-29));
        var abandoned = E("Abandoned", ExperimentStatus.Abandoned, concludedAt: Now.AddDays(-2));

        var report = Build([today, recent, old, abandoned]);

        Assert.Equal(new WinRate(2, 3), report.WinRateAllTime);
        Assert.Equal(new WinRate(1, 2), report.WinRateLast4Weeks);
        Assert.Equal(50, report.WinRateLast4Weeks.Percent);
    }

    [Fact]
    public void Sales_are_asked_about_experiments_marked_as_bringing_leads_that_ran_in_the_period()
    {
        var concluded = E("Concluded, brings leads", ExperimentStatus.Concluded, Outcome.DidNotWork, Now.AddHours(-3), leads: true);
        var running = E("Running, brings leads", ExperimentStatus.Running, leads: true) with { StartedAt = Start.AddDays(-3) };
        var startedLate = E("Started after a late report's end", ExperimentStatus.Running, leads: true) with { StartedAt = Now.AddMinutes(5) };
        var unmarked = E("Leads in its name, not marked", ExperimentStatus.Concluded, Outcome.Worked, Now.AddHours(-3)) with { Result = "40 leads" };
        var earlier = E("Concluded before the period", ExperimentStatus.Concluded, Outcome.Worked, Start.AddDays(-1), leads: true);
        var idea = E("Backlog idea", ExperimentStatus.Backlog, leads: true);

        var report = Build([concluded, running, startedLate, unmarked, earlier, idea]);

        Assert.Equal([concluded, running], report.AskAbout);
    }

    [Fact]
    public void Each_rating_and_comment_is_in_the_report_of_the_period_it_was_first_given_in()
    {
        var inMail = E("InMail", ExperimentStatus.Concluded, Outcome.Worked, Start.AddDays(-3), leads: true);
        LeadRating Rating(string by, LeadQuality? quality, DateTimeOffset at, LeadQualityReason? reason = null) =>
            new() { TeamId = "T", ExperimentId = inMail.Id, RatedBy = by, Quality = quality, Reason = reason, CreatedAt = at, UpdatedAt = Now };
        ThreadComment Comment(string by, string text, bool sales, long? about, DateTimeOffset at) =>
            new() { TeamId = "T", ExperimentId = about, FromSales = sales, Text = text, CreatedBy = by, CreatedAt = at };

        var report = Build([inMail],
            [Rating("U1", LeadQuality.Good, Start.AddHours(1)), Rating("U2", LeadQuality.Good, Start.AddHours(2)), Rating("U3", LeadQuality.Mixed, Now.AddMinutes(-1), LeadQualityReason.TooSmall),
             Rating("U4", LeadQuality.Poor, Start.AddSeconds(-1)), Rating("U5", null, Start.AddHours(3), LeadQualityReason.NoBudget)],
            [Comment("U1", "Solid leads", true, inMail.Id, Start.AddHours(1)), Comment("U1", "Good week overall", true, null, Start.AddHours(2)),
             Comment("U9", "I liked the copy", false, inMail.Id, Start.AddHours(3)), Comment("U1", "Last week's", true, inMail.Id, Start.AddMinutes(-5))]);

        var summary = Assert.Single(report.SalesFeedback);
        Assert.Equal((2, 1, 0), (summary.Good, summary.Mixed, summary.Poor));
        Assert.Equal([LeadQualityReason.NoBudget, LeadQualityReason.TooSmall], summary.Reasons.Order());
        Assert.Equal(["Solid leads"], summary.Replies);
        Assert.Equal(["Good week overall"], report.SalesOnTheReport.Select(c => c.Text));
        var other = Assert.Single(report.OtherComments);
        Assert.Equal(("I liked the copy", inMail), (other.Comment.Text, other.Experiment));
    }

    [Fact]
    public void A_running_experiment_says_which_day_of_its_run_it_is_and_how_its_tasks_stand()
    {
        var webinar = E("Webinar", ExperimentStatus.Running) with { StartDate = Today.AddDays(-2), EndDate = Today.AddDays(5) };
        var late = E("Late", ExperimentStatus.Running) with { StartDate = Today.AddDays(-9), EndDate = Today.AddDays(-1) };

        var report = Build([webinar, late], tasks: new Dictionary<long, TaskCounts> { [webinar.Id] = new(2, 1, 1) });

        Assert.Equal([(late, 10, 9, true, TaskCounts.None), (webinar, 3, 8, false, new TaskCounts(2, 1, 1))],
            report.Running.Select(r => (r.Experiment, r.Day, r.Days, r.PastEnd, r.Tasks)));
    }

    [Fact]
    public void The_first_report_covers_the_seven_days_before_it_and_the_next_starts_where_the_previous_ended()
    {
        Assert.Equal(new ReportPeriod(Now.AddDays(-7), Now, true), ReportPeriod.After(null, Now));
        Assert.Equal(new ReportPeriod(Start, Now, false), ReportPeriod.After(Start, Now));
        Assert.True(Period.Contains(Start));
        Assert.False(Period.Contains(Now));
    }
}
