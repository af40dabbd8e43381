using GrowthBot.Resources;
using GrowthBot.Common;

namespace GrowthBot.Features.Pipeline;

/// <summary>Who checks in the pipeline's numbers: the sales people set in <c>/growth settings</c> (people or their user group) and the growth leads.</summary>
public sealed class PipelineAccess(GrowthLeads leads, LeadRaters sales)
{
    /// <summary>Null when <paramref name="userId"/> may check in; otherwise a refusal naming who can.</summary>
    public async Task<string?> Refusal(string teamId, string userId, Wording words, CancellationToken cancellationToken)
    {
        if (await leads.IsLead(userId, cancellationToken)) return null;
        if (await sales.IsAsked(teamId, userId, cancellationToken) == Asked.Yes) return null;
        return words.Text(PipelineText.Refusal, ("whoCan", leads.WhoCan(words)));
    }
}
