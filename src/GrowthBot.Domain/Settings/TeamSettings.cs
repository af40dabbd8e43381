namespace GrowthBot.Domain.Settings;

/// <summary>
/// What a growth lead set with <c>/growth settings</c>. Null fields fall back to the environment's defaults
/// (GrowthBot__ReportChannel, __TimeZone, __Schedule__WeeklyReport).
/// </summary>
public sealed record TeamSettings
{
    public required string TeamId { get; init; }
    public string? ReportChannel { get; init; }
    public DayOfWeek? ReportDay { get; init; }
    public TimeOnly? ReportTime { get; init; }
    public string? TimeZone { get; init; }
    /// <summary>People asked about lead quality in the report's thread.</summary>
    public IReadOnlyList<string> LeadQualityUsers { get; init; } = [];
    /// <summary>A user group id (S0123) mentioned as <c>&lt;!subteam^S0123&gt;</c>.</summary>
    public string? LeadQualityGroup { get; init; }
    public bool OkrProgressInReport { get; init; }
    public bool NudgesEnabled { get; init; } = true;
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
