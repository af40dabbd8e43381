using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>The "Why?" choice next to Good / Mixed / Poor: the reason kept with the clicker's rating of that experiment in this thread.</summary>
public sealed class LeadQualityReasonSelect(LeadQualityAsk ask, FeedbackStore feedback, Readers readers, TimeProvider time) : IBlockActionHandler
{
    public const string ActionId = "lead_quality_reason";

    /// <summary>The reason choice for the leads of <paramref name="e"/>: <c>lead_quality_reason:E3</c>, in the thread's language.</summary>
    public static StaticSelect For(Experiment e, Wording words) => new()
    {
        ActionId = $"{ActionId}:{e.ShortId}",
        Placeholder = new PlainText(words.Text(ReportText.WhyPlaceholder)),
        Options = Enum.GetValues<LeadQualityReason>().Select(r => Option.Of(words.Label(r), r.ToString())).ToList(),
    };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var words = await readers.Person(request.TeamId, request.UserId, cancellationToken);
        if (!Enum.TryParse<LeadQualityReason>(request.Action.SelectedOption?.Value, out var reason)) return ActionResponse.Ephemeral(words.Text(ReportText.UnreadableChoice));
        var (report, experiment, problem) = await ask.Resolve(request, request.Argument, words, cancellationToken);
        if (problem is not null) return ActionResponse.Ephemeral(problem);
        await feedback.SetReason(request.TeamId, report!.Id, experiment!.Id, request.UserId, reason, time.GetUtcNow(), cancellationToken);
        return ActionResponse.Ephemeral(WeeklyReportMessages.ReasonNoted(experiment, reason, words));
    }
}
