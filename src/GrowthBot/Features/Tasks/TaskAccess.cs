using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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
/// else's needs its creator, its owner or a growth lead. Shared by the command, the buttons and the modals;
/// a refusal is worded in <c>words</c>, the caller's language.
/// </summary>
public sealed class TaskAccess(TaskStore tasks, GrowthLeads leads)
{
    public async Task<TaskLookup> ForChange(string teamId, string? id, string userId, Wording words, CancellationToken cancellationToken, bool mustBeOpen = true)
    {
        if (string.IsNullOrWhiteSpace(id)) return TaskLookup.Refused(words.Text(TaskText.WhichTask));
        if (!ShortId.TryParse(id, ShortId.Task, out var number))
            return TaskLookup.Refused(words.Text(TaskText.NotATaskId, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(id, 40)))));
        var task = await tasks.Find(teamId, number, cancellationToken);
        if (task is null)
            return TaskLookup.Refused(words.Text(TaskText.NoSuchTask, ("id", ShortId.Format(ShortId.Task, number))));
        if (mustBeOpen && !task.IsOpen)
            return TaskLookup.Refused(words.Text(TaskText.AlreadyDone, ("id", task.ShortId), ("title", MrkdwnText.Escape(task.Title))));
        if (!await leads.CanEdit(userId, task.CreatedBy, task.OwnerId, cancellationToken))
            return TaskLookup.Refused(Refusal(task, leads.WhoCan(words), words));
        return new TaskLookup(task, null);
    }

    /// <summary>Whose task it is and who may change it instead.</summary>
    public static string Refusal(GrowthTask task, string whoCan, Wording words) => task.CreatedBy == task.OwnerId
        ? words.Text(TaskText.SomeoneElses, ("id", task.ShortId), ("owner", MrkdwnText.User(task.OwnerId)), ("whoCan", whoCan))
        : words.Text(TaskText.SomeoneElsesWithCreator, ("id", task.ShortId), ("owner", MrkdwnText.User(task.OwnerId)), ("creator", MrkdwnText.User(task.CreatedBy)), ("whoCan", whoCan));
}
