using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;

namespace GrowthBot.Features.Tasks;

/// <summary>
/// The Done button on a task line (<c>task_done:T3</c>): marks the task done. Clicked in <c>/task list</c> the list
/// is redrawn without it; anywhere else (nudge DM, App Home) the user gets a private confirmation.
/// </summary>
public sealed class TaskDoneButton(TaskStore tasks, ExperimentStore experiments, TaskAccess access, TeamClock clock) : IBlockActionHandler
{
    public const string ActionId = "task_done";

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(request.TeamId, request.Argument, request.UserId, cancellationToken);
        if (found.Task is not { } task) return ActionResponse.Ephemeral(found.Refusal!);
        await tasks.MarkDone(task.Id, request.UserId, clock.UtcNow, cancellationToken);
        var done = TaskMessages.Done(task);
        if (request.Action.Value is TaskMessages.FromListMine or TaskMessages.FromListAll && request.Payload.ResponseUrl is not null)
        {
            var mine = request.Action.Value == TaskMessages.FromListMine;
            var list = await TaskListing.Render(tasks, experiments, request.TeamId, mine ? request.UserId : null, clock.Today(request.TeamId), done, cancellationToken);
            return ActionResponse.Replace(list.Text, list.Blocks);
        }
        return ActionResponse.Ephemeral(done);
    }
}

/// <summary>The Blocked button on a task line (<c>task_block:T3</c>): opens the Blocked modal.</summary>
public sealed class TaskBlockButton(ISlackApi slack, TaskAccess access, TeamClock clock) : IBlockActionHandler
{
    public const string ActionId = "task_block";

    public Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        TaskModalOpener.Open(slack, access, request, (task, origin) => BlockTaskModal.Build(task, clock.Today(request.TeamId), origin), cancellationToken);
}

/// <summary>The Postpone button on a task line (<c>task_postpone:T3</c>): opens the Postpone modal.</summary>
public sealed class TaskPostponeButton(ISlackApi slack, TaskAccess access, TeamClock clock) : IBlockActionHandler
{
    public const string ActionId = "task_postpone";

    public Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        TaskModalOpener.Open(slack, access, request, (task, origin) => PostponeTaskModal.Build(task, clock.Today(request.TeamId), origin), cancellationToken);
}

/// <summary>
/// The Still blocked button of the daily nudge (<c>task_still_blocked:T3</c>): keeps the blocker as it is and
/// answers "noted, still blocked since …", so the owner can acknowledge without retyping the reason.
/// </summary>
public sealed class TaskStillBlockedButton(TaskAccess access) : IBlockActionHandler
{
    public const string ActionId = "task_still_blocked";

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(request.TeamId, request.Argument, request.UserId, cancellationToken);
        if (found.Task is not { } task) return ActionResponse.Ephemeral(found.Refusal!);
        if (task.Blocker is not { } blocker)
            return ActionResponse.Ephemeral($"{task.ShortId} is no longer blocked. `/task block {task.ShortId}` if it is again.");
        return ActionResponse.Ephemeral(
            $":ok_hand: Noted: {task.ShortId} · {MrkdwnText.Escape(task.Title)} is still blocked since {MrkdwnText.Date(blocker.CreatedAt)} " +
            $"({blocker.Reason.Label()}). `/task unblock {task.ShortId}` when it moves again.");
    }
}

/// <summary>Opens a task modal from a button click, after checking the clicker may change the task.</summary>
internal static class TaskModalOpener
{
    public static async Task<ActionResponse> Open(ISlackApi slack, TaskAccess access, BlockActionRequest request,
        Func<GrowthTask, ModalOrigin, ModalView> build, CancellationToken cancellationToken)
    {
        if (request.TriggerId is null) return ActionResponse.Ephemeral("Slack sent no trigger to open the form with; please try again.");
        var found = await access.ForChange(request.TeamId, request.Argument, request.UserId, cancellationToken);
        if (found.Task is not { } task) return ActionResponse.Ephemeral(found.Refusal!);
        var origin = new ModalOrigin(request.Payload.Channel?.Id, request.Payload.ResponseUrl, task.ShortId);
        await slack.OpenView(request.TriggerId, build(task, origin), cancellationToken);
        return ActionResponse.None;
    }
}
