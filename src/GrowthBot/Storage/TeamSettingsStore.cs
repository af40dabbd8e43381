using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using GrowthBot.Domain.Settings;

namespace GrowthBot.Storage;

/// <summary>
/// <c>/growth settings</c> per team. Kept in memory too, so the team clock can read the time zone without
/// a database round trip; <see cref="Save"/> refreshes both.
/// </summary>
public sealed class TeamSettingsStore(Database database)
{
    private readonly ConcurrentDictionary<string, TeamSettings> _cache = new();

    /// <summary>The team's saved settings, or null when none were saved (all are loaded at startup).</summary>
    public TeamSettings? Cached(string teamId) => _cache.GetValueOrDefault(teamId);

    /// <summary>Reads every team's saved settings into memory; called once at startup, after migrations.</summary>
    public async Task Load(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        foreach (var row in await connection.QueryAsync<SettingsRow>("SELECT * FROM team_settings"))
            _cache[row.TeamId] = row.ToSettings();
    }

    public async Task<TeamSettings> Get(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SettingsRow>("SELECT * FROM team_settings WHERE team_id = @teamId", new { teamId });
        var settings = row?.ToSettings() ?? new TeamSettings { TeamId = teamId };
        _cache[teamId] = settings;
        return settings;
    }

    public async Task<IReadOnlyList<string>> Teams(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>("SELECT team_id FROM team_settings")).ToList();
    }

    public async Task Save(TeamSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO team_settings (team_id, report_channel, report_day, report_time, time_zone, lead_quality_users, lead_quality_group,
                okr_progress_in_report, nudges_enabled, updated_by, updated_at)
            VALUES (@TeamId, @ReportChannel, @ReportDay, @ReportTime, @TimeZone, @Users, @LeadQualityGroup, @OkrProgressInReport, @NudgesEnabled, @UpdatedBy, @UpdatedAt)
            ON CONFLICT (team_id) DO UPDATE SET report_channel = excluded.report_channel, report_day = excluded.report_day,
                report_time = excluded.report_time, time_zone = excluded.time_zone, lead_quality_users = excluded.lead_quality_users,
                lead_quality_group = excluded.lead_quality_group, okr_progress_in_report = excluded.okr_progress_in_report,
                nudges_enabled = excluded.nudges_enabled, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new
        {
            settings.TeamId, settings.ReportChannel, ReportDay = settings.ReportDay?.ToString(),
            ReportTime = settings.ReportTime?.ToString("HH:mm", CultureInfo.InvariantCulture), settings.TimeZone,
            Users = string.Join(",", settings.LeadQualityUsers), settings.LeadQualityGroup,
            settings.OkrProgressInReport, settings.NudgesEnabled, settings.UpdatedBy, settings.UpdatedAt,
        });
        _cache[settings.TeamId] = settings;
    }

    private sealed class SettingsRow
    {
        public string TeamId { get; init; } = "";
        public string? ReportChannel { get; init; }
        public string? ReportDay { get; init; }
        public string? ReportTime { get; init; }
        public string? TimeZone { get; init; }
        public string LeadQualityUsers { get; init; } = "";
        public string? LeadQualityGroup { get; init; }
        public bool OkrProgressInReport { get; init; }
        public bool NudgesEnabled { get; init; }
        public string? UpdatedBy { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }

        public TeamSettings ToSettings() => new()
        {
            TeamId = TeamId, ReportChannel = ReportChannel,
            ReportDay = ReportDay is null ? null : Enum.Parse<DayOfWeek>(ReportDay),
            ReportTime = ReportTime is null ? null : TimeOnly.ParseExact(ReportTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone = TimeZone,
            LeadQualityUsers = LeadQualityUsers.Split(',', StringSplitOptions.RemoveEmptyEntries),
            LeadQualityGroup = LeadQualityGroup, OkrProgressInReport = OkrProgressInReport, NudgesEnabled = NudgesEnabled,
            UpdatedBy = UpdatedBy, UpdatedAt = UpdatedAt,
        };
    }
}
