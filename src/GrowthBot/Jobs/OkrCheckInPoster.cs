using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Once a week (Friday 14:00 by default) each key-result owner gets a DM with a Check in button per key
/// result, so Monday's report is current. Paused people and people in their quiet hours get it later.
/// </summary>
public sealed class OkrCheckInPoster(OkrStore okrs, NudgePauseStore pauses, UserZones zones, ScheduledDelivery delivery, TeamSettingsService teamSettings, TimeProvider time)
{
    /// <summary>Recorded per owner and week.</summary>
    public const string DeliveryKey = "okr-check-in";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        var now = time.GetUtcNow();
        if (!ScheduleMath.DueInWeek(settings.Schedule.OkrCheckIn, settings.Zone, now)) return;
        var okr = await okrs.Current(teamId, cancellationToken);
        if (okr is null) return;
        var week = Periods.WeekKey(Periods.LocalDate(now, settings.Zone));
        var paused = await pauses.All(teamId, cancellationToken);
        foreach (var owner in okr.KeyResults.GroupBy(k => k.OwnerId))
        {
            var zone = await zones.Of(owner.Key, settings.Zone, cancellationToken);
            if (!NudgePolicy.MayDirectMessage(now, zone, paused.GetValueOrDefault(owner.Key))) continue;
            var keyResults = owner.OrderBy(k => k.Number).ToList();
            await delivery.Post(teamId, DeliveryKey, week, PostTarget.Person(owner.Key), () => ReminderMessages.CheckIn(keyResults), cancellationToken);
        }
    }
}
