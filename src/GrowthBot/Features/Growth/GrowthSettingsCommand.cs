using GrowthBot.Features.Common;
using GrowthBot.Features.Settings;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(SettingsModal modal)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken) =>
        SlashCommandResponse.EphemeralOrNone(await modal.Open(command.TeamId, command.UserId, command.TriggerId, ModalOrigin.Of(command), cancellationToken));
}
