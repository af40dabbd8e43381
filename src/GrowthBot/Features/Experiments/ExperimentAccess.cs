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
    /// <summary>The experiment <paramref name="id"/> names; <paramref name="verb"/> completes the example, e.g. <c>/experiment start E3</c>.</summary>
    public async Task<ExperimentLookup> Find(string teamId, string? id, ExperimentVerb verb, Wording words, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id))
            return new(null, words.Text(ExperimentText.WhichExperiment, ("verb", verb.ToString().ToLowerInvariant())));
        if (!ShortId.TryParse(id, ShortId.Experiment, out var number))
            return new(null, words.Text(ExperimentText.NotAnId, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(id, 100)))));
        var experiment = await experiments.Find(teamId, number, cancellationToken);
        return experiment is null
            ? new(null, words.Text(ExperimentText.NoSuchExperiment, ("id", ShortId.Format(ShortId.Experiment, number))))
            : new(experiment, null);
    }

    public Task<bool> CanChange(string userId, Experiment experiment, CancellationToken cancellationToken) =>
        leads.CanEdit(userId, experiment.CreatedBy, experiment.OwnerId, cancellationToken);

    /// <summary>Null when <paramref name="userId"/> may <paramref name="verb"/> the experiment; otherwise a refusal naming who can.</summary>
    public async Task<string?> Refusal(string userId, Experiment experiment, ExperimentVerb verb, Wording words, CancellationToken cancellationToken)
    {
        if (await CanChange(userId, experiment, cancellationToken)) return null;
        var action = words.Text(verb switch
        {
            ExperimentVerb.Start => ExperimentText.ActionStart,
            ExperimentVerb.Conclude => ExperimentText.ActionConclude,
            ExperimentVerb.Abandon => ExperimentText.ActionAbandon,
            _ => ExperimentText.ActionEdit,
        });
        return words.Text(experiment.CreatedBy == experiment.OwnerId ? ExperimentText.OnlyOwner : ExperimentText.OnlyOwnerOrCreator,
            ("owner", MrkdwnText.User(experiment.OwnerId)), ("creator", MrkdwnText.User(experiment.CreatedBy)), ("whoCan", leads.WhoCan(words)),
            ("action", action), ("id", experiment.ShortId));
    }
}

/// <summary>What a person asked to do with an experiment: its name is the subcommand that does it.</summary>
public enum ExperimentVerb
{
    Show,
    Start,
    Edit,
    Conclude,
    Abandon,
    /// <summary>Recording spend (<c>/experiment spend</c>); refused like an edit.</summary>
    Spend,
    /// <summary>Recording results (<c>/experiment results</c>); refused like an edit.</summary>
    Results,
}
