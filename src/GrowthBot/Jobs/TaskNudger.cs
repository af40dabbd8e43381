using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Sends each person with overdue or blocked tasks one DM per working day from 10:00 in their own time zone
/// (<see cref="NudgePolicy"/>), unless they paused; and the growth leads a daily summary of all blockers.
/// Runs every quarter hour; the delivery key (person + their local date) makes it once a day.
/// </summary>
public sealed class TaskNudger(TaskStore tasks, NudgePauseStore pauses, UserZones zones, GrowthLeads leads, ScheduledDelivery delivery,
    TeamSettingsService teamSettings, TimeProvider time)
{
    /// <summary>Recorded per person and their local date.</summary>
    public const string NudgeKey = "task-nudge";

    /// <summary>Recorded per growth lead and their local date.</summary>
    public const string BlockerSummaryKey = "blocker-summary";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (!settings.NudgesEnabled) return;
        var now = time.GetUtcNow();
        var open = await tasks.Open(teamId, null, cancellationToken);
        var paused = await pauses.All(teamId, cancellationToken);

        foreach (var owner in open.GroupBy(t => t.OwnerId))
        {
            var zone = await zones.Of(owner.Key, settings.Zone, cancellationToken);
            var (today, _) = NudgePolicy.Local(now, zone);
            var due = owner.Where(t => t.IsBlocked || t.IsOverdue(today)).OrderByDescending(t => t.IsBlocked).ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList();
            if (due.Count == 0 || NudgePolicy.Nudge(now, zone, paused.GetValueOrDefault(owner.Key)) != NudgeDecision.Send) continue;
            await delivery.Post(teamId, NudgeKey, Periods.DayKey(today), PostTarget.Person(owner.Key), () => ReminderMessages.Nudge(due, today), cancellationToken);
        }

        var blocked = open.Where(t => t.IsBlocked).OrderBy(t => t.Number).ToList();
        if (blocked.Count == 0) return;
        foreach (var lead in leads.Configured)
        {
            var zone = await zones.Of(lead, settings.Zone, cancellationToken);
            if (NudgePolicy.Nudge(now, zone, paused.GetValueOrDefault(lead)) != NudgeDecision.Send) continue;
            var (today, _) = NudgePolicy.Local(now, zone);
            await delivery.Post(teamId, BlockerSummaryKey, Periods.DayKey(today), PostTarget.Person(lead), () => ReminderMessages.BlockerSummary(blocked), cancellationToken);
        }
    }
}
