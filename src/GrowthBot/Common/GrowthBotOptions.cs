namespace GrowthBot.Common;

/// <summary>The <c>GrowthBot</c> configuration section (environment: <c>GrowthBot__…</c>).</summary>
public sealed class GrowthBotOptions
{
    public const string Section = "GrowthBot";

    /// <summary>Channel id the weekly report goes to; <c>/growth settings</c> can change it.</summary>
    public string ReportChannel { get; set; } = "";

    /// <summary>IANA time zone of the team, e.g. Europe/Helsinki.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Comma-separated Slack user ids; empty means workspace admins and owners.</summary>
    public string GrowthLeads { get; set; } = "";

    public ScheduleOptions Schedule { get; set; } = new();

    public IReadOnlyList<string> GrowthLeadIds =>
        GrowthLeads.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Quartz cron expressions of the scheduled posts, in the team's time zone.</summary>
public sealed class ScheduleOptions
{
    public string WeeklyReport { get; set; } = "0 0 9 ? * MON";
    public string TaskNudges { get; set; } = "0 0 10 ? * MON-FRI";
    public string OkrCheckIn { get; set; } = "0 0 14 ? * FRI";
    public string ExperimentDue { get; set; } = "0 0 10 ? * *";
}
