using GrowthBot.Resources;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>The "Why?" choice next to Good / Mixed / Poor: adds the reason to the clicker's rating of that experiment.</summary>
public sealed class LeadQualityReasonSelect(ExperimentStore experiments, FeedbackStore feedback, TimeProvider time) : IBlockActionHandler
{
    public const string ActionId = "lead_quality_reason";

    /// <summary>The reason choice for the leads of <paramref name="e"/>: <c>lead_quality_reason:E3</c>.</summary>
    public static StaticSelect For(Experiment e) => new()
    {
        ActionId = $"{ActionId}:{e.ShortId}",
        Placeholder = new PlainText("Why?"),
        Options = Enum.GetValues<LeadQualityReason>().Select(r => Option.Of(Wording.English.Label(r), r.ToString())).ToList(),
    };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var id = request.Action.ActionId.Split(':').ElementAtOrDefault(1);
        if (!ShortId.TryParse(id, ShortId.Experiment, out var number) || !Enum.TryParse<LeadQualityReason>(request.Action.SelectedOption?.Value, out var reason))
            return ActionResponse.Ephemeral("Sorry, I couldn't read that choice. Please reply in the thread instead.");
        var experiment = await experiments.Find(request.TeamId, number, cancellationToken);
        if (experiment is null) return ActionResponse.Ephemeral($"{id} no longer exists.");
        await feedback.SetReason(request.TeamId, experiment.Id, request.UserId, reason, LeadQualityButton.ThreadOf(request), time.GetUtcNow(), cancellationToken);
        return ActionResponse.Ephemeral($"Thanks! Noted “{Wording.English.Label(reason)}” for *{experiment.ShortId}* {MrkdwnText.Escape(experiment.Name)}.");
    }
}
