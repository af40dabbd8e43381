using GrowthBot.Resources;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// "Set the next period", under a period that is over (in <c>/okr</c> and the report's review): opens the Set OKRs modal
/// with the next month or quarter, for a growth lead.
/// </summary>
public sealed class SetNextPeriodButton(SetOkrModal modal) : IBlockActionHandler
{
    public const string ActionId = "okr_next_period";

    public static Button For(Wording words) => new(words.Text(PeriodText.NextPeriodButton), ActionId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, next: true, ModalOrigin.Of(request), cancellationToken));
}
