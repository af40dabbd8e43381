using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Tasks;

/// <summary>
/// Opens a modal about one task (Blocked, Postpone) once the caller may change it, for <c>/task block T3</c> and the
/// task buttons alike; returns null when it opened, otherwise what to tell the user.
/// </summary>
public sealed class TaskModalOpener(TaskAccess access, ModalOpener opener, TeamClock clock)
{
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? taskId, ModalOrigin origin,
        Func<GrowthTask, DateOnly, ModalOrigin, ModalView> build, CancellationToken cancellationToken)
    {
        var found = await access.ForChange(teamId, taskId, userId, cancellationToken);
        if (found.Task is not { } task) return found.Refusal;
        return await opener.Open(triggerId, build(task, clock.Today(teamId), origin with { Subject = task.ShortId }), cancellationToken);
    }
}
