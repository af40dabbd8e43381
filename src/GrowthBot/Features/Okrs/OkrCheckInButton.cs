using GrowthBot.Resources;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Okrs;

/// <summary>The Check in button (<c>okr_check_in:KR2</c>) of <c>/okr</c> and the Friday DM: opens the check-in modal for that key result.</summary>
public sealed class OkrCheckInButton(CheckInModal modal) : IBlockActionHandler
{
    public const string ActionId = "okr_check_in";

    /// <summary>The Check in button for <paramref name="kr"/>; its action id carries the short id, so many can share a block.</summary>
    public static Button For(KeyResult kr, Wording words) => new(words.Text(OkrText.CheckInButton), $"{ActionId}:{kr.ShortId}", kr.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(
            await modal.Open(request.TeamId, request.UserId, request.TriggerId, request.Argument, ModalOrigin.Of(request), cancellationToken));
}
