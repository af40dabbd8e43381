using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(ISlackApi slack, GrowthLeads leads, TeamSettingsService settings)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.TriggerId is null) return SlashCommandResponse.Ephemeral("Slack sent no trigger to open the form with; please try again.");
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan()} can change the settings.");
        await slack.OpenView(command.TriggerId, SettingsModal.Build(settings.For(command.TeamId), new ModalOrigin(command.ChannelId, command.ResponseUrl)), cancellationToken);
        return SlashCommandResponse.None;
    }
}
