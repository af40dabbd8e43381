using GrowthBot.Resources;
using System.Globalization;
using Dapper;

namespace GrowthBot.Storage;

/// <summary>
/// What a growth lead saved with <c>/growth settings</c>. Null fields fall back to the environment's defaults;
/// <c>TeamSettingsService</c> does the merging, so nothing else reads this record.
/// </summary>
public sealed record SavedTeamSettings
{
    public required string TeamId { get; init; }
    public string? ReportChannel { get; init; }
    public DayOfWeek? ReportDay { get; init; }
    public TimeOnly? ReportTime { get; init; }
    /// <summary>An IANA zone id as it was saved; a zone this machine does not know falls back to the default.</summary>
    public string? TimeZone { get; init; }
    /// <summary>People asked about lead quality in the report's thread.</summary>
    public IReadOnlyList<string> LeadQualityUsers { get; init; } = [];
    /// <summary>A user group id (S0123) mentioned as <c>&lt;!subteam^S0123&gt;</c>.</summary>
    public string? LeadQualityGroup { get; init; }
    public bool OkrProgressInReport { get; init; }
    public bool NudgesEnabled { get; init; } = true;
    /// <summary>The days the bot may write to people; null means Monday to Friday.</summary>
    public IReadOnlyList<DayOfWeek>? WorkingDays { get; init; }
    /// <summary>When the bot's direct messages start on a working day, in each person's own zone; null means 10:00.</summary>
    public TimeOnly? NudgeHour { get; init; }
    /// <summary>The team's language code (<c>fi</c>); null means GrowthBot__Language.</summary>
    public string? Language { get; init; }
    /// <summary>The ISO 4217 code amounts are shown in; null means EUR.</summary>
    public string? Currency { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The <c>team_settings</c> table: one row per team that saved <c>/growth settings</c>.</summary>
public sealed class TeamSettingsStore(Database database)
{
    public async Task<IReadOnlyList<SavedTeamSettings>> All(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<SettingsRow>("SELECT * FROM team_settings")).Select(r => r.ToSettings()).ToList();
    }

    public async Task Save(SavedTeamSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO team_settings (team_id, report_channel, report_day, report_time, time_zone, lead_quality_users, lead_quality_group,
                okr_progress_in_report, nudges_enabled, working_days, nudge_hour, language, currency, updated_by, updated_at)
            VALUES (@TeamId, @ReportChannel, @ReportDay, @ReportTime, @TimeZone, @Users, @LeadQualityGroup, @OkrProgressInReport, @NudgesEnabled,
                @WorkingDays, @NudgeHour, @Language, @Currency, @UpdatedBy, @UpdatedAt)
            ON CONFLICT (team_id) DO UPDATE SET report_channel = excluded.report_channel, report_day = excluded.report_day,
                report_time = excluded.report_time, time_zone = excluded.time_zone, lead_quality_users = excluded.lead_quality_users,
                lead_quality_group = excluded.lead_quality_group, okr_progress_in_report = excluded.okr_progress_in_report,
                nudges_enabled = excluded.nudges_enabled, working_days = excluded.working_days, nudge_hour = excluded.nudge_hour,
                language = excluded.language, currency = excluded.currency, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new
        {
            settings.TeamId, settings.ReportChannel, ReportDay = settings.ReportDay?.ToString(),
            ReportTime = settings.ReportTime?.ToString("HH:mm", CultureInfo.InvariantCulture), settings.TimeZone,
            Users = string.Join(",", settings.LeadQualityUsers), settings.LeadQualityGroup,
            settings.OkrProgressInReport, settings.NudgesEnabled,
            WorkingDays = settings.WorkingDays is { } days ? string.Join(",", days.Order()) : null,
            NudgeHour = settings.NudgeHour?.ToString("HH:mm", CultureInfo.InvariantCulture),
            settings.Language, settings.Currency, settings.UpdatedBy, settings.UpdatedAt,
        });
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
        public string? WorkingDays { get; init; }
        public string? NudgeHour { get; init; }
        public string? Language { get; init; }
        public string? Currency { get; init; }
        public string? UpdatedBy { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }

        public SavedTeamSettings ToSettings() => new()
        {
            TeamId = TeamId, ReportChannel = ReportChannel,
            ReportDay = ReportDay is null ? null : Enum.Parse<DayOfWeek>(ReportDay),
            ReportTime = ReportTime is null ? null : TimeOnly.ParseExact(ReportTime, "HH:mm", CultureInfo.InvariantCulture),
            TimeZone = TimeZone,
            LeadQualityUsers = LeadQualityUsers.Split(',', StringSplitOptions.RemoveEmptyEntries),
            LeadQualityGroup = LeadQualityGroup, OkrProgressInReport = OkrProgressInReport, NudgesEnabled = NudgesEnabled,
            WorkingDays = WorkingDays?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>).ToList(),
            NudgeHour = NudgeHour is null ? null : TimeOnly.ParseExact(NudgeHour, "HH:mm", CultureInfo.InvariantCulture),
            Language = Language, Currency = Currency, UpdatedBy = UpdatedBy, UpdatedAt = UpdatedAt,
        };
    }
}
