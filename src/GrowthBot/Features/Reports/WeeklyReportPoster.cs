using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Charts;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Reports;

/// <summary>
/// Posts the weekly report: the report, then in its thread one detail reply per concluded experiment and the
/// lead-quality question, then the key-result progress post (unless progress is inside the report).
/// <para>
/// Every report is first reserved in the <see cref="ReportStore"/>, which gives it its period: since the team's
/// previous report, up to the slot it was scheduled for (a late catch-up keeps that end) or up to the moment a lead
/// asked for it. Its post and each thread reply have their own delivery key, named after the report, so a run
/// interrupted half-way finishes the rest next time and a retry never repeats anything. A scheduled slot and a
/// <c>/growth report now</c> have different keys: asking for a report before the slot does not swallow the slot,
/// and the slot's report then covers just the time since.
/// </para>
/// </summary>
public sealed class WeeklyReportPoster(
    WeeklyReportReader reader, ReportStore reports, LeadRaters raters, ScheduledDelivery delivery, TeamSettingsService teamSettings,
    GrowthLeads leads, SlackIdentity identity, TeamCharts charts, Readers readers, TimeProvider time, ILogger<WeeklyReportPoster> logger)
{
    /// <summary>The report itself, recorded per report (its period key).</summary>
    public const string ReportKey = "weekly-report";

    /// <summary>One thread reply per concluded experiment, recorded per report and experiment.</summary>
    public const string DetailKey = "weekly-report-detail";

    /// <summary>The lead-quality question in the thread, recorded per report.</summary>
    public const string AskKey = "weekly-report-ask";

    /// <summary>The key-result progress post after the report, recorded per report.</summary>
    public const string OkrProgressKey = "okr-progress";

    /// <summary>The charts in the thread, one message, recorded per report.</summary>
    public const string ChartsKey = "weekly-report-charts";

    public static readonly IReadOnlyList<string> DeliveryKeys = [ReportKey, DetailKey, ChartsKey, AskKey, OkrProgressKey];

    /// <summary>
    /// A <c>/growth report now</c> this soon after the team's latest report links to that one instead of posting an
    /// almost empty report: a double click, or the scheduled report having just gone out.
    /// </summary>
    public static readonly TimeSpan JustPosted = TimeSpan.FromMinutes(2);

    /// <summary>The error of a <see cref="PostNow"/> that found the team's report being posted by another request right now.</summary>
    public const string BeingPosted = "being_posted";

    private const int MaxDetails = 10;

    /// <summary>
    /// The scheduled run: first whatever earlier report is unfinished (in order), then this week's scheduled report
    /// once its time has come, on time or caught up at a humane hour.
    /// </summary>
    public async Task<DeliveryOutcome> RunIfDue(string teamId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (NoChannel(settings) is { } none) return none;
        var now = time.GetUtcNow();
        foreach (var unfinished in await reports.Unfinished(teamId, cancellationToken))
        {
            if (!CatchUpPolicy.MayPost(unfinished.DueAt, now, settings.Zone, settings.Hours)) return DeliveryOutcome.NotYet;
            var outcome = await Publish(unfinished, settings, cancellationToken);
            if (!outcome.Delivered) return outcome;
        }
        if (ScheduleMath.WeeklySlot(settings.WeeklyReportCron, settings.Zone, now) is not { } slot || !CatchUpPolicy.MayPost(slot, now, settings.Zone, settings.Hours))
            return DeliveryOutcome.NotYet;
        var report = await reports.ReserveSlot(teamId, slot, ScheduleMath.WeekStart(settings.Zone, now), now, cancellationToken);
        if (report is null) return DeliveryOutcome.NotYet;
        return report.FinishedAt is null ? await Publish(report, settings, cancellationToken) : new DeliveryOutcome(true, false, report.Channel, report.Ts);
    }

    /// <summary>
    /// <c>/growth report now</c>: a report of the time since the previous one, posted now. Unfinished earlier reports
    /// go first. Right after another report it posts nothing and answers with that one (<see cref="JustPosted"/>).
    /// </summary>
    public async Task<DeliveryOutcome> PostNow(TeamSettings settings, CancellationToken cancellationToken)
    {
        if (NoChannel(settings) is { } none) return none;
        DeliveryOutcome? earlier = null;
        foreach (var unfinished in await reports.Unfinished(settings.TeamId, cancellationToken))
        {
            earlier = await Publish(unfinished, settings, cancellationToken);
            if (!earlier.Delivered) return earlier.InProgress ? new DeliveryOutcome(false, false, null, null, BeingPosted) : earlier;
        }
        var (report, isNew) = await reports.ReserveOnDemand(settings.TeamId, time.GetUtcNow(), JustPosted, cancellationToken);
        if (isNew) return await Publish(report, settings, cancellationToken);
        // The recent report may be the one that only went out just now, above, or one another request is posting.
        if (earlier is { PostedNow: true } && earlier.Ts == report.Ts) return earlier;
        return report.Ts is null ? new DeliveryOutcome(false, false, null, null, BeingPosted) : new DeliveryOutcome(true, false, report.Channel, report.Ts);
    }

    /// <summary>What the team's next report would say if it went out now: the preview of <c>/growth report</c>.</summary>
    public async Task<(WeeklyReport Report, Message Message, ReportContext Context)> Preview(TeamSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = await reader.Build(settings.TeamId, await reports.NextPeriod(settings.TeamId, now, cancellationToken), settings.Zone, now, cancellationToken);
        var context = await Context(settings, report, cancellationToken);
        return (report, WeeklyReportMessages.Report(report, context), context);
    }

    /// <summary>How <paramref name="report"/> is rendered for the team; once its objective's period is over, with the leads asked to set the next.</summary>
    private async Task<ReportContext> Context(TeamSettings settings, WeeklyReport report, CancellationToken cancellationToken) =>
        new(settings.TeamId, settings.Zone, settings.OkrProgressInReport, raters.AnyConfigured(settings.TeamId), identity.AppId, readers.Channel(settings.TeamId))
        {
            Leads = report.Pace is { HasEnded: true } ? await leads.Recipients(cancellationToken) : [],
            Currency = settings.Currency,
        };

    private DeliveryOutcome? NoChannel(TeamSettings settings)
    {
        if (settings.ReportChannel.Length > 0) return null;
        logger.LogWarning("No report channel for team {Team}: set GrowthBot__ReportChannel or use /growth settings", settings.TeamId);
        return new DeliveryOutcome(false, false, null, null, "no_report_channel");
    }

    /// <summary>Posts what of <paramref name="entry"/> is not posted yet; it is finished once every part is delivered.</summary>
    private async Task<DeliveryOutcome> Publish(ReportEntry entry, TeamSettings settings, CancellationToken cancellationToken)
    {
        var teamId = settings.TeamId;
        var now = time.GetUtcNow();
        var report = await reader.Build(teamId, entry.Period, settings.Zone, now, cancellationToken);
        var context = await Context(settings, report, cancellationToken);

        var main = await delivery.Post(teamId, ReportKey, entry.PeriodKey, PostTarget.Channel(settings.ReportChannel),
            () => WeeklyReportMessages.Report(report, context), cancellationToken);
        if (!main.Delivered || main.Ts is null) return main;
        await reports.MarkPosted(entry, main.Channel!, main.Ts, now, cancellationToken);
        var thread = PostTarget.Channel(main.Channel!);

        var complete = true;
        foreach (var experiment in report.Concluded.Take(MaxDetails))
            complete &= (await delivery.Post(teamId, DetailKey, $"{entry.PeriodKey}-{experiment.ShortId}", thread,
                () => WeeklyReportMessages.Detail(experiment, settings.Zone, Periods.LocalDate(now, settings.Zone), context.Words), cancellationToken, main.Ts)).Delivered;
        complete &= await Charts(entry, report, thread, main.Ts, context.Words, cancellationToken);
        if (report.AskAbout.Count > 0)
            complete &= await Ask(entry, report, thread, main.Ts, context.Words, cancellationToken);
        if (!settings.OkrProgressInReport && report.KeyResults.Count > 0)
            complete &= (await delivery.Post(teamId, OkrProgressKey, entry.PeriodKey, thread,
                () => WeeklyReportMessages.OkrProgress(report, context), cancellationToken)).Delivered;
        if (complete) await reports.MarkFinished(entry, now, cancellationToken);
        return main;
    }

    /// <summary>
    /// The charts, one message in the thread after the details. Drawing never fails the report; the uploads happen
    /// only once the post is claimed, and a chart Slack would not take shows its numbers instead. Nothing is posted
    /// when there is nothing to draw yet (no check-ins, no concluded experiments).
    /// </summary>
    private async Task<bool> Charts(ReportEntry entry, WeeklyReport report, PostTarget thread, string threadTs, Wording words, CancellationToken cancellationToken)
    {
        var drawn = (await charts.ForReport(entry.TeamId, words, cancellationToken)).Where(c => c.Result.HasImage).ToList();
        if (drawn.Count == 0) return true;
        var outcome = await delivery.Post(entry.TeamId, ChartsKey, entry.PeriodKey, thread,
            async ct => WeeklyReportMessages.Charts(await charts.Upload(drawn, ct), words),
            () => WeeklyReportMessages.ChartsAsText(drawn, report.MainGoal, words), cancellationToken, threadTs);
        return outcome.Delivered;
    }

    /// <summary>
    /// The lead-quality question, or, when nobody is set to judge leads, the question to the growth leads to choose
    /// someone. Whom it asks about what is remembered before it is posted, so the first reply already finds it, and a
    /// retry asks exactly the same.
    /// </summary>
    private async Task<bool> Ask(ReportEntry entry, WeeklyReport report, PostTarget thread, string threadTs, Wording words, CancellationToken cancellationToken)
    {
        var remembered = entry.AskedExperimentIds.Count > 0;
        var asked = remembered
            ? report.AskAbout.Where(e => entry.AskedExperimentIds.Contains(e.Id)).ToList()
            : report.AskAbout.Take(WeeklyReportMessages.MaxAsked).ToList();
        if (asked.Count == 0) return true;
        var (people, group) = remembered ? (entry.AskedUsers, entry.AskedGroup) : raters.Configured(entry.TeamId);
        if (!remembered) await reports.SetAsked(entry, asked.Select(e => e.Id).ToList(), people, group, cancellationToken);

        var nobodyToAsk = people.Count == 0 && group is null;
        // The growth leads, or with none configured the workspace's admins (who act as leads), are mentioned to choose someone.
        var choosers = nobodyToAsk ? await leads.Recipients(cancellationToken) : [];
        var outcome = await delivery.Post(entry.TeamId, AskKey, entry.PeriodKey, thread,
            () => nobodyToAsk
                ? WeeklyReportMessages.NobodyToAsk(asked, choosers, words)
                : WeeklyReportMessages.Ask(asked, people, group, new Dictionary<long, Domain.Feedback.RatingCounts>(), words),
            cancellationToken, threadTs);
        if (outcome is { Delivered: true, Ts: { } askTs } && entry.AskTs is null) await reports.SetAskTs(entry, askTs, cancellationToken);
        return outcome.Delivered;
    }
}
