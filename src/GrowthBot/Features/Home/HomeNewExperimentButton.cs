using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;

namespace GrowthBot.Features.Home;

/// <summary>The New experiment button on the App Home opens the New experiment modal.</summary>
public sealed class HomeNewExperimentButton(ISlackApi slack, OkrStore okrs, TeamClock clock) : IBlockActionHandler
{
    public const string ActionId = "home_new_experiment";

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        if (request.TriggerId is null) return ActionResponse.Ephemeral("Slack sent no trigger to open the form with; please try again, or use `/experiment new`.");
        // The trigger expires 3 s after the click: one quick read for the key results, then open at once.
        var keyResults = await okrs.CurrentKeyResults(request.TeamId, cancellationToken);
        // No channel and no response_url on the home: the confirmation goes to the person's DM with the bot.
        var view = NewExperimentModal.Build(request.UserId, clock.Today(request.TeamId), keyResults, new ModalOrigin(null, null));
        await slack.OpenView(request.TriggerId, view, cancellationToken);
        return ActionResponse.None;
    }
}
