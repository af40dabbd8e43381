using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Common;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Reports;

/// <summary>
/// Builds the weekly report of the week before the current one and posts it once per week: the report,
/// then in its thread one detail reply per concluded experiment and the lead-quality ask to sales, then the
/// key-result progress post (unless progress is inside the report). Each of these has its own delivery key,
/// so a run interrupted half-way finishes the rest next time without repeating anything.
/// </summary>
public sealed class WeeklyReportPoster(
    WeeklyReportReader reader, ReportThreadStore threads,
    ScheduledDelivery delivery, TeamSettingsService teamSettings, TimeProvider time, ILogger<WeeklyReportPoster> logger)
{
    /// <summary>The report itself, recorded per week.</summary>
    public const string ReportKey = "weekly-report";

    /// <summary>One thread reply per concluded experiment, recorded per week and experiment.</summary>
    public const string DetailKey = "weekly-report-detail";

    /// <summary>The lead-quality question to sales in the thread, recorded per week.</summary>
    public const string AskKey = "weekly-report-ask";

    /// <summary>The key-result progress post after the report, recorded per week.</summary>
    public const string OkrProgressKey = "okr-progress";

    public static readonly IReadOnlyList<string> DeliveryKeys = [ReportKey, DetailKey, AskKey, OkrProgressKey];
    private const int MaxDetails = 10;

    /// <summary>Posts this week's report if its time has come and it was not posted yet.</summary>
    public async Task<DeliveryOutcome> RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        var now = time.GetUtcNow();
        return ScheduleMath.PostWeeklyNow(settings.WeeklyReportCron, settings.Zone, settings.Hours, now) ? await Post(settings, cancellationToken) : DeliveryOutcome.NotYet;
    }

    /// <summary>Posts this week's report now (once per week, whoever asks).</summary>
    public async Task<DeliveryOutcome> Post(TeamSettings settings, CancellationToken cancellationToken)
    {
        if (settings.ReportChannel.Length == 0)
        {
            logger.LogWarning("No report channel for team {Team}: set GrowthBot__ReportChannel or use /growth settings", settings.TeamId);
            return new DeliveryOutcome(false, false, null, null, "no_report_channel");
        }
        var now = time.GetUtcNow();
        var week = Periods.WeekKey(Periods.LocalDate(now, settings.Zone));
        var report = await reader.Build(settings.TeamId, settings.Zone, now, cancellationToken);
        var channel = PostTarget.Channel(settings.ReportChannel);
        var words = Wording.English;

        var main = await delivery.Post(settings.TeamId, ReportKey, week, channel, () => WeeklyReportMessages.Report(report, settings.OkrProgressInReport, words), cancellationToken);
        if (!main.Delivered || main.Ts is null) return main;
        var thread = PostTarget.Channel(main.Channel!);

        foreach (var experiment in report.Concluded.Take(MaxDetails))
            await delivery.Post(settings.TeamId, DetailKey, $"{week}-{experiment.ShortId}", thread, () => WeeklyReportMessages.Detail(experiment, report.To, words), cancellationToken, main.Ts);

        if (report.AskAbout.Count > 0)
        {
            // Remembered before asking, so the first reply already finds its experiments.
            await threads.Add(new ReportThread(settings.TeamId, main.Channel!, main.Ts, week, report.AskAbout.Select(e => e.Id).ToList()), now, cancellationToken);
            await delivery.Post(settings.TeamId, AskKey, week, thread,
                () => WeeklyReportMessages.Ask(report.AskAbout, settings.LeadQualityUsers, settings.LeadQualityGroup), cancellationToken, main.Ts);
        }

        if (!settings.OkrProgressInReport && report.KeyResults.Count > 0)
            await delivery.Post(settings.TeamId, OkrProgressKey, week, thread, () => WeeklyReportMessages.OkrProgress(report.ObjectiveTitle, report.KeyResults, words), cancellationToken);
        return main;
    }
}
