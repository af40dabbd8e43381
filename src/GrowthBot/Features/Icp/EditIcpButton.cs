using GrowthBot.Resources;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Icp;

/// <summary>The Edit button under <c>/icp</c> (growth leads): opens the ICP modal with the profile as it is.</summary>
public sealed class EditIcpButton(IcpModal modal) : IBlockActionHandler
{
    public const string ActionId = "icp_edit";

    /// <summary>"Write the ICP" while there is none, "Edit the ICP" after.</summary>
    public static Button For(bool first, Wording words) =>
        new(words.Text(first ? IcpText.WriteButton : IcpText.EditButton), ActionId) { Style = first ? ButtonStyle.Primary : null };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, ModalOrigin.Of(request), cancellationToken));
}
