using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Once a week (Friday 14:00 in the team's zone by default) each key-result owner gets a DM with a Check in button
/// per key result, so the weekly report is current. Each owner gets it at their first allowed moment
/// (<see cref="DirectMessageTiming"/>): a Friday-afternoon check-in reaches an owner whose Friday is over on their
/// next working day, not on their Saturday.
/// </summary>
public sealed class OkrCheckInPoster(OkrStore okrs, DirectMessageTiming timing, ScheduledDelivery delivery, TeamSettingsService teamSettings, Readers readers, TimeProvider time)
{
    /// <summary>Recorded per owner and the week the check-in became due (in the team's zone).</summary>
    public const string DeliveryKey = "okr-check-in";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (ScheduleMath.LastFire(settings.Schedule.OkrCheckIn, settings.Zone, time.GetUtcNow()) is not { } fire) return;
        var (dueAt, next) = fire;
        var okr = await okrs.Current(teamId, cancellationToken);
        if (okr is null) return;
        var week = Periods.WeekKey(Periods.LocalDate(dueAt, settings.Zone));
        foreach (var owner in okr.KeyResults.GroupBy(k => k.OwnerId))
        {
            var window = await timing.Message(teamId, owner.Key, dueAt, next, cancellationToken);
            if (!window.IsOpen) continue;
            var keyResults = owner.OrderBy(k => k.Number).ToList();
            var words = await readers.Person(teamId, owner.Key, cancellationToken);
            await delivery.Post(teamId, DeliveryKey, week, PostTarget.Person(window),
                () => ReminderMessages.CheckIn(keyResults, window, settings, words), cancellationToken);
        }
    }
}
