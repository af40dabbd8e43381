using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Common;
using GrowthBot.Storage;

namespace GrowthBot.Jobs;

/// <summary>
/// Once a week, before the report (Friday 11:00 in the team's zone by default), each sales person set in
/// <c>/growth settings</c> (the people who rate lead quality, and their user group's members) gets a DM with a
/// "Check in the pipeline" button, at their first allowed moment (<see cref="DirectMessageTiming"/>). Nobody is asked
/// in a week whose pipeline numbers were already checked in.
/// </summary>
public sealed class PipelineCheckInPoster(
    PipelineStore pipeline, LeadRaters sales, UserGroupDirectory groups, DirectMessageTiming timing, ScheduledDelivery delivery,
    TeamSettingsService teamSettings, Readers readers, TimeProvider time)
{
    /// <summary>Recorded per sales person and the week the ask became due (in the team's zone).</summary>
    public const string DeliveryKey = "pipeline-check-in";

    public async Task RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (ScheduleMath.LastFire(settings.Schedule.PipelineCheckIn, settings.Zone, time.GetUtcNow()) is not { } fire) return;
        var (dueAt, next) = fire;
        var dueDay = Periods.LocalDate(dueAt, settings.Zone);
        if (await pipeline.CheckedInSince(teamId, Periods.StartOf(Periods.WeekStart(dueDay), settings.Zone), cancellationToken)) return;

        var (people, group) = sales.Configured(teamId);
        var asked = people.ToList();
        if (group is not null && await groups.Members(group, cancellationToken) is { } members) asked.AddRange(members.Order(StringComparer.Ordinal));
        if (asked.Count == 0) return;
        var latest = (await pipeline.Latest(teamId, time.GetUtcNow(), 1, cancellationToken)).FirstOrDefault();
        var week = Periods.WeekKey(dueDay);
        foreach (var person in asked.Distinct(StringComparer.Ordinal))
        {
            var window = await timing.Message(teamId, person, dueAt, next, cancellationToken);
            if (!window.IsOpen) continue;
            var words = await readers.Person(teamId, person, cancellationToken);
            await delivery.Post(teamId, DeliveryKey, week, PostTarget.Person(window),
                () => ReminderMessages.PipelineCheckIn(latest, window, settings, words), cancellationToken);
        }
    }
}
