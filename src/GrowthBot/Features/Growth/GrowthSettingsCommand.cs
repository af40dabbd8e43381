using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(ModalOpener opener, GrowthLeads leads, TeamSettingsService settings)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan()} can change the settings.");
        var view = SettingsModal.Build(settings.For(command.TeamId), ModalOrigin.Of(command));
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, view, cancellationToken));
    }
}
