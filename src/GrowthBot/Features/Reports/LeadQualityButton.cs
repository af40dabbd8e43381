using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;

namespace GrowthBot.Features.Reports;

/// <summary>
/// Good / Mixed / Poor in the report's thread. A click by one of the people asked is their rating of that
/// experiment's leads in this thread (a later click replaces it); the question's counts follow, and the clicker gets a
/// private thank-you. Anyone else is thanked and told their click does not count.
/// </summary>
public sealed class LeadQualityButton(LeadQualityAsk ask, FeedbackStore feedback, SlackBackgroundWork background, TimeProvider time) : IBlockActionHandler
{
    public const string ActionId = "lead_quality";

    /// <summary>The button rating the leads of <paramref name="e"/> as <paramref name="quality"/>: <c>lead_quality:E3:Good</c>.</summary>
    public static Button For(Experiment e, LeadQuality quality) =>
        new(quality.ToString(), $"{ActionId}:{e.ShortId}:{quality}", $"{e.ShortId}:{quality}")
        {
            Style = quality switch { LeadQuality.Good => ButtonStyle.Primary, LeadQuality.Poor => ButtonStyle.Danger, _ => null },
        };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        var parts = request.Action.ActionId.Split(':');
        if (parts.Length != 3 || !Enum.TryParse<LeadQuality>(parts[2], out var quality)) return ActionResponse.Ephemeral(WeeklyReportMessages.UnreadableButton);
        var (report, experiment, problem) = await ask.Resolve(request, parts[1], cancellationToken);
        if (problem is not null) return ActionResponse.Ephemeral(problem);

        await feedback.Rate(request.TeamId, report!.Id, experiment!.Id, request.UserId, quality, time.GetUtcNow(), cancellationToken);
        var (teamId, reportId) = (report.TeamId, report.Id);
        background.Run($"lead-quality counts of report {reportId}", (services, ct) => services.GetRequiredService<LeadQualityAsk>().Refresh(teamId, reportId, ct));
        return ActionResponse.Ephemeral(WeeklyReportMessages.RatingNoted(experiment, quality));
    }
}
