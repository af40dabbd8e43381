using GrowthBot.Resources;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// The Conclude button (experiment card, "experiment due" DM, App Home): opens the Conclude experiment modal for
/// the experiment it carries, or tells the user why it can't be concluded.
/// </summary>
public sealed class ConcludeExperimentButton(ConcludeExperimentModal modal) : IBlockActionHandler
{
    /// <summary>Registered action id; buttons use <c>experiment_conclude:E3</c> (see <see cref="For"/>) or value <c>E3</c>.</summary>
    public const string ActionId = "experiment_conclude";

    /// <summary>The Conclude button for <paramref name="e"/>; its action id carries the short id, so many can share a block.</summary>
    public static Button For(Experiment e, Wording words) => new(words.Text(ExperimentText.ButtonConclude), $"{ActionId}:{e.ShortId}", e.ShortId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var problem = await modal.Open(request.TeamId, request.UserId, request.TriggerId, request.Argument, ModalOrigin.Of(request), cancellationToken);
        return ActionResponse.EphemeralOrNone(problem);
    }
}
