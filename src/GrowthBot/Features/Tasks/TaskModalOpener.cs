using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Tasks;

/// <summary>
/// Opens a modal about one task (Blocked, Postpone) once the caller may change it, for <c>/task block T3</c> and the
/// task buttons alike, in the caller's language; returns null when it opened, otherwise what to tell the user.
/// </summary>
public sealed class TaskModalOpener(TaskAccess access, ModalOpener opener, TeamClock clock, Readers readers)
{
    /// <summary>Builds a modal about <c>task</c> for the reader of <c>words</c>.</summary>
    public delegate ModalView Build(GrowthTask task, DateOnly today, ModalOrigin origin, Wording words);

    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? taskId, ModalOrigin origin, Build build, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var found = await access.ForChange(teamId, taskId, userId, words, cancellationToken);
        if (found.Task is not { } task) return found.Refusal;
        return await opener.Open(triggerId, build(task, clock.Today(teamId), origin with { Subject = task.ShortId }, words), words, cancellationToken);
    }
}
