using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Storage;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Experiments;

/// <summary>
/// Choosing the key result in the New or Edit experiment modal: the "Brings leads for sales to judge" box changes to
/// that key result's "counts leads" at once, and everything typed so far stays.
/// <para>
/// Slack keeps what a person typed into an input across views.update as long as its block id stays, and then ignores
/// a new initial value. So the modal is sent again with the same block ids everywhere (typed values stay), except the
/// leads box, which gets a new block id and with it the new default. The person can still untick it.
/// </para>
/// </summary>
public sealed class ExperimentKeyResultSelect(OkrStore okrs, ISlackApi slack, Readers readers, ILogger<ExperimentKeyResultSelect> logger) : IBlockActionHandler
{
    public const string ActionId = "experiment_key_result";

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        if (request.Payload.View is not { } view) return ActionResponse.None;
        var draft = ExperimentForm.Read(new ViewValues(view.State));
        var keyResults = await ExperimentForm.KeyResults(okrs, request.TeamId, draft.KeyResultId, cancellationToken);
        var chosen = keyResults.FirstOrDefault(k => k.Id == draft.KeyResultId);
        draft = draft with { BringsLeads = chosen?.CountsLeads ?? false };
        var origin = ModalOrigin.Parse(view.PrivateMetadata);
        var words = await readers.Person(request.TeamId, request.UserId, cancellationToken);
        var leadsBlock = $"{ExperimentForm.Blocks.BringsLeads}.{chosen?.Id ?? 0}.{request.Action.ActionTs ?? view.Hash}";
        ModalView? updated = view.CallbackId switch
        {
            NewExperimentModal.CallbackId => NewExperimentModal.Build(draft, keyResults, origin, words, leadsBlock),
            EditExperimentModal.CallbackId when origin.Subject is { } shortId => EditExperimentModal.Build(shortId, draft, keyResults, origin, words, leadsBlock),
            _ => null,
        };
        if (updated is null) return ActionResponse.None;
        try
        {
            await slack.UpdateView(view.Id, updated, view.Hash, cancellationToken);
        }
        catch (SlackApiException e) when (e.Error is "hash_conflict" or "not_found")
        {
            // The person changed the modal again (that change brings its own update) or closed it: nothing to show.
            logger.LogInformation("The experiment modal changed before its leads box could follow the key result ({Error})", e.Error);
        }
        return ActionResponse.None;
    }
}
