using GrowthBot.Resources;
using GrowthBot.Domain.Kpis;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Kpis;

/// <summary>The New KPI button under <c>/kpi</c> (growth leads): opens the KPI modal, empty.</summary>
public sealed class NewKpiButton(KpiModal modal) : IBlockActionHandler
{
    public const string ActionId = "kpi_new";

    public static Button For(Wording words) => new(words.Text(KpiText.NewTitle), ActionId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, null, ModalOrigin.Of(request), cancellationToken));
}

/// <summary>The Edit button of a KPI in <c>/kpi</c> (<c>kpi_edit:K3</c>, growth leads): opens the KPI modal filled with it.</summary>
public sealed class EditKpiButton(KpiModal modal) : IBlockActionHandler
{
    public const string ActionId = "kpi_edit";

    /// <summary>The Edit button for <paramref name="kpi"/>; its action id carries the short id, so many can share a message.</summary>
    public static Button For(Kpi kpi, Wording words) => new(words.Text(KpiText.EditButton), $"{ActionId}:{kpi.ShortId}", kpi.ShortId);

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, request.Argument ?? "", ModalOrigin.Of(request), cancellationToken));
}
