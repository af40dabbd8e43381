using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;

namespace GrowthBot.Features.Growth;

/// <summary><c>/growth settings</c> opens the settings form for growth leads.</summary>
public sealed class GrowthSettingsCommand(ModalOpener opener, GrowthLeads leads, TeamSettingsService settings, UserGroupDirectory groups, TimeProvider time)
{
    public async Task<SlashCommandResponse> Handle(SlashCommand command, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(command.UserId, cancellationToken))
            return SlashCommandResponse.Ephemeral($"Only {leads.WhoCan(Wording.English)} can change the settings.");
        var current = settings.For(command.TeamId);
        string? label = null;
        if (current.LeadQualityGroup is { } group)
        {
            // A slow usergroups.list must not eat the 3 s (wall clock) the trigger lasts: then the form shows the group's id.
            try
            {
                label = await groups.Label(group, cancellationToken).WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (TimeoutException)
            {
                label = group;
            }
        }
        var view = SettingsModal.Build(current, ModalOrigin.Of(command), label, time.GetUtcNow());
        return SlashCommandResponse.EphemeralOrNone(await opener.Open(command.TriggerId, view, Wording.English, cancellationToken));
    }
}
