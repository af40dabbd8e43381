using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Settings;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.Extensions.Options;

namespace GrowthBot.Jobs;

/// <summary>A team's settings as the jobs use them: saved values over the environment's defaults.</summary>
public sealed record EffectiveSettings
{
    public required string TeamId { get; init; }
    public required string ReportChannel { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required string WeeklyReportCron { get; init; }
    public required string TaskNudgesCron { get; init; }
    public required string OkrCheckInCron { get; init; }
    public required string ExperimentDueCron { get; init; }
    public IReadOnlyList<string> LeadQualityUsers { get; init; } = [];
    public string? LeadQualityGroup { get; init; }
    public bool OkrProgressInReport { get; init; }
    public bool NudgesEnabled { get; init; } = true;
    public required TeamSettings Saved { get; init; }
}

/// <summary>Reads a team's <see cref="EffectiveSettings"/>, and which teams the jobs serve.</summary>
public sealed class TeamConfiguration(TeamSettingsStore store, IOptionsMonitor<GrowthBotOptions> options, SlackIdentity identity)
{
    public async Task<EffectiveSettings> For(string teamId, CancellationToken cancellationToken) =>
        Merge(await store.Get(teamId, cancellationToken), options.CurrentValue);

    /// <summary>The workspace the bot is installed in, plus any team that saved settings.</summary>
    public async Task<IReadOnlyList<string>> Teams(CancellationToken cancellationToken)
    {
        var teams = (await store.Teams(cancellationToken)).ToList();
        if (identity.TeamId is { } installed && !teams.Contains(installed)) teams.Insert(0, installed);
        return teams;
    }

    public static EffectiveSettings Merge(TeamSettings saved, GrowthBotOptions defaults) => new()
    {
        TeamId = saved.TeamId,
        ReportChannel = saved.ReportChannel ?? defaults.ReportChannel,
        Zone = TimeZoneInfo.FindSystemTimeZoneById(saved.TimeZone ?? defaults.TimeZone),
        WeeklyReportCron = saved.ReportDay is { } day && saved.ReportTime is { } at ? WeeklyCron(day, at) : defaults.Schedule.WeeklyReport,
        TaskNudgesCron = defaults.Schedule.TaskNudges,
        OkrCheckInCron = defaults.Schedule.OkrCheckIn,
        ExperimentDueCron = defaults.Schedule.ExperimentDue,
        LeadQualityUsers = saved.LeadQualityUsers,
        LeadQualityGroup = saved.LeadQualityGroup,
        OkrProgressInReport = saved.OkrProgressInReport,
        NudgesEnabled = saved.NudgesEnabled,
        Saved = saved,
    };

    /// <summary>e.g. Monday 09:00 → <c>0 0 9 ? * MON</c>.</summary>
    public static string WeeklyCron(DayOfWeek day, TimeOnly at) =>
        string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * {day.ToString()[..3].ToUpperInvariant()}");

    /// <summary>The day and time of a simple weekly cron (<c>0 m h ? * DAY</c>), to prefill the settings form.</summary>
    public static (DayOfWeek Day, TimeOnly Time)? ReadWeeklyCron(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6 || !int.TryParse(parts[1], out var minute) || !int.TryParse(parts[2], out var hour) || minute is < 0 or > 59 || hour is < 0 or > 23) return null;
        var day = Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString()[..3].Equals(parts[5], StringComparison.OrdinalIgnoreCase), (DayOfWeek)(-1));
        return (int)day < 0 ? null : (day, new TimeOnly(hour, minute));
    }
}
