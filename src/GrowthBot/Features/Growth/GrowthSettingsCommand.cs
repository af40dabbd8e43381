using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Jobs;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(ISlackApi slack, GrowthLeads leads, TeamConfiguration configuration, IOptionsMonitor<GrowthBotOptions> options)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        if (command.TriggerId is null) return SlashCommandResponse.Ephemeral("Slack sent no trigger to open the form with; please try again.");
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan()} can change the settings.");
        var settings = await configuration.For(command.TeamId, cancellationToken);
        await slack.OpenView(command.TriggerId, SettingsModal.Build(settings, options.CurrentValue, new ModalOrigin(command.ChannelId, command.ResponseUrl)), cancellationToken);
        return SlashCommandResponse.None;
    }
}
