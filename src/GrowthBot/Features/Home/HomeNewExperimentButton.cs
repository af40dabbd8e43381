using GrowthBot.Resources;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Home;

/// <summary>The New experiment button on the App Home opens the New experiment modal.</summary>
public sealed class HomeNewExperimentButton(NewExperimentModal modal) : IBlockActionHandler
{
    public const string ActionId = "home_new_experiment";

    public static Button For(Wording words) => new(words.Text(HomeText.NewExperimentButton), ActionId) { Style = ButtonStyle.Primary };

    /// <summary>The home has no channel and no response_url: the confirmation goes to the person's DM with the bot.</summary>
    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, ModalOrigin.Of(request), cancellationToken));
}
