using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Home;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Tests.Home;

public class HomeSummaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static GrowthTask Task(int number, string owner, DateOnly due, bool blocked = false) => new()
    {
        TeamId = "T1", Number = number, Title = $"Task {number}", OwnerId = owner, DueDate = due, CreatedBy = owner,
        Blocker = blocked ? new TaskBlock { Reason = BlockReason.Budget, CreatedBy = owner } : null,
    };

    private static Experiment Running(int number, DateOnly end) => new()
    {
        TeamId = "T1", Number = number, Name = $"E{number}", Hypothesis = "h", OwnerId = "U1", CreatedBy = "U1", Status = ExperimentStatus.Running, EndDate = end,
    };

    [Fact]
    public void A_workspace_with_nothing_yet_is_empty()
    {
        var home = HomeSummary.Build(new HomeInputs { ViewerId = "U1", Today = Today });

        Assert.True(home.IsEmptyWorkspace);
        Assert.Null(home.NorthStar);
    }

    [Fact]
    public void The_first_key_result_is_the_north_star()
    {
        var objective = new Objective { TeamId = "T1", Title = "Grow", CreatedBy = "U1" };
        KeyResult Kr(int n, decimal current) => new() { TeamId = "T1", Number = n, Name = $"K{n}", Target = 100, Current = current, Unit = "new leads", OwnerId = "U1", CreatedBy = "U1" };

        var home = HomeSummary.Build(new HomeInputs { ViewerId = "U1", Today = Today, Objective = objective, KeyResults = [Kr(2, 50), Kr(1, 26)] });

        Assert.False(home.IsEmptyWorkspace);
        Assert.Equal((1, 26), (home.NorthStar!.KeyResult.Number, home.NorthStar.Percent));
        Assert.Equal([26, 50], home.KeyResults.Select(k => k.Percent));
    }

    [Fact]
    public void My_tasks_put_blocked_and_overdue_first_and_attention_lists_the_whole_team()
    {
        var tasks = new[]
        {
            Task(1, "U1", Today.AddDays(3)),
            Task(2, "U1", Today.AddDays(5), blocked: true),
            Task(3, "U1", Today.AddDays(-1)),
            Task(4, "U2", Today.AddDays(-4)),
            Task(5, "U2", Today),
        };

        var home = HomeSummary.Build(new HomeInputs { ViewerId = "U1", Today = Today, OpenTasks = tasks });

        Assert.Equal([3, 2, 1], home.MyTasks.Select(t => t.Number));
        Assert.Equal([4, 3, 2], home.NeedsAttention.Select(t => t.Number));
    }

    [Fact]
    public void Running_experiments_are_listed_by_end_date_and_the_latest_learnings_kept()
    {
        var learning = new Learning { TeamId = "T1", Text = "CMOs answer InMail", CreatedBy = "U1" };

        var home = HomeSummary.Build(new HomeInputs
        {
            ViewerId = "U1", Today = Today,
            Experiments = [Running(1, Today.AddDays(6)), Running(2, Today.AddDays(1)), Running(3, Today.AddDays(-2))],
            Learnings = [learning],
        });

        Assert.Equal([3, 2, 1], home.Running.Select(e => e.Number));
        Assert.Same(learning, Assert.Single(home.Learnings));
    }
}
