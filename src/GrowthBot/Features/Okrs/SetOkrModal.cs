using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;
using F = GrowthBot.Domain.Okrs.OkrDraft.Fields;

namespace GrowthBot.Features.Okrs;

/// <summary>The Set OKRs modal (growth leads): the North Star, its period and up to five key results, then the progress overview.</summary>
public sealed class SetOkrModal(
    OkrStore okrs,
    GrowthLeads leads,
    TeamClock clock,
    TeamSettingsService teamSettings,
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_set";

    /// <summary>
    /// Builds the modal: 2 objective inputs + 5 × (header + 5 inputs) = 32 blocks, well under a modal's 100.
    /// Pre-filled from the current objective, so changing one number does not mean retyping everything.
    /// </summary>
    public static ModalView Build(string userId, OkrSnapshot? current, ModalOrigin origin)
    {
        var blocks = new List<Block>
        {
            Text(F.Title, "Objective (North Star)", OkrDraft.TitleMax, current?.Objective.Title, "100 new leads this quarter"),
            Text(F.Period, "Period", OkrDraft.PeriodMax, current?.Objective.Period, "Q4 2026"),
        };
        for (var n = 1; n <= OkrDraft.MaxKeyResults; n++)
        {
            var kr = current?.KeyResults.ElementAtOrDefault(n - 1);
            var optional = n > 1;
            blocks.Add(new SectionBlock(n == 1 ? "*Key result 1*" : $"*Key result {n}* _(optional: leave empty to skip)_") { BlockId = $"kr{n}" });
            blocks.Add(Text(F.KeyResult(n, F.Name), "Name", OkrDraft.NameMax, kr?.Name, n == 1 ? "New leads from marketing" : null, optional: optional));
            blocks.Add(Text(F.KeyResult(n, F.Baseline), "Baseline", 30, kr is null ? null : DecimalText.Format(kr.Baseline), "0", optional: optional,
                hint: n == 1 ? "Where you start. Decimal comma or point both work." : null));
            blocks.Add(Text(F.KeyResult(n, F.Target), "Target", 30, kr is null ? null : DecimalText.Format(kr.Target), "100", optional: optional,
                hint: n == 1 ? "Where you want to be; lower than the baseline works too (e.g. churn)." : null));
            blocks.Add(Text(F.KeyResult(n, F.Unit), "Unit", OkrDraft.UnitMax, kr?.Unit, "new leads", optional: true));
            blocks.Add(Input(F.KeyResult(n, F.Owner), "Owner", new UsersSelect { InitialUser = kr?.OwnerId ?? (n == 1 ? userId : null) }, optional: optional));
        }
        blocks.Add(new ContextBlock("Saving starts a new objective: the previous one and its check-ins are kept as history."));
        return Modal("Set OKRs", CallbackId, "Save", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        // The modal only opens for leads, but a submission is a request of its own: check again.
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Title] = InlineError($"Only {leads.WhoCan(Wording.English)} can set the objective.") });

        var values = new ViewValues(submission.View.State);
        var draft = new OkrDraft(values.Text(F.Title), values.Text(F.Period),
            Enumerable.Range(1, OkrDraft.MaxKeyResults).Select(n => new KeyResultFields(
                values.Text(F.KeyResult(n, F.Name)), values.Text(F.KeyResult(n, F.Baseline)), values.Text(F.KeyResult(n, F.Target)),
                values.Text(F.KeyResult(n, F.Unit)), values.User(F.KeyResult(n, F.Owner)))).ToList());
        var (errors, keyResults) = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(Wording.English.Errors(errors));

        var okr = await okrs.SetObjective(submission.TeamId, draft.Title!.Trim(), draft.Period!.Trim(),
            keyResults.Select(k => new KeyResultDraft(k.Name, k.Baseline, k.Target, k.Unit, k.OwnerId)).ToList(),
            submission.UserId, clock.UtcNow, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var message = OkrMessages.Saved(okr, teamSettings.For(submission.TeamId), Wording.English);
        background.TellAfterAck("confirm OKRs", submission.UserId, origin, message, Wording.English);
        return ViewSubmissionResponse.Close;
    }
}
