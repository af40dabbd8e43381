using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Jobs;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using Microsoft.Extensions.Options;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(ModalOpener opener, GrowthLeads leads, TeamConfiguration configuration, IOptionsMonitor<GrowthBotOptions> options)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan()} can change the settings.");
        var settings = await configuration.For(command.TeamId, cancellationToken);
        var view = SettingsModal.Build(settings, options.CurrentValue, ModalOrigin.Of(command));
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, view, cancellationToken));
    }
}
