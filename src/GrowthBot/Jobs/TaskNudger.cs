using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Sends each person with overdue or blocked tasks one DM per working day from the team's nudge hour in their own
/// time zone (<see cref="DirectMessageTiming"/>), unless they paused; and the growth leads (or, with none configured,
/// the workspace's admins and owners) a daily summary of all blockers. Runs every quarter hour; the delivery key
/// (person + their local date) makes it once a day. Each DM is in its reader's language.
/// </summary>
public sealed class TaskNudger(TaskStore tasks, DirectMessageTiming timing, GrowthLeads leads, ScheduledDelivery delivery, TeamSettingsService teamSettings, Readers readers)
{
    /// <summary>Recorded per person and their local date.</summary>
    public const string NudgeKey = "task-nudge";

    /// <summary>Recorded per growth lead and their local date.</summary>
    public const string BlockerSummaryKey = "blocker-summary";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (!settings.NudgesEnabled) return;
        var open = await tasks.Open(teamId, null, cancellationToken);

        foreach (var owner in open.GroupBy(t => t.OwnerId))
        {
            var window = await timing.Nudge(teamId, owner.Key, cancellationToken);
            if (!window.IsOpen) continue;
            var today = window.LocalToday;
            var due = owner.Where(t => t.IsBlocked || t.IsOverdue(today)).OrderByDescending(t => t.IsBlocked).ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList();
            if (due.Count == 0) continue;
            var words = await readers.Person(teamId, owner.Key, cancellationToken);
            await delivery.Post(teamId, NudgeKey, Periods.DayKey(today), PostTarget.Person(window), () => ReminderMessages.Nudge(due, window, settings, words), cancellationToken);
        }

        var blocked = open.Where(t => t.IsBlocked).OrderBy(t => t.Number).ToList();
        if (blocked.Count == 0) return;
        foreach (var lead in await leads.Recipients(cancellationToken))
        {
            var window = await timing.Nudge(teamId, lead, cancellationToken);
            if (!window.IsOpen) continue;
            var words = await readers.Person(teamId, lead, cancellationToken);
            await delivery.Post(teamId, BlockerSummaryKey, Periods.DayKey(window.LocalToday), PostTarget.Person(window),
                () => ReminderMessages.BlockerSummary(blocked, window, words), cancellationToken);
        }
    }
}
