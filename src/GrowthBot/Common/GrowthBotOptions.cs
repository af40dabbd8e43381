namespace GrowthBot.Common;

/// <summary>The <c>GrowthBot</c> configuration section (environment: <c>GrowthBot__…</c>).</summary>
public sealed class GrowthBotOptions
{
    public const string Section = "GrowthBot";

    /// <summary>Channel id the weekly report goes to; <c>/growth settings</c> can change it.</summary>
    public string ReportChannel { get; set; } = "";

    /// <summary>IANA time zone of the team, e.g. Europe/Helsinki.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The team's language until <c>/growth settings</c> saves one: <c>en</c>, <c>fi</c>, <c>sv</c>, <c>ru</c> or <c>tr</c>. Channel posts are
    /// written in it, and people whose own language GrowthBot does not speak read it.
    /// </summary>
    public string Language { get; set; } = "en";

    /// <summary>Comma-separated Slack user ids; empty means workspace admins and owners.</summary>
    public string GrowthLeads { get; set; } = "";

    public ScheduleOptions Schedule { get; set; } = new();

    public DeliveryOptions Delivery { get; set; } = new();

    public ChartOptions Charts { get; set; } = new();

    public IReadOnlyList<string> GrowthLeadIds =>
        GrowthLeads.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Quartz cron expressions of the scheduled posts, in the team's time zone.</summary>
public sealed class ScheduleOptions
{
    public string WeeklyReport { get; set; } = "0 0 9 ? * MON";
    /// <summary>
    /// How often nudges are checked, not when they arrive: each person gets theirs from the team's nudge hour
    /// (<c>/growth settings</c>, 10:00 by default) in their own time zone, so the check runs every quarter hour.
    /// </summary>
    public string TaskNudges { get; set; } = "0 0/15 * * * ?";
    public string OkrCheckIn { get; set; } = "0 0 14 ? * FRI";
    public string ExperimentDue { get; set; } = "0 0 10 ? * *";

    /// <summary>The weekly DM asking sales for the pipeline's numbers, before the report; skipped in a week they were checked in.</summary>
    public string PipelineCheckIn { get; set; } = "0 0 11 ? * FRI";

    /// <summary>The sweep that posts what is due but not yet delivered (Slack was down, the bot was off).</summary>
    public string CatchUp { get; set; } = "0 0/5 * * * ?";

    /// <summary>The nightly backup of a SQLite database (GrowthBot__Backup__Folder, __Keep say where and how many).</summary>
    public string Backup { get; set; } = "0 30 3 * * ?";

    /// <summary>False runs no scheduler at all (the integration tests, unless a test turns it on).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Pacing of scheduled posts, under Slack's limit of about one message a second per channel.</summary>
public sealed class DeliveryOptions
{
    public TimeSpan ChannelInterval { get; set; } = TimeSpan.FromSeconds(1.1);

    /// <summary>Between any two posts: 50 nudge DMs take about 15 s instead of one 429 storm.</summary>
    public TimeSpan GlobalInterval { get; set; } = TimeSpan.FromMilliseconds(300);
}

/// <summary>
/// Waiting for Slack to process an uploaded chart. Slack refuses an image block whose file it has not processed yet,
/// so an upload is checked with files.info until it is an image, and a message Slack still refuses is tried again;
/// after the last try the text (the ▓░ bar) is shown instead.
/// </summary>
public sealed class ChartOptions
{
    /// <summary>How many times files.info is asked whether an upload is ready, <see cref="RetryInterval"/> apart.</summary>
    public int ReadyChecks { get; set; } = 6;

    /// <summary>How many times a message Slack refused for its image (invalid_blocks) is sent again before its text fallback.</summary>
    public int ImageRetries { get; set; } = 2;

    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
