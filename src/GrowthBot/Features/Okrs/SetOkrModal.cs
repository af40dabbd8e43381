using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;
using F = GrowthBot.Domain.Okrs.OkrDraft.Fields;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// The Set OKRs modal (growth leads): the North Star, its period (first and last day, the current quarter by default)
/// and up to five key results, each optionally counting one of the team's KPIs; then the progress overview.
/// </summary>
public sealed class SetOkrModal(
    OkrStore okrs,
    KpiStore kpis,
    GrowthLeads leads,
    TeamClock clock,
    TeamSettingsService teamSettings,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_set";

    /// <summary>The value of the "No KPI" choice: a static select cannot be emptied once something is chosen.</summary>
    private const string NoKpi = "none";

    /// <summary>
    /// Opens the modal for a growth lead, filled from the current objective. <paramref name="next"/> proposes the period
    /// after the current one (the end-of-period review's button). Returns why it did not open, or null.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, bool next, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        if (!await leads.IsLead(userId, cancellationToken))
            return words.Text(OkrText.SetIsForLeads, ("whoCan", leads.WhoCan(words)));
        var current = await okrs.Current(teamId, cancellationToken);
        var today = clock.Today(teamId);
        var period = current is null ? OkrPeriod.QuarterOf(today) : OkrPeriod.Of(current.Objective, clock.Zone(teamId));
        // A period that is over is followed by the next one that has not ended yet.
        if (next) period = period.Next();
        while (period.HasEnded(today)) period = period.Next();
        var team = await kpis.All(teamId, cancellationToken);
        return await opener.Open(triggerId, Build(userId, current, team, period, words, origin), words, cancellationToken);
    }

    /// <summary>
    /// Builds the modal: 2 objective inputs + 2 dates + 5 × (header + 6 inputs) + a footer = 40 blocks, well under a
    /// modal's 100. Pre-filled from the current objective, so changing one number does not mean retyping everything.
    /// </summary>
    public static ModalView Build(string userId, OkrSnapshot? current, IReadOnlyList<Kpi> kpis, OkrPeriod period, Wording words, ModalOrigin origin)
    {
        // A name the lead typed is kept for the same dates; one made from the dates is made again from whatever dates are chosen.
        var typedName = current is not null && current.Objective.StartsOn == period.Start && current.Objective.EndsOn == period.End
            && !Wording.IsGeneratedName(current.Objective.Period, period);
        var blocks = new List<Block>
        {
            Text(F.Title, words.Text(OkrText.TitleField), OkrDraft.TitleMax, current?.Objective.Title, words.Text(OkrText.TitlePlaceholder)),
            Input(F.Start, words.Text(PeriodText.StartField), new DatePicker { InitialDate = Iso(period.Start) }, hint: words.Text(PeriodText.StartHint)),
            Input(F.End, words.Text(PeriodText.EndField), new DatePicker { InitialDate = Iso(period.End) }, hint: words.Text(PeriodText.EndHint)),
            Text(F.Period, words.Text(PeriodText.NameField), OkrDraft.PeriodMax, typedName ? current!.Objective.Period : null, words.PeriodName(period), optional: true,
                hint: words.Text(PeriodText.NameHint, ("example", words.PeriodName(period)))),
        };
        var choices = kpis.Select(k => Choice($"{k.ShortId} · {k.Name}{(k.Unit.Length > 0 ? $" ({k.Unit})" : "")}", k.ShortId)).ToList();
        if (choices.Count > 0) choices.Insert(0, Choice(words.Text(KpiText.NoKpi), NoKpi));
        for (var n = 1; n <= OkrDraft.MaxKeyResults; n++)
        {
            var kr = current?.KeyResults.ElementAtOrDefault(n - 1);
            var optional = n > 1;
            blocks.Add(new SectionBlock(n == 1 ? words.Text(OkrText.KeyResultFirst) : words.Text(OkrText.KeyResultOptional, ("n", n))) { BlockId = $"kr{n}" });
            blocks.Add(Text(F.KeyResult(n, F.Name), words.Text(OkrText.KrNameField), OkrDraft.NameMax, kr?.Name, n == 1 ? words.Text(OkrText.KrNamePlaceholder) : null, optional: optional));
            if (choices.Count > 0)
            {
                var linked = kr?.KpiNumber is { } number ? choices.FirstOrDefault(c => c.Value == ShortId.Format(ShortId.Kpi, number)) : null;
                blocks.Add(Input(F.KeyResult(n, F.Kpi), words.Text(KpiText.OkrField), new StaticSelect { Options = choices.Take(100).ToList(), InitialOption = linked },
                    optional: true, hint: n == 1 ? words.Text(KpiText.OkrFieldHint) : null));
            }
            blocks.Add(Text(F.KeyResult(n, F.Baseline), words.Text(OkrText.BaselineField), 30, kr is null ? null : DecimalText.Format(kr.Baseline, words.Culture), "0", optional: optional,
                hint: n == 1 ? words.Text(OkrText.BaselineHint) : null));
            blocks.Add(Text(F.KeyResult(n, F.Target), words.Text(OkrText.TargetField), 30, kr is null ? null : DecimalText.Format(kr.Target, words.Culture), "100", optional: optional,
                hint: n == 1 ? words.Text(OkrText.TargetHint) : null));
            blocks.Add(Text(F.KeyResult(n, F.Unit), words.Text(OkrText.UnitField), OkrDraft.UnitMax, kr?.KpiNumber is null ? kr?.Unit : null, words.Text(OkrText.UnitPlaceholder), optional: true));
            blocks.Add(Input(F.KeyResult(n, F.Owner), words.Text(OkrText.OwnerField), new UsersSelect { InitialUser = kr?.OwnerId ?? (n == 1 ? userId : null) }, optional: optional));
            blocks.Add(Checkbox(F.KeyResult(n, F.CountsLeads), words.Text(OkrText.LeadsField), words.Text(OkrText.CountsLeadsOption), kr?.CountsLeads == true,
                hint: n == 1 ? words.Text(OkrText.CountsLeadsHint) : null));
        }
        blocks.Add(new ContextBlock(choices.Count > 0
            ? words.Text(OkrText.SetNewObjective)
            : words.Text(OkrText.SetNewObjective) + " " + words.Text(KpiText.OkrPointer)));
        return Modal(words.Text(OkrText.SetTitle), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        // The modal only opens for leads, but a submission is a request of its own: check again.
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Title] = InlineError(words.Text(OkrText.OnlyLeadsSet, ("whoCan", leads.WhoCan(words)))) });

        var values = new ViewValues(submission.View.State);
        var team = await kpis.All(submission.TeamId, cancellationToken);
        var draft = new OkrDraft(values.Text(F.Title), values.Text(F.Period),
            Enumerable.Range(1, OkrDraft.MaxKeyResults).Select(n => new KeyResultFields(
                values.Text(F.KeyResult(n, F.Name)), values.Text(F.KeyResult(n, F.Baseline)), values.Text(F.KeyResult(n, F.Target)),
                values.Text(F.KeyResult(n, F.Unit)), values.User(F.KeyResult(n, F.Owner)), values.Checked(F.KeyResult(n, F.CountsLeads)),
                Kpi(values.Selected(F.KeyResult(n, F.Kpi))))).ToList(),
            values.Date(F.Start), values.Date(F.End));
        var (errors, keyResults) = draft.Validate(team);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var period = draft.ChosenPeriod;
        // A name made from the dates is the team's: it heads the channel's report and every member's /okr.
        var name = string.IsNullOrWhiteSpace(draft.Period) ? readers.Channel(submission.TeamId).PeriodName(period) : draft.Period.Trim();
        var okr = await okrs.SetObjective(submission.TeamId, draft.Title!.Trim(), name, period,
            keyResults.Select(k => new KeyResultDraft(k.Name, k.Baseline, k.Target, k.Unit, k.OwnerId, k.CountsLeads, k.KpiNumber)).ToList(),
            submission.UserId, clock.UtcNow, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.Run("confirm OKRs", async (services, ct) =>
        {
            var pace = await okrs.Pace(submission.TeamId, clock.Zone(submission.TeamId), clock.UtcNow, ct);
            var message = OkrMessages.Saved(okr, pace, team, teamSettings.For(submission.TeamId), words);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, message, words, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    private static int? Kpi(string? value) => value is null or NoKpi ? null : ShortId.TryParse(value, ShortId.Kpi, out var number) ? number : null;
}
