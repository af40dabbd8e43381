using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;

namespace GrowthBot.Features.Pipeline;

/// <summary>
/// The pipeline check-in modal (<c>/growth pipeline</c>, the weekly DM's button): sales or a growth lead enter open
/// opportunities, average deal size, win rate and sales-cycle length; they see the velocity it makes and what moved it.
/// </summary>
public sealed class PipelineModal(
    PipelineStore pipeline,
    PipelineAccess access,
    TeamSettingsService teamSettings,
    TeamClock clock,
    Readers readers,
    ModalOpener opener,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "pipeline_check_in";

    public static class Blocks
    {
        public const string OpenOpportunities = PipelineDraft.Fields.OpenOpportunities;
        public const string AverageDealSize = PipelineDraft.Fields.AverageDealSize;
        public const string WinRate = PipelineDraft.Fields.WinRate;
        public const string SalesCycleDays = PipelineDraft.Fields.SalesCycleDays;
    }

    /// <summary>Opens the modal, filled in with the latest numbers; null when it opened, otherwise what to tell the person.</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        if (await access.Refusal(teamId, userId, words, cancellationToken) is { } refusal) return refusal;
        var latest = (await pipeline.Latest(teamId, clock.UtcNow, 1, cancellationToken)).FirstOrDefault();
        return await opener.Open(triggerId, Build(latest, teamSettings.For(teamId), origin, words), words, cancellationToken);
    }

    public static ModalView Build(PipelineCheckIn? latest, TeamSettings settings, ModalOrigin origin, Wording words)
    {
        var currency = settings.Currency;
        var blocks = new List<Block>
        {
            new ContextBlock(latest is null
                ? words.Text(PipelineText.ModalIntro)
                : MrkdwnText.Truncate(words.Text(PipelineText.ModalLast, ("user", MrkdwnText.User(latest.CreatedBy)), ("numbers", PipelineMessages.Numbers(latest, currency, words))), 2000)),
            Text(Blocks.OpenOpportunities, words.Text(PipelineText.OpenField), 12, latest is null ? null : Plain(latest.OpenOpportunities), "40",
                hint: words.Text(PipelineText.OpenHint)),
            Text(Blocks.AverageDealSize, words.Text(PipelineText.DealField, ("symbol", currency.Symbol)), 30, latest is null ? null : Plain(latest.AverageDealSize), "5 000",
                hint: words.Text(PipelineText.DealHint, ("code", currency.Code))),
            Text(Blocks.WinRate, words.Text(PipelineText.WinField), 10, latest is null ? null : Plain(latest.WinRate), "25",
                hint: words.Text(PipelineText.WinHint)),
            Text(Blocks.SalesCycleDays, words.Text(PipelineText.CycleField), 6, latest is null ? null : Plain(latest.SalesCycleDays), "30",
                hint: words.Text(PipelineText.CycleHint)),
        };
        return Modal(words.Text(PipelineText.ModalTitle), CallbackId, words.Text(PipelineText.ModalSubmit), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        if (await access.Refusal(submission.TeamId, submission.UserId, words, cancellationToken) is { } refusal)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [Blocks.OpenOpportunities] = InlineError(refusal) });
        var values = new ViewValues(submission.View.State);
        var draft = new PipelineDraft(values.Text(Blocks.OpenOpportunities), values.Text(Blocks.AverageDealSize), values.Text(Blocks.WinRate), values.Text(Blocks.SalesCycleDays));
        var errors = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var now = clock.UtcNow;
        var previous = (await pipeline.Latest(submission.TeamId, now, 1, cancellationToken)).FirstOrDefault();
        var saved = await pipeline.Add(draft.ToCheckIn(submission.TeamId, submission.UserId, now), cancellationToken);
        var settings = teamSettings.For(submission.TeamId);
        var message = PipelineMessages.CheckedIn(PipelineMove.Of(saved, previous)!, settings.Currency, settings.Zone, words);
        background.TellAfterAck("confirm pipeline check-in", submission.UserId, ModalOrigin.Parse(submission.View.PrivateMetadata), message, words);
        return ViewSubmissionResponse.Close;
    }

    private static string Plain(decimal value) => DecimalText.Format(value);
}
