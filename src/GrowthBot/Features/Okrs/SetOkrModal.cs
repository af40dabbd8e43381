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
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_set";

    /// <summary>
    /// Builds the modal: 2 objective inputs + 5 × (header + 6 inputs) + a note = 38 blocks, well under a modal's 100.
    /// Pre-filled from the current objective, so changing one number does not mean retyping everything.
    /// </summary>
    public static ModalView Build(string userId, OkrSnapshot? current, ModalOrigin origin, Wording words)
    {
        var blocks = new List<Block>
        {
            Text(F.Title, words.Text(OkrText.TitleField), OkrDraft.TitleMax, current?.Objective.Title, words.Text(OkrText.TitlePlaceholder)),
            Text(F.Period, words.Text(OkrText.PeriodField), OkrDraft.PeriodMax, current?.Objective.Period, words.Text(OkrText.PeriodPlaceholder)),
        };
        for (var n = 1; n <= OkrDraft.MaxKeyResults; n++)
        {
            var kr = current?.KeyResults.ElementAtOrDefault(n - 1);
            var optional = n > 1;
            blocks.Add(new SectionBlock(n == 1 ? words.Text(OkrText.KeyResultFirst) : words.Text(OkrText.KeyResultOptional, ("n", n))) { BlockId = $"kr{n}" });
            blocks.Add(Text(F.KeyResult(n, F.Name), words.Text(OkrText.KrNameField), OkrDraft.NameMax, kr?.Name, n == 1 ? words.Text(OkrText.KrNamePlaceholder) : null, optional: optional));
            blocks.Add(Text(F.KeyResult(n, F.Baseline), words.Text(OkrText.BaselineField), 30, kr is null ? null : DecimalText.Format(kr.Baseline, words.Culture), "0", optional: optional,
                hint: n == 1 ? words.Text(OkrText.BaselineHint) : null));
            blocks.Add(Text(F.KeyResult(n, F.Target), words.Text(OkrText.TargetField), 30, kr is null ? null : DecimalText.Format(kr.Target, words.Culture), "100", optional: optional,
                hint: n == 1 ? words.Text(OkrText.TargetHint) : null));
            blocks.Add(Text(F.KeyResult(n, F.Unit), words.Text(OkrText.UnitField), OkrDraft.UnitMax, kr?.Unit, words.Text(OkrText.UnitPlaceholder), optional: true));
            blocks.Add(Input(F.KeyResult(n, F.Owner), words.Text(OkrText.OwnerField), new UsersSelect { InitialUser = kr?.OwnerId ?? (n == 1 ? userId : null) }, optional: optional));
            blocks.Add(Checkbox(F.KeyResult(n, F.CountsLeads), words.Text(OkrText.LeadsField), words.Text(OkrText.CountsLeadsOption), kr?.CountsLeads == true,
                hint: n == 1 ? words.Text(OkrText.CountsLeadsHint) : null));
        }
        blocks.Add(new ContextBlock(words.Text(OkrText.SetNewObjective)));
        return Modal(words.Text(OkrText.SetTitle), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        // The modal only opens for leads, but a submission is a request of its own: check again.
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Title] = InlineError(words.Text(OkrText.OnlyLeadsSet, ("whoCan", leads.WhoCan(words)))) });

        var values = new ViewValues(submission.View.State);
        var draft = new OkrDraft(values.Text(F.Title), values.Text(F.Period),
            Enumerable.Range(1, OkrDraft.MaxKeyResults).Select(n => new KeyResultFields(
                values.Text(F.KeyResult(n, F.Name)), values.Text(F.KeyResult(n, F.Baseline)), values.Text(F.KeyResult(n, F.Target)),
                values.Text(F.KeyResult(n, F.Unit)), values.User(F.KeyResult(n, F.Owner)), values.Checked(F.KeyResult(n, F.CountsLeads)))).ToList());
        var (errors, keyResults) = draft.Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var okr = await okrs.SetObjective(submission.TeamId, draft.Title!.Trim(), draft.Period!.Trim(),
            keyResults.Select(k => new KeyResultDraft(k.Name, k.Baseline, k.Target, k.Unit, k.OwnerId, k.CountsLeads)).ToList(),
            submission.UserId, clock.UtcNow, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var message = OkrMessages.Saved(okr, teamSettings.For(submission.TeamId), words);
        background.TellAfterAck("confirm OKRs", submission.UserId, origin, message, words);
        return ViewSubmissionResponse.Close;
    }
}
