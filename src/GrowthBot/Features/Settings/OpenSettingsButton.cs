using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Settings;

/// <summary>
/// A button that opens the settings form, as <c>/growth settings</c> does: in the report's thread, when nobody is
/// set to judge lead quality, it lets a growth lead choose the people there and then. Others are told who can.
/// </summary>
public sealed class OpenSettingsButton(SettingsModal modal) : IBlockActionHandler
{
    public const string ActionId = "open_settings";

    /// <summary>The button, labelled for what the person is asked to do in the settings.</summary>
    public static Button For(string label) => new(label, ActionId) { Style = ButtonStyle.Primary };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken) =>
        ActionResponse.EphemeralOrNone(await modal.Open(request.TeamId, request.UserId, request.TriggerId, ModalOrigin.Of(request), cancellationToken));
}
