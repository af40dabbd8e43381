using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>Good / Mixed / Poor in the report's thread: stored as sales' feedback on that experiment; the clicker gets a private thank-you.</summary>
public sealed class LeadQualityButton(ExperimentStore experiments, FeedbackStore feedback, TimeProvider time) : IBlockActionHandler
{
    public const string ActionId = "lead_quality";

    /// <summary>The button rating the leads of <paramref name="e"/> as <paramref name="quality"/>: <c>lead_quality:E3:Good</c>.</summary>
    public static Button For(Experiment e, LeadQuality quality) =>
        new(quality.ToString(), $"{ActionId}:{e.ShortId}:{quality}", $"{e.ShortId}:{quality}")
        {
            Style = quality switch { LeadQuality.Good => ButtonStyle.Primary, LeadQuality.Poor => ButtonStyle.Danger, _ => null },
        };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        // action_id lead_quality:E3:Good
        var parts = request.Action.ActionId.Split(':');
        if (parts.Length != 3 || !ShortId.TryParse(parts[1], ShortId.Experiment, out var number) || !Enum.TryParse<LeadQuality>(parts[2], out var quality))
            return ActionResponse.Ephemeral("Sorry, I couldn't read that button. Please reply in the thread instead.");
        var experiment = await experiments.Find(request.TeamId, number, cancellationToken);
        if (experiment is null) return ActionResponse.Ephemeral($"{parts[1]} no longer exists.");
        await feedback.Add(new LeadFeedback
        {
            TeamId = request.TeamId, ExperimentId = experiment.Id, Quality = quality, Source = FeedbackSource.Button,
            MessageTs = ThreadOf(request), CreatedBy = request.UserId, CreatedAt = time.GetUtcNow(),
        }, cancellationToken);
        return ActionResponse.Ephemeral($"Thanks! Noted *{quality}* leads for *{experiment.ShortId}* {MrkdwnText.Escape(experiment.Name)}. Pick a reason too if you like, or reply in the thread.");
    }

    public static string? ThreadOf(BlockActionRequest request) =>
        request.Payload.Container?.ThreadTs ?? request.Payload.Message?.ThreadTs ?? request.Payload.Container?.MessageTs;
}
