using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Daily: the owner of a running experiment past its end date gets a DM with a Conclude button, at most
/// once per experiment per day, never in their quiet hours or while paused.
/// </summary>
public sealed class ExperimentDuePoster(ExperimentStore experiments, NudgePauseStore pauses, UserZones zones, ScheduledDelivery delivery, TeamSettingsService teamSettings, TimeProvider time)
{
    /// <summary>Recorded per experiment and day: one reminder a day until it is concluded.</summary>
    public const string DeliveryKey = "experiment-due";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        var now = time.GetUtcNow();
        if (!ScheduleMath.DueToday(settings.Schedule.ExperimentDue, settings.Zone, now)) return;
        var today = Periods.LocalDate(now, settings.Zone);
        var paused = await pauses.All(teamId, cancellationToken);
        foreach (var experiment in await experiments.List(teamId, [ExperimentStatus.Running], cancellationToken))
        {
            if (experiment.EndDate >= today) continue;
            var zone = await zones.Of(experiment.OwnerId, settings.Zone, cancellationToken);
            if (!NudgePolicy.MayDirectMessage(now, zone, paused.GetValueOrDefault(experiment.OwnerId))) continue;
            await delivery.Post(teamId, DeliveryKey, $"{Periods.DayKey(today)}-{experiment.ShortId}", PostTarget.Person(experiment.OwnerId),
                () => ReminderMessages.ExperimentDue(experiment, today), cancellationToken);
        }
    }
}
