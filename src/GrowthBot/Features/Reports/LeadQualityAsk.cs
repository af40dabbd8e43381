using GrowthBot.Common;
using GrowthBot.Resources;
using System.Collections.Concurrent;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Reports;

/// <summary>
/// The question to sales in a report's thread, kept showing the current ratings ("Good 2 · Mixed 1") with chat.update
/// after each click. Updates of one question run one at a time and each reads the counts afresh, so the last update
/// Slack gets always shows every rating stored before it.
/// </summary>
public sealed class LeadQualityAsk(
    ReportStore reports, ExperimentStore experiments, FeedbackStore feedback, LeadRaters raters, Readers readers, ISlackApi slack, ILogger<LeadQualityAsk> logger)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _updating = new();

    /// <summary>
    /// A click on the question about the experiment <paramref name="shortId"/>: the report whose thread it is in and
    /// the experiment, when the clicker is one of the people asked; otherwise what to tell them instead, in <paramref name="words"/> (theirs).
    /// </summary>
    public async Task<(ReportEntry? Report, Experiment? Experiment, string? Problem)> Resolve(BlockActionRequest request, string? shortId, Wording words, CancellationToken cancellationToken)
    {
        if (!ShortId.TryParse(shortId, ShortId.Experiment, out var number)) return (null, null, words.Text(ReportText.UnreadableButton));
        var threadTs = request.Payload.Container?.ThreadTs ?? request.Payload.Message?.ThreadTs;
        var report = threadTs is null ? null : await reports.FindByThread(request.TeamId, threadTs, cancellationToken);
        if (report is null) return (null, null, words.Text(ReportText.UnknownReport));
        var experiment = await experiments.Find(request.TeamId, number, cancellationToken);
        if (experiment is null) return (null, null, WeeklyReportMessages.NoLongerExists(shortId!, words));
        if (!report.AskedExperimentIds.Contains(experiment.Id)) return (null, null, WeeklyReportMessages.NotAskedAbout(experiment.ShortId, words));
        var (people, group) = raters.Configured(request.TeamId);
        return await raters.IsAsked(request.TeamId, request.UserId, cancellationToken) switch
        {
            Asked.Yes => (report, experiment, null),
            Asked.Unknown => (null, null, words.Text(ReportText.CouldNotCheckGroup)),
            _ => (null, null, WeeklyReportMessages.NotAsked(people, group, words)),
        };
    }

    /// <summary>Rewrites the question of <paramref name="reportId"/>'s thread with the ratings stored so far.</summary>
    public async Task Refresh(string teamId, long reportId, CancellationToken cancellationToken)
    {
        var gate = _updating.GetOrAdd(reportId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await reports.Find(teamId, reportId, cancellationToken) is not { AskTs: { } askTs, Channel: { } channel } report) return;
            if (report.AskedUsers.Count == 0 && report.AskedGroup is null) return;
            var asked = new List<Experiment>();
            foreach (var id in report.AskedExperimentIds)
                if (await experiments.FindById(report.TeamId, id, cancellationToken) is { } experiment) asked.Add(experiment);
            if (asked.Count == 0) return;
            var message = WeeklyReportMessages.Ask(asked, report.AskedUsers, report.AskedGroup, await feedback.Counts(teamId, reportId, cancellationToken), readers.Channel(teamId));
            await slack.UpdateMessage(new UpdateMessageRequest(channel, askTs, message.Text) { Blocks = message.Blocks }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            // The rating is stored and shows in the next report; only the count in the thread stays behind.
            logger.LogWarning("Could not update the lead-quality question of report {Report} ({Error})", reportId, e.Error);
        }
        finally
        {
            gate.Release();
        }
    }
}
