using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Kpis;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;
using F = GrowthBot.Domain.Kpis.KpiDraft.Fields;

namespace GrowthBot.Features.Kpis;

/// <summary>
/// The KPI modal (growth leads), new or for one KPI (<c>/kpi edit K3</c>): its name, what counts, how it is measured,
/// owner, unit and which way is better. Saved, the lead sees the KPI as the team will read it.
/// </summary>
public sealed class KpiModal(
    KpiStore kpis,
    GrowthLeads leads,
    TeamClock clock,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "kpi_save";

    /// <summary>
    /// Opens the modal: empty for a new KPI (<paramref name="id"/> null), or filled with KPI <paramref name="id"/>.
    /// Returns why it did not open (not a growth lead, unknown id), or null.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        if (!await leads.IsLead(userId, cancellationToken))
            return words.Text(KpiText.Locked, ("whoCan", leads.WhoCan(words)));
        if (id is null) return await opener.Open(triggerId, Build(null, userId, origin, words), words, cancellationToken);
        var found = await Find(teamId, id, words, cancellationToken);
        if (found.Kpi is not { } kpi) return found.Problem;
        return await opener.Open(triggerId, Build(kpi, userId, origin with { Subject = kpi.ShortId }, words), words, cancellationToken);
    }

    /// <summary>The KPI <paramref name="id"/> names (<c>K3</c>), or what to tell the user instead.</summary>
    public async Task<(Kpi? Kpi, string? Problem)> Find(string teamId, string id, Wording words, CancellationToken cancellationToken)
    {
        if (id.Trim().TrimStart('#').StartsWith(ShortId.KeyResult, StringComparison.OrdinalIgnoreCase) && ShortId.TryParse(id, ShortId.KeyResult, out var keyResult))
            return (null, words.Text(KpiText.IsAKeyResult, ("id", ShortId.Format(ShortId.KeyResult, keyResult))));
        if (!ShortId.TryParse(id, ShortId.Kpi, out var number))
            return (null, words.Text(KpiText.NotAnId, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(id, 40)))));
        return await kpis.Find(teamId, number, cancellationToken) is { } kpi
            ? (kpi, null)
            : (null, words.Text(KpiText.NoSuch, ("id", ShortId.Format(ShortId.Kpi, number))));
    }

    public static ModalView Build(Kpi? kpi, string userId, ModalOrigin origin, Wording words)
    {
        var directions = Enum.GetValues<KpiDirection>().Select(d => Choice(words.Capitalised(KpiMessages.Better(d, words)), d.ToString())).ToList();
        var blocks = new List<Block>
        {
            Text(F.Name, words.Text(KpiText.NameField), KpiDraft.NameMax, kpi?.Name, words.Text(KpiText.NamePlaceholder)),
            Text(F.Definition, words.Text(KpiText.DefinitionField), KpiDraft.DefinitionMax, kpi?.Definition, words.Text(KpiText.DefinitionPlaceholder), multiline: true,
                hint: words.Text(KpiText.DefinitionHint)),
            Text(F.Measurement, words.Text(KpiText.MeasurementField), KpiDraft.MeasurementMax, kpi?.Measurement, words.Text(KpiText.MeasurementPlaceholder),
                multiline: true, optional: true, hint: words.Text(KpiText.MeasurementHint)),
            Input(F.Owner, words.Text(KpiText.OwnerField), new UsersSelect { InitialUser = kpi?.OwnerId ?? userId }, hint: words.Text(KpiText.OwnerHint)),
            Text(F.Unit, words.Text(KpiText.UnitField), KpiDraft.UnitMax, kpi?.Unit, words.Text(KpiText.UnitPlaceholder), optional: true, hint: words.Text(KpiText.UnitHint)),
            Input(F.Direction, words.Text(KpiText.DirectionField), new RadioButtons(directions)
            {
                InitialOption = directions.First(o => o.Value == (kpi?.Direction ?? KpiDirection.HigherIsBetter).ToString()),
            }),
        };
        return kpi is null
            ? Modal(words.Text(KpiText.NewTitle), CallbackId, words.Text(KpiText.AddSubmit), blocks, origin, words)
            : Modal(words.Text(KpiText.EditTitle, ("id", kpi.ShortId)), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        // The modal only opens for leads, but a submission is a request of its own: check again.
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = InlineError(words.Text(KpiText.OnlyLeadsInline, ("whoCan", leads.WhoCan(words)))) });

        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        Kpi? editing = null;
        if (origin.Subject is { } subject)
        {
            var found = await Find(submission.TeamId, subject, words, cancellationToken);
            if (found.Kpi is null) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = InlineError(found.Problem!) });
            editing = found.Kpi;
        }

        var values = new ViewValues(submission.View.State);
        var draft = new KpiDraft(values.Text(F.Name), values.Text(F.Definition), values.Text(F.Measurement), values.User(F.Owner), values.Text(F.Unit),
            Enum.TryParse<KpiDirection>(values.Selected(F.Direction), out var direction) ? direction : null);
        var others = (await kpis.All(submission.TeamId, cancellationToken)).Where(k => k.Number != editing?.Number).ToList();
        var errors = draft.Validate(others);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors));

        var typed = draft.ToKpi(submission.TeamId, submission.UserId, clock.UtcNow);
        var saved = editing is null
            ? await kpis.Add(typed, cancellationToken)
            : await kpis.Update(typed with { Number = editing.Number, CreatedBy = editing.CreatedBy, CreatedAt = editing.CreatedAt, UpdatedBy = submission.UserId, UpdatedAt = clock.UtcNow },
                cancellationToken);
        // Another lead saved the same name a moment earlier.
        if (saved.NameTakenBy is { } taken)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = words.Text(KpiText.NameTakenNow, ("id", taken.ShortId), ("name", taken.Name)) });
        if (saved.Kpi is not { } kpi)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = words.Text(KpiText.Gone, ("id", editing?.ShortId)) });
        background.TellAfterAck($"confirm {kpi.ShortId}", submission.UserId, origin, KpiMessages.Saved(kpi, editing is null, words), words);
        return ViewSubmissionResponse.Close;
    }
}
