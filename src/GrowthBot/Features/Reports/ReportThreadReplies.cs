using System.Text.RegularExpressions;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Feedback;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>
/// A person's reply in a weekly report's thread becomes lead-quality feedback: on the experiments it names
/// (E3, E5) when they were asked about, otherwise on every experiment asked about in that thread.
/// </summary>
public sealed partial class ReportThreadReplies(ReportThreadStore threads, ExperimentStore experiments, FeedbackStore feedback, TimeProvider time) : IEventHandler
{
    public const string EventType = "message";

    public async Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        var e = callback.Event;
        // Humans only: edits, deletions, joins and bot posts carry a subtype or a bot id.
        if (!e.IsThreadReply || e.Subtype is not null || e.BotId is not null || e.User is null || string.IsNullOrWhiteSpace(e.Text)) return;
        var thread = await threads.Find(callback.TeamId, e.ThreadTs!, cancellationToken);
        if (thread is null) return;

        var named = new List<long>();
        foreach (Match match in ExperimentId().Matches(e.Text))
            if (ShortId.TryParse(match.Value, ShortId.Experiment, out var number) && await experiments.Find(callback.TeamId, number, cancellationToken) is { } experiment)
                named.Add(experiment.Id);
        var about = named.Count > 0 ? named.Distinct() : thread.ExperimentIds;
        foreach (var experimentId in about)
            await feedback.Add(new LeadFeedback
            {
                TeamId = callback.TeamId, ExperimentId = experimentId, Text = e.Text.Trim(), Source = FeedbackSource.ThreadReply,
                MessageTs = e.Ts, CreatedBy = e.User, CreatedAt = time.GetUtcNow(),
            }, cancellationToken);
    }

    [GeneratedRegex(@"\b[Ee]\d{1,9}\b")]
    private static partial Regex ExperimentId();
}
