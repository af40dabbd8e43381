using GrowthBot.Common;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Delivery;

/// <summary>
/// What the one rule decided for one person now: whether a direct message may reach them, and if not, when it may.
/// Only <see cref="DirectMessageTiming"/> makes these, and a DM is only posted through an open one
/// (<see cref="PostTarget.Person"/>).
/// </summary>
public sealed record DirectMessageWindow
{
    internal DirectMessageWindow(string userId, TimeZoneInfo zone, DateTimeOffset localNow, bool isOpen, DateTimeOffset? next)
    {
        UserId = userId;
        Zone = zone;
        LocalNow = localNow;
        IsOpen = isOpen;
        Next = next;
    }

    public string UserId { get; }
    /// <summary>The person's own time zone (users.info), or the team's when Slack does not say.</summary>
    public TimeZoneInfo Zone { get; }
    /// <summary>Now, on the person's clock: what greetings and "today" in their message follow.</summary>
    public DateTimeOffset LocalNow { get; }
    public bool IsOpen { get; }
    /// <summary>When the message may go, if not now; null when it will not go at all (its day passed, a newer one replaces it).</summary>
    public DateTimeOffset? Next { get; }

    public DateOnly LocalToday => DateOnly.FromDateTime(LocalNow.DateTime);
    public TimeOnly LocalTime => TimeOnly.FromDateTime(LocalNow.DateTime);
}

/// <summary>
/// The one rule for every direct message the bot starts on its own (task nudges, the OKR check-in, experiment due, the
/// blocker summary, "invite me to the channel", and any later one): it reaches a person only on the team's working
/// days, from the team's nudge hour and outside quiet hours, in the person's own time zone (users.info), and never
/// while they paused; otherwise at their next allowed moment. The rule itself is <see cref="MessageHours"/>; this
/// gathers what it needs: the team's settings, the person's zone and pause, and the clock.
/// </summary>
public sealed class DirectMessageTiming(
    UserProfiles profiles, NudgePauseStore pauses, TeamSettingsService teamSettings, TimeProvider time, ILogger<DirectMessageTiming> logger)
{
    /// <summary>
    /// May a message that became due at <paramref name="dueAt"/> (e.g. the check-in's Friday 14:00 in the team's zone)
    /// reach <paramref name="userId"/> now? It goes at the person's first allowed moment at or after it, or later that
    /// same day when the bot was down then; never days late, and never once <paramref name="until"/> (the next one's
    /// due time) has come, since that one replaces it.
    /// </summary>
    public async Task<DirectMessageWindow> Message(string teamId, string userId, DateTimeOffset dueAt, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var (hours, zone, paused, now) = await Context(teamId, userId, cancellationToken);
        var first = hours.NextOpen(dueAt, zone, paused);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        DirectMessageWindow Window(bool open, DateTimeOffset? next) => Decided(new DirectMessageWindow(userId, zone, localNow, open, next), "message");

        if (first is not { } opens || opens >= until) return Window(false, null);
        if (now < opens) return Window(false, opens);
        var sameDay = Periods.LocalDate(now, zone) == Periods.LocalDate(opens, zone);
        return Window(sameDay && hours.IsOpen(now, zone, paused) && (until is null || now < until), null);
    }

    /// <summary>May the daily nudge (or the leads' blocker summary) reach <paramref name="userId"/> now, once today?</summary>
    public async Task<DirectMessageWindow> Nudge(string teamId, string userId, CancellationToken cancellationToken)
    {
        var (hours, zone, paused, now) = await Context(teamId, userId, cancellationToken);
        var decision = hours.Nudge(now, zone, paused);
        var next = decision switch
        {
            NudgeDecision.Send => (DateTimeOffset?)null,
            // Skipped today: the next chance is the next working day's nudge hour.
            NudgeDecision.TooLate => hours.NextOpen(Periods.StartOf(Periods.LocalDate(now, zone).AddDays(1), zone), zone, paused),
            _ => hours.NextOpen(now, zone, paused),
        };
        return Decided(new DirectMessageWindow(userId, zone, TimeZoneInfo.ConvertTime(now, zone), decision == NudgeDecision.Send, next), "nudge");
    }

    private async Task<(MessageHours Hours, TimeZoneInfo Zone, DateOnly? Paused, DateTimeOffset Now)> Context(string teamId, string userId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        var zone = await profiles.Zone(teamId, userId, settings.Zone, cancellationToken);
        var paused = await pauses.Until(teamId, userId, cancellationToken);
        return (settings.Hours, zone, paused, time.GetUtcNow());
    }

    private DirectMessageWindow Decided(DirectMessageWindow window, string kind)
    {
        if (!window.IsOpen)
            logger.LogDebug("A {Kind} for {User} waits: {When} ({Zone})", kind, window.UserId,
                window.Next is { } next ? $"until {next:u}" : "not today", window.Zone.Id);
        return window;
    }
}
