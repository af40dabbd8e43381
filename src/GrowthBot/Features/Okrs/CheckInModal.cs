using GrowthBot.Resources;
using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;
using F = GrowthBot.Domain.Okrs.CheckInDraft.Fields;

namespace GrowthBot.Features.Okrs;

/// <summary>The check-in modal: the owner of a key result enters its new value and confidence, and sees the progress bar move.</summary>
public sealed class CheckInModal(
    OkrStore okrs,
    GrowthLeads leads,
    TeamClock clock,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_check_in";

    public static class Blocks
    {
        public const string KeyResult = F.KeyResult;
        public const string Value = F.Value;
        public const string Confidence = F.Confidence;
        public const string Note = F.Note;
    }

    /// <summary>
    /// Opens the modal for <paramref name="keyResultId"/> (e.g. KR2), or with the caller's own first key result
    /// chosen. Returns why it did not open (no objective, unknown id, someone else's key result), or null.
    /// </summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, string? keyResultId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var okr = await okrs.Current(teamId, cancellationToken);
        if (okr is null || okr.KeyResults.Count == 0) return words.Text(OkrText.NoObjective);
        KeyResult? chosen;
        if (!string.IsNullOrWhiteSpace(keyResultId))
        {
            chosen = ShortId.TryParseKeyResult(keyResultId, out var number) ? okr.KeyResults.FirstOrDefault(k => k.Number == number) : null;
            if (chosen is null)
                return words.Text(OkrText.NotAKeyResult, ("typed", MrkdwnText.Escape(MrkdwnText.Truncate(keyResultId, 40))));
            if (chosen.OwnerId != userId && !await leads.IsLead(userId, cancellationToken))
                return words.Text(OkrText.NotYours, ("id", chosen.ShortId), ("owner", MrkdwnText.User(chosen.OwnerId)), ("whoCan", leads.WhoCan(words)));
        }
        else
        {
            chosen = okr.KeyResults.FirstOrDefault(k => k.OwnerId == userId);
        }
        return await opener.Open(triggerId, Build(okr, chosen, origin, words), words, cancellationToken);
    }

    public static ModalView Build(OkrSnapshot okr, KeyResult? chosen, ModalOrigin origin, Wording words)
    {
        var options = okr.KeyResults.Take(BlockKitLimits.MaxOptions).Select(k => Choice($"{k.ShortId} {k.Name}", Id(k))).ToList();
        var confidences = Enum.GetValues<KrConfidence>().Select(c => Choice(words.Label(c), c.ToString())).ToList();
        var now = string.Join("\n", okr.KeyResults.Select(k => $"{k.ShortId} {MrkdwnText.Escape(MrkdwnText.Truncate(k.Name, 60))}: {MrkdwnText.Escape(words.Progress(k.Current, k.Target, k.Unit))}"));
        var blocks = new List<Block>
        {
            new ContextBlock(MrkdwnText.Truncate(words.Text(OkrText.CheckInNow, ("title", MrkdwnText.Escape(okr.Objective.Title)), ("now", now)), 2000)),
            Input(Blocks.KeyResult, words.Text(OkrText.KeyResultField), new StaticSelect
            {
                Placeholder = words.Text(OkrText.KeyResultPlaceholder),
                Options = options,
                InitialOption = chosen is null ? null : options.FirstOrDefault(o => o.Value == Id(chosen)),
            }),
            Text(Blocks.Value, words.Text(OkrText.ValueField), 30, placeholder: chosen is null ? "31" : DecimalText.Format(chosen.Current, words.Culture),
                hint: words.Text(OkrText.ValueHint)),
            Input(Blocks.Confidence, words.Text(OkrText.ConfidenceField), new StaticSelect
            {
                Placeholder = words.Text(OkrText.ConfidencePlaceholder),
                Options = confidences,
                InitialOption = chosen?.Confidence is { } c ? confidences.First(o => o.Value == c.ToString()) : null,
            }),
            Text(Blocks.Note, words.Text(OkrText.NoteField), CheckInDraft.NoteMax, multiline: true, optional: true, placeholder: words.Text(OkrText.NotePlaceholder)),
        };
        return Modal(words.Text(OkrText.CheckInTitle), CallbackId, words.Text(OkrText.CheckInSubmit), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var values = new ViewValues(submission.View.State);
        var draft = new CheckInDraft(
            long.TryParse(values.Selected(Blocks.KeyResult), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
            values.Text(Blocks.Value),
            Enum.TryParse<KrConfidence>(values.Selected(Blocks.Confidence), out var confidence) ? confidence : null,
            values.Text(Blocks.Note));
        var (problems, value) = draft.Validate();
        var words = await readers.Person(submission.TeamId, submission.UserId, cancellationToken);
        var errors = words.Errors(problems).ToDictionary();
        KeyResult? kr = null;
        if (draft.KeyResultId is { } krId)
        {
            kr = await okrs.KeyResultById(submission.TeamId, krId, cancellationToken);
            if (kr is null) errors.TryAdd(Blocks.KeyResult, words.Say(new Problem(ProblemCode.KeyResultGone)));
            else if (kr.OwnerId != submission.UserId && !await leads.IsLead(submission.UserId, cancellationToken))
                errors.TryAdd(Blocks.KeyResult, InlineError(words.Text(OkrText.NotYoursInline, ("id", kr.ShortId), ("whoCan", leads.WhoCan(words)))));
        }
        if (errors.Count > 0 || kr is null) return ViewSubmissionResponse.WithErrors(errors);

        var checkIn = await okrs.AddCheckIn(submission.TeamId, kr.Id, value, draft.Confidence!.Value, draft.Note?.Trim() ?? "",
            submission.UserId, clock.UtcNow, cancellationToken);
        var message = OkrMessages.CheckedIn(kr with { Current = checkIn.Value, Confidence = checkIn.Confidence }, checkIn, words);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        background.TellAfterAck($"confirm check-in {kr.ShortId}", submission.UserId, origin, message, words);
        return ViewSubmissionResponse.Close;
    }

    private static string Id(KeyResult k) => k.Id.ToString(CultureInfo.InvariantCulture);
}
