using GrowthBot.Resources;
using System.Collections.Concurrent;
using System.Globalization;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.Extensions.Options;

namespace GrowthBot.Common;

/// <summary>
/// A team's settings as the clock, the jobs and the features read them: what its growth lead saved with
/// <c>/growth settings</c> over the environment's defaults (<see cref="GrowthBotOptions"/>).
/// </summary>
public sealed record TeamSettings
{
    public required string TeamId { get; init; }
    /// <summary>Where the weekly report goes; empty when neither a saved channel nor GrowthBot__ReportChannel names one.</summary>
    public required string ReportChannel { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    /// <summary>The weekly report's day and time for the settings form; null when the default cron is not a plain weekly one.</summary>
    public DayOfWeek? ReportDay { get; init; }
    public TimeOnly? ReportTime { get; init; }
    public required string WeeklyReportCron { get; init; }
    /// <summary>The other jobs' crons: the environment's, the same for every team.</summary>
    public required ScheduleOptions Schedule { get; init; }
    public IReadOnlyList<string> LeadQualityUsers { get; init; } = [];
    public string? LeadQualityGroup { get; init; }
    public bool OkrProgressInReport { get; init; }
    public bool NudgesEnabled { get; init; } = true;
    /// <summary>When the bot may write to people: the team's working days and nudge hour, in each person's own zone.</summary>
    public MessageHours Hours { get; init; } = MessageHours.Default;
    /// <summary>The OKR check-in's day and time (from its cron); null when that cron is not a plain weekly one.</summary>
    public DayOfWeek? CheckInDay { get; init; }
    public TimeOnly? CheckInTime { get; init; }
    /// <summary>What the team's channel posts are written in, and what people read who have no language of their own.</summary>
    public Language Language { get; init; } = Language.English;
    /// <summary>The currency budgets, spend and deal sizes are in (<c>/growth settings</c>; EUR by default).</summary>
    public Currency Currency { get; init; } = Currency.Euro;
}

/// <summary>
/// The one place that answers "what are this team's settings?" and "which teams are there?". Saved settings
/// are held in memory (loaded at startup, updated on save), so the clock can ask on every request without a
/// database round trip; the environment's defaults are read live, so a changed default applies at once.
/// </summary>
public sealed class TeamSettingsService(
    TeamSettingsStore store, InstallationStore installations, IOptionsMonitor<GrowthBotOptions> options, IOptions<SlackOptions> slack,
    SlackIdentity identity, ILogger<TeamSettingsService> logger)
{
    private readonly ConcurrentDictionary<string, SavedTeamSettings> _saved = new();

    /// <summary>
    /// Raised after a team's settings were saved, with the new effective settings. Handlers must only queue
    /// work: the caller is a modal submission that Slack wants acknowledged within 3 s.
    /// </summary>
    public event Action<TeamSettings>? Saved;

    /// <summary>
    /// Reads every team's saved settings: at startup, after migrations and before the first request, and on every catch-up
    /// sweep, so settings another instance saved apply here too.
    /// </summary>
    public async Task Load(CancellationToken cancellationToken = default)
    {
        foreach (var saved in await store.All(cancellationToken))
        {
            _saved[saved.TeamId] = saved;
            if (saved.TimeZone is { } zone && Known(zone) is null)
                logger.LogWarning("Team {Team} saved the time zone '{Zone}', which this machine does not know; using {Default} until it is saved again",
                    saved.TeamId, zone, For(saved.TeamId).Zone.Id);
        }
    }

    /// <summary>This team's effective settings; a team that saved nothing gets the environment's defaults.</summary>
    public TeamSettings For(string teamId) => Merge(teamId, _saved.GetValueOrDefault(teamId));

    /// <summary>The environment's defaults alone: what the schedule follows before the bot knows its workspace.</summary>
    public TeamSettings Defaults => Merge("", null);

    private TeamSettings Merge(string teamId, SavedTeamSettings? saved)
    {
        var defaults = options.CurrentValue;
        var savedWeekly = saved is { ReportDay: { } day, ReportTime: { } at } ? (day, at) : ((DayOfWeek, TimeOnly)?)null;
        var weekly = savedWeekly ?? ReadWeeklyCron(defaults.Schedule.WeeklyReport);
        var checkIn = ReadWeeklyCron(defaults.Schedule.OkrCheckIn);
        return new TeamSettings
        {
            TeamId = teamId,
            ReportChannel = saved?.ReportChannel ?? defaults.ReportChannel,
            Zone = Known(saved?.TimeZone) ?? Known(defaults.TimeZone) ?? TimeZoneInfo.Utc,
            ReportDay = weekly?.Item1,
            ReportTime = weekly?.Item2,
            WeeklyReportCron = savedWeekly is { } w ? WeeklyCron(w.Item1, w.Item2) : defaults.Schedule.WeeklyReport,
            Schedule = defaults.Schedule,
            LeadQualityUsers = saved?.LeadQualityUsers ?? [],
            LeadQualityGroup = saved?.LeadQualityGroup,
            OkrProgressInReport = saved?.OkrProgressInReport ?? false,
            NudgesEnabled = saved?.NudgesEnabled ?? true,
            Hours = new MessageHours(
                saved?.WorkingDays is { Count: > 0 } days ? days.ToHashSet() : MessageHours.MondayToFriday,
                saved?.NudgeHour ?? MessageHours.DefaultNudgeHour),
            CheckInDay = checkIn?.Item1,
            CheckInTime = checkIn?.Item2,
            Language = Language.Find(saved?.Language) ?? Language.Find(defaults.Language) ?? Language.English,
            Currency = Currency.Of(saved?.Currency),
        };
    }

    /// <summary>
    /// The teams the scheduled posts are for. One workspace: the one the bot token belongs to (once auth.test answered),
    /// then every team that saved settings. Many workspaces: the installed ones, read afresh each time, so a new install
    /// gets its posts and an uninstalled team none, whichever instance saw the change.
    /// </summary>
    public async Task<IReadOnlyList<string>> Teams(CancellationToken cancellationToken)
    {
        if (slack.Value.MultiWorkspace) return await installations.Teams(cancellationToken);
        var teams = _saved.Keys.Order(StringComparer.Ordinal).ToList();
        if (identity.TeamId is { } installed && !teams.Contains(installed)) teams.Insert(0, installed);
        return teams;
    }

    /// <summary>
    /// Completes once <see cref="Teams"/> can answer: with one workspace when auth.test has named it, with many at once
    /// (the installed teams are in the database).
    /// </summary>
    public Task WhenTeamsKnown(CancellationToken cancellationToken) =>
        slack.Value.MultiWorkspace ? Task.CompletedTask : identity.WhenKnown(cancellationToken);

    /// <summary>Stores what a growth lead chose; it applies from the next read on, then <see cref="Saved"/> is raised.</summary>
    public async Task<TeamSettings> Save(SavedTeamSettings saved, CancellationToken cancellationToken)
    {
        await store.Save(saved, cancellationToken);
        _saved[saved.TeamId] = saved;
        var effective = For(saved.TeamId);
        foreach (var listener in Saved?.GetInvocationList().Cast<Action<TeamSettings>>() ?? [])
        {
            try
            {
                listener(effective);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A listener failed on the saved settings of team {Team}", saved.TeamId);
            }
        }
        return effective;
    }

    /// <summary>The zone of this id, or null when it is empty or this machine does not know it; never throws.</summary>
    public static TimeZoneInfo? Known(string? zoneId) =>
        zoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : null;

    /// <summary>e.g. Monday 09:00 → <c>0 0 9 ? * MON</c>.</summary>
    public static string WeeklyCron(DayOfWeek day, TimeOnly at) =>
        string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * {day.ToString()[..3].ToUpperInvariant()}");

    /// <summary>The day and time of a plain weekly cron (<c>0 m h ? * DAY</c>); null for anything else.</summary>
    private static (DayOfWeek Day, TimeOnly Time)? ReadWeeklyCron(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || !int.TryParse(parts[1], out var minute) || !int.TryParse(parts[2], out var hour) || minute is < 0 or > 59 || hour is < 0 or > 23) return null;
        var day = Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString()[..3].Equals(parts[5], StringComparison.OrdinalIgnoreCase), (DayOfWeek)(-1));
        return (int)day < 0 ? null : (day, new TimeOnly(hour, minute));
    }
}
