using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;

namespace GrowthBot.Features.Tasks;

/// <summary>A task someone may change, or the sentence that tells them why not.</summary>
public sealed record TaskLookup(GrowthTask? Task, string? Refusal)
{
    public static TaskLookup Refused(string refusal) => new(null, refusal);
}

/// <summary>
/// Finds the task an id names and checks that the caller may act on it: anyone on their own tasks; someone
/// else's needs its creator, its owner or a growth lead. Shared by the command, the buttons and the modals.
/// </summary>
public sealed class TaskAccess(TaskStore tasks, GrowthLeads leads)
{
    public async Task<TaskLookup> ForChange(string teamId, string? id, string userId, CancellationToken cancellationToken, bool mustBeOpen = true)
    {
        if (string.IsNullOrWhiteSpace(id)) return TaskLookup.Refused("Which task? For example `/task done T3`. `/task list` shows their ids.");
        if (!ShortId.TryParse(id, ShortId.Task, out var number))
            return TaskLookup.Refused($"`{MrkdwnText.Escape(MrkdwnText.Truncate(id, 40))}` is not a task id. They look like `T3`; `/task list` shows them.");
        var task = await tasks.Find(teamId, number, cancellationToken);
        if (task is null)
            return TaskLookup.Refused($"There is no task {ShortId.Format(ShortId.Task, number)} in this workspace. `/task list` shows the open ones.");
        if (mustBeOpen && !task.IsOpen)
            return TaskLookup.Refused($"{task.ShortId} · {MrkdwnText.Escape(task.Title)} is already done.");
        if (!await leads.CanEdit(userId, task.CreatedBy, task.OwnerId, cancellationToken))
            return TaskLookup.Refused(Refusal(task));
        return new TaskLookup(task, null);
    }

    private string Refusal(GrowthTask task)
    {
        var people = task.CreatedBy == task.OwnerId
            ? $"its owner {MrkdwnText.User(task.OwnerId)}"
            : $"its owner {MrkdwnText.User(task.OwnerId)}, its creator {MrkdwnText.User(task.CreatedBy)}";
        return $":lock: {task.ShortId} is someone else's task: only {people} or {leads.WhoCan()} can change it.";
    }
}
