using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Daily: the owner of a running experiment past its end date gets a DM with a Conclude button, at most once per
/// experiment per day, at their first allowed moment (<see cref="DirectMessageTiming"/>): on their working days,
/// never in their quiet hours, never while paused.
/// </summary>
public sealed class ExperimentDuePoster(
    ExperimentStore experiments, DirectMessageTiming timing, ScheduledDelivery delivery, TeamSettingsService teamSettings, Readers readers, TimeProvider time)
{
    /// <summary>Recorded per experiment and the day the reminder became due (in the team's zone).</summary>
    public const string DeliveryKey = "experiment-due";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (ScheduleMath.LastFire(settings.Schedule.ExperimentDue, settings.Zone, time.GetUtcNow()) is not { } fire) return;
        var (dueAt, next) = fire;
        var day = Periods.LocalDate(dueAt, settings.Zone);
        foreach (var experiment in await experiments.List(teamId, [ExperimentStatus.Running], cancellationToken))
        {
            if (experiment.EndDate >= day) continue;
            var window = await timing.Message(teamId, experiment.OwnerId, dueAt, next, cancellationToken);
            if (!window.IsOpen) continue;
            var words = await readers.Person(teamId, experiment.OwnerId, cancellationToken);
            await delivery.Post(teamId, DeliveryKey, $"{Periods.DayKey(day)}-{experiment.ShortId}", PostTarget.Person(window),
                () => ReminderMessages.ExperimentDue(experiment, window, settings, words), cancellationToken);
        }
    }
}
