using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;

namespace GrowthBot.Features.Experiments;

/// <summary>An experiment found from what a person typed, or why it could not be.</summary>
public sealed record ExperimentLookup(Experiment? Experiment, string? Problem);

/// <summary>
/// Finds the experiment an id like <c>E3</c> names in the caller's team (another team's ids are simply not
/// found) and says who may change it: its creator, its owner or a growth lead.
/// </summary>
public sealed class ExperimentAccess(ExperimentStore experiments, GrowthLeads leads)
{
    /// <summary>The experiment <paramref name="id"/> names; <paramref name="verb"/> completes the example, e.g. "start".</summary>
    public async Task<ExperimentLookup> Find(string teamId, string? id, string verb, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
            return new(null, $"Which experiment? For example `/experiment {verb} E3`. `/experiment list` shows their ids.");
        if (!ShortId.TryParse(id, ShortId.Experiment, out var number))
            return new(null, $"`{MrkdwnText.Escape(MrkdwnText.Truncate(id, 100))}` is not an experiment id. They look like `E3`; `/experiment list` shows them.");
        var experiment = await experiments.Find(teamId, number, cancellationToken);
        return experiment is null
            ? new(null, $"There is no experiment {ShortId.Format(ShortId.Experiment, number)} in this workspace. `/experiment list` shows them all.")
            : new(experiment, null);
    }

    public Task<bool> CanChange(string userId, Experiment experiment, CancellationToken cancellationToken) =>
        leads.CanEdit(userId, experiment.CreatedBy, experiment.OwnerId, cancellationToken);

    /// <summary>Null when <paramref name="userId"/> may <paramref name="action"/> the experiment; otherwise a refusal naming who can.</summary>
    public async Task<string?> Refusal(string userId, Experiment experiment, string action, CancellationToken cancellationToken)
    {
        if (await CanChange(userId, experiment, cancellationToken)) return null;
        var people = experiment.CreatedBy == experiment.OwnerId
            ? $"its owner {MrkdwnText.User(experiment.OwnerId)}"
            : $"its owner {MrkdwnText.User(experiment.OwnerId)}, the person who logged it ({MrkdwnText.User(experiment.CreatedBy)})";
        return $":lock: Only {people} or {leads.WhoCan(Wording.English)} can {action} {experiment.ShortId}. Ask one of them, or log your own idea with `/experiment new`.";
    }
}
