using GrowthBot.Domain.Common;
using GrowthBot.Domain.Tasks;

namespace GrowthBot.Domain.Tests.Tasks;

public class TaskRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static GrowthTask Task(int number, DateOnly due, bool blocked = false, GrowthTaskStatus status = GrowthTaskStatus.Open) => new()
    {
        TeamId = "T", Number = number, Title = $"task {number}", OwnerId = "U", CreatedBy = "U", DueDate = due, Status = status,
        Blocker = blocked ? new TaskBlock { Reason = BlockReason.Budget, CreatedBy = "U" } : null,
    };

    [Fact]
    public void Overdue_tasks_come_first_then_blocked_ones_then_the_rest_by_due_date()
    {
        var later = Task(1, Today.AddDays(5));
        var blockedLater = Task(2, Today.AddDays(9), blocked: true);
        var overdueByOne = Task(3, Today.AddDays(-1));
        var dueToday = Task(4, Today);
        var overdueByThreeAndBlocked = Task(5, Today.AddDays(-3), blocked: true);
        var blockedSoon = Task(6, Today.AddDays(1), blocked: true);

        var ordered = TaskRules.InListOrder([later, blockedLater, overdueByOne, dueToday, overdueByThreeAndBlocked, blockedSoon], Today);

        Assert.Equal([5, 3, 6, 2, 4, 1], ordered.Select(t => t.Number));
    }

    [Fact]
    public void A_task_due_today_is_not_overdue_and_a_done_task_never_is()
    {
        Assert.False(Task(1, Today).IsOverdue(Today));
        Assert.True(Task(1, Today.AddDays(-1)).IsOverdue(Today));
        Assert.False(Task(1, Today.AddDays(-1), status: GrowthTaskStatus.Done).IsOverdue(Today));
    }

    [Fact]
    public void A_new_task_needs_a_title_an_owner_and_a_due_date_not_more_than_a_year_back()
    {
        var errors = new TaskDraft { Title = " ", OwnerId = null, DueDate = Today.AddDays(-366), Notes = new string('n', 1001) }.Validate(Today);

        Assert.Equal(["due", "notes", "owner", "title"], errors.ByField.Keys.Order());
        Assert.Equal(ProblemCode.DueDateLongAgo, errors.ByField["due"].Code);
        Assert.True(new TaskDraft { Title = "Copy", OwnerId = "U", DueDate = Today.AddDays(-365) }.Validate(Today).IsValid);
    }

    [Fact]
    public void A_postponement_must_move_the_due_date_forward_and_say_why()
    {
        var due = Today.AddDays(2);

        var notLater = new PostponeDraft(due, "budget").Validate(due).ByField["new_date"];
        Assert.Equal((ProblemCode.NewDueDateNotLater, due), (notLater.Code, notLater.Arg("current")));
        Assert.True(new PostponeDraft(due.AddDays(-1), "x").Validate(due).ByField.ContainsKey("new_date"));
        Assert.True(new PostponeDraft(due.AddDays(1), "  ").Validate(due).ByField.ContainsKey("reason"));
        Assert.True(new PostponeDraft(due.AddDays(1), "waiting for budget").Validate(due).IsValid);
    }

    [Fact]
    public void A_blocker_needs_a_reason_and_other_needs_a_note()
    {
        Assert.True(new BlockDraft(null, "x").Validate().ByField.ContainsKey("reason"));
        Assert.True(new BlockDraft(BlockReason.Other, "").Validate().ByField.ContainsKey("note"));
        Assert.True(new BlockDraft(BlockReason.Budget, null).Validate().IsValid);
    }
}
