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
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "kpi_save";

    /// <summary>
    /// Opens the modal: empty for a new KPI (<paramref name="id"/> null), or filled with KPI <paramref name="id"/>.
    /// Returns why it did not open (not a growth lead, unknown id), or null.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? id, ModalOrigin origin, CancellationToken cancellationToken)
    {
        if (!await leads.IsLead(userId, cancellationToken))
            return $":lock: KPI definitions are written by {leads.WhoCan(Wording.English)}, so the whole team counts with one meaning. `/kpi` shows them.";
        if (id is null) return await opener.Open(triggerId, Build(null, userId, origin), Wording.English, cancellationToken);
        var found = await Find(teamId, id, cancellationToken);
        if (found.Kpi is not { } kpi) return found.Problem;
        return await opener.Open(triggerId, Build(kpi, userId, origin with { Subject = kpi.ShortId }), Wording.English, cancellationToken);
    }

    /// <summary>The KPI <paramref name="id"/> names (<c>K3</c>), or what to tell the user instead.</summary>
    public async Task<(Kpi? Kpi, string? Problem)> Find(string teamId, string id, CancellationToken cancellationToken)
    {
        if (id.Trim().TrimStart('#').StartsWith(ShortId.KeyResult, StringComparison.OrdinalIgnoreCase) && ShortId.TryParse(id, ShortId.KeyResult, out var keyResult))
            return (null, $"`{ShortId.Format(ShortId.KeyResult, keyResult)}` is a key result (`/okr` shows them); KPIs look like `K3`. `/kpi` lists them.");
        if (!ShortId.TryParse(id, ShortId.Kpi, out var number))
            return (null, $"`{MrkdwnText.Escape(MrkdwnText.Truncate(id, 40))}` is not a KPI id. They look like `K3`; `/kpi` lists them.");
        return await kpis.Find(teamId, number, cancellationToken) is { } kpi
            ? (kpi, null)
            : (null, $"There is no KPI {ShortId.Format(ShortId.Kpi, number)} in this workspace. `/kpi` lists them.");
    }

    public static ModalView Build(Kpi? kpi, string userId, ModalOrigin origin)
    {
        var directions = Enum.GetValues<KpiDirection>().Select(d => Choice(Capitalised(KpiMessages.Better(d)), d.ToString())).ToList();
        var blocks = new List<Block>
        {
            Text(F.Name, "Name", KpiDraft.NameMax, kpi?.Name, "Lead"),
            Text(F.Definition, "What counts", KpiDraft.DefinitionMax, kpi?.Definition, "A decision-maker at an ICP company who booked a call", multiline: true,
                hint: "The one meaning marketing and sales both use."),
            Text(F.Measurement, "How it is measured", KpiDraft.MeasurementMax, kpi?.Measurement, "HubSpot: contacts whose first meeting was booked, counted weekly",
                multiline: true, optional: true, hint: "The source or formula, so anyone can count it again."),
            Input(F.Owner, "Owner", new UsersSelect { InitialUser = kpi?.OwnerId ?? userId }, hint: "Who keeps the definition and the number right."),
            Text(F.Unit, "Unit", KpiDraft.UnitMax, kpi?.Unit, "leads", optional: true, hint: "Key results that count this KPI show their numbers in it, e.g. leads, %, EUR."),
            Input(F.Direction, "Which way is better?", new RadioButtons(directions)
            {
                InitialOption = directions.First(o => o.Value == (kpi?.Direction ?? KpiDirection.HigherIsBetter).ToString()),
            }),
        };
        return kpi is null
            ? Modal("New KPI", CallbackId, "Add", blocks, origin, Wording.English)
            : Modal($"Edit {kpi.ShortId}", CallbackId, "Save", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        // The modal only opens for leads, but a submission is a request of its own: check again.
        if (!await leads.IsLead(submission.UserId, cancellationToken))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = InlineError($"Only {leads.WhoCan(Wording.English)} can change KPI definitions.") });

        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        Kpi? editing = null;
        if (origin.Subject is { } subject)
        {
            var found = await Find(submission.TeamId, subject, cancellationToken);
            if (found.Kpi is null) return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = InlineError(found.Problem!) });
            editing = found.Kpi;
        }

        var values = new ViewValues(submission.View.State);
        var draft = new KpiDraft(values.Text(F.Name), values.Text(F.Definition), values.Text(F.Measurement), values.User(F.Owner), values.Text(F.Unit),
            Enum.TryParse<KpiDirection>(values.Selected(F.Direction), out var direction) ? direction : null);
        var others = (await kpis.All(submission.TeamId, cancellationToken)).Where(k => k.Number != editing?.Number).ToList();
        var errors = draft.Validate(others);
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(Wording.English.Errors(errors));

        var typed = draft.ToKpi(submission.TeamId, submission.UserId, clock.UtcNow);
        var saved = editing is null
            ? await kpis.Add(typed, cancellationToken)
            : await kpis.Update(typed with { Number = editing.Number, CreatedBy = editing.CreatedBy, CreatedAt = editing.CreatedAt, UpdatedBy = submission.UserId, UpdatedAt = clock.UtcNow },
                cancellationToken);
        // Another lead saved the same name a moment earlier.
        if (saved.NameTakenBy is { } taken)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = $"{taken.ShortId} is already called “{taken.Name}”. Choose another name." });
        if (saved.Kpi is not { } kpi)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [F.Name] = $"{editing?.ShortId} no longer exists. /kpi lists the team's KPIs." });
        background.TellAfterAck($"confirm {kpi.ShortId}", submission.UserId, origin, KpiMessages.Saved(kpi, editing is null), Wording.English);
        return ViewSubmissionResponse.Close;
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
