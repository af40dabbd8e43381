using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Tasks;

/// <summary>
/// The Done button on a task line (<c>task_done:T3</c>): marks the task done. Clicked in <c>/task list</c> the list
/// is redrawn without it; anywhere else (nudge DM, App Home) the user gets a private confirmation.
/// </summary>
public sealed class TaskDoneButton(TaskStore tasks, ExperimentStore experiments, TaskAccess access, TeamClock clock, Readers readers) : IBlockActionHandler
{
    public const string ActionId = "task_done";

    /// <summary>
    /// The Done button for <paramref name="task"/>. Its value is the task's id, or <paramref name="source"/> when the
    /// button sits in <c>/task list</c> (see <see cref="TaskMessages.FromListMine"/>), so that list can be redrawn.
    /// </summary>
    public static Button For(GrowthTask task, Wording words, string? source = null) =>
        new(words.Text(TaskText.ButtonDone), $"{ActionId}:{task.ShortId}", source ?? task.ShortId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var words = await readers.Person(request.TeamId, request.UserId, cancellationToken);
        var found = await access.ForChange(request.TeamId, request.Argument, request.UserId, words, cancellationToken);
        if (found.Task is not { } task) return ActionResponse.Ephemeral(found.Refusal!);
        await tasks.MarkDone(task.TeamId, task.Id, request.UserId, clock.UtcNow, cancellationToken);
        var done = TaskMessages.Done(task, words);
        if (request.Action.Value is TaskMessages.FromListMine or TaskMessages.FromListAll && request.Payload.ResponseUrl is not null)
        {
            var mine = request.Action.Value == TaskMessages.FromListMine;
            var list = await TaskListing.Render(tasks, experiments, request.TeamId, mine ? request.UserId : null, clock.Today(request.TeamId), done, words, cancellationToken);
            return ActionResponse.Replace(list.Text, list.Blocks);
        }
        return ActionResponse.Ephemeral(done);
    }
}

/// <summary>The Blocked button on a task line (<c>task_block:T3</c>): opens the Blocked modal.</summary>
public sealed class TaskBlockButton(TaskModalOpener modals) : IBlockActionHandler
{
    public const string ActionId = "task_block";

    /// <summary>Blocked, or Change blocker on a task that already is; the value works as in <see cref="TaskDoneButton.For"/>.</summary>
    public static Button For(GrowthTask task, Wording words, string? source = null) =>
        new(words.Text(task.IsBlocked ? TaskText.ButtonChangeBlocker : TaskText.ButtonBlocked), $"{ActionId}:{task.ShortId}", source ?? task.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modals.Open(request.TeamId, request.UserId, request.TriggerId, request.Argument,
            ModalOrigin.Of(request), BlockTaskModal.Build, cancellationToken));
}

/// <summary>The Postpone button on a task line (<c>task_postpone:T3</c>): opens the Postpone modal.</summary>
public sealed class TaskPostponeButton(TaskModalOpener modals) : IBlockActionHandler
{
    public const string ActionId = "task_postpone";

    public static Button For(GrowthTask task, Wording words, string? source = null) =>
        new(words.Text(TaskText.ButtonPostpone), $"{ActionId}:{task.ShortId}", source ?? task.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modals.Open(request.TeamId, request.UserId, request.TriggerId, request.Argument,
            ModalOrigin.Of(request), PostponeTaskModal.Build, cancellationToken));
}

/// <summary>
/// The Still blocked button of the daily nudge (<c>task_still_blocked:T3</c>): keeps the blocker as it is and
/// answers "noted, still blocked since …", so the owner can acknowledge without retyping the reason.
/// </summary>
public sealed class TaskStillBlockedButton(TaskAccess access, Readers readers) : IBlockActionHandler
{
    public const string ActionId = "task_still_blocked";

    public static Button For(GrowthTask task, Wording words, string? source = null) =>
        new(words.Text(TaskText.ButtonStillBlocked), $"{ActionId}:{task.ShortId}", source ?? task.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var words = await readers.Person(request.TeamId, request.UserId, cancellationToken);
        var found = await access.ForChange(request.TeamId, request.Argument, request.UserId, words, cancellationToken);
        if (found.Task is not { } task) return ActionResponse.Ephemeral(found.Refusal!);
        return ActionResponse.Ephemeral(task.Blocker is { } blocker ? TaskMessages.StillBlocked(task, blocker, words) : TaskMessages.NoLongerBlocked(task, words));
    }
}
