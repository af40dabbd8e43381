using GrowthBot.Features.Common;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Pipeline;

/// <summary>The "Check in the pipeline" button of the weekly DM to sales and of the App Home: opens the pipeline modal.</summary>
public sealed class PipelineCheckInButton(PipelineModal modal) : IBlockActionHandler
{
    public const string ActionId = "pipeline_check_in";

    public static Button For(Wording words) => new(words.Text(PipelineText.Button), ActionId, "pipeline") { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, ModalOrigin.Of(request), cancellationToken));
}
