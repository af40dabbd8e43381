using GrowthBot.Resources;
using GrowthBot.Common;
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
public sealed class LeadQualityButton(LeadQualityAsk ask, FeedbackStore feedback, SlackBackgroundWork background, Readers readers, TimeProvider time) : IBlockActionHandler
{
    public const string ActionId = "lead_quality";

    /// <summary>The button rating the leads of <paramref name="e"/> as <paramref name="quality"/>: <c>lead_quality:E3:Good</c>, labelled in the thread's language.</summary>
    public static Button For(Experiment e, LeadQuality quality, Wording words) =>
        new(words.Label(quality), $"{ActionId}:{e.ShortId}:{quality}", $"{e.ShortId}:{quality}")
        {
            Style = quality switch { LeadQuality.Good => ButtonStyle.Primary, LeadQuality.Poor => ButtonStyle.Danger, _ => null },
        };

    public async Task<ActionResponse> Handle(BlockActionRequest request, CancellationToken cancellationToken)
    {
        // The clicker reads the answer on their own, so in their language; the thread stays in the team's.
        var words = await readers.Person(request.TeamId, request.UserId, cancellationToken);
        var parts = request.Action.ActionId.Split(':');
        if (parts.Length != 3 || !Enum.TryParse<LeadQuality>(parts[2], out var quality)) return ActionResponse.Ephemeral(words.Text(ReportText.UnreadableButton));
        var (report, experiment, problem) = await ask.Resolve(request, parts[1], words, cancellationToken);
        if (problem is not null) return ActionResponse.Ephemeral(problem);

        await feedback.Rate(request.TeamId, report!.Id, experiment!.Id, request.UserId, quality, time.GetUtcNow(), cancellationToken);
        var (teamId, reportId) = (report.TeamId, report.Id);
        background.Run($"lead-quality counts of report {reportId}", (services, ct) => services.GetRequiredService<LeadQualityAsk>().Refresh(teamId, reportId, ct));
        return ActionResponse.Ephemeral(WeeklyReportMessages.RatingNoted(experiment, quality, words));
    }
}
