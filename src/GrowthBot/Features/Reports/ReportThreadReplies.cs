using GrowthBot.Common;
using System.Text.RegularExpressions;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Feedback;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>
/// A person's reply in a weekly report's thread is kept as a comment and shown in the next report: as sales' feedback
/// when its author is one of the people asked, as a comment otherwise. It is about one experiment only when that is
/// unambiguous (the thread asked about one, or the reply names exactly one, like E12); else about the whole report.
/// </summary>
public sealed partial class ReportThreadReplies(ReportStore reports, ExperimentStore experiments, FeedbackStore feedback, LeadRaters raters, TimeProvider time)
    : IEventHandler
{
    public const string EventType = "message";

    public async Task Handle(EventCallback callback, CancellationToken cancellationToken)
    {
        var e = callback.Event;
        // Humans only: edits, deletions, joins and bot posts carry a subtype or a bot id.
        if (!e.IsThreadReply || e.Subtype is not null || e.BotId is not null || e.User is null || string.IsNullOrWhiteSpace(e.Text)) return;
        var report = await reports.FindByThread(callback.TeamId, e.ThreadTs!, cancellationToken);
        if (report is null) return;

        var named = new HashSet<long>();
        foreach (Match match in ExperimentId().Matches(e.Text))
            if (ShortId.TryParse(match.Value, ShortId.Experiment, out var number) && await experiments.Find(callback.TeamId, number, cancellationToken) is { } experiment)
                named.Add(experiment.Id);
        long? about = named.Count switch
        {
            1 => named.Single(),
            0 when report.AskedExperimentIds.Count == 1 => report.AskedExperimentIds[0],
            _ => null,
        };
        await feedback.AddComment(new ThreadComment
        {
            TeamId = callback.TeamId, ReportId = report.Id, ExperimentId = about, Text = e.Text.Trim(), MessageTs = e.Ts, CreatedBy = e.User,
            // A group whose members could not be read leaves the reply a plain comment: it is kept either way.
            FromSales = await raters.IsAsked(callback.TeamId, e.User, cancellationToken) == Asked.Yes,
            CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
    }

    [GeneratedRegex(@"\b[Ee]\d{1,9}\b")]
    private static partial Regex ExperimentId();
}
