using GrowthBot.Resources;
using System.Globalization;
using GrowthBot.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Payloads;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using static GrowthBot.Features.Common.Modals;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Okrs;

/// <summary>
/// <c>/okr week</c>: this week's target of each key result, one field each, the default shown; growth leads set any,
/// an owner sets their own. Saved, the person sees the week's targets against the period.
/// </summary>
public sealed class WeekTargetsModal(
    OkrStore okrs,
    GrowthLeads leads,
    TeamClock clock,
    ModalOpener opener,
    SlackBackgroundWork background,
    Readers readers) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_week";

    /// <summary>Opens the modal for this week, or says why not (no objective, period not running, nothing of theirs to set).</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var words = await readers.Person(teamId, userId, cancellationToken);
        var pace = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken);
        if (pace is null || pace.KeyResults.Count == 0) return words.Text(OkrText.NoObjective);
        if (Closed(pace, words) is { } closed) return closed;
        var isLead = await leads.IsLead(userId, cancellationToken);
        var editable = pace.KeyResults.Where(k => isLead || k.KeyResult.OwnerId == userId).ToList();
        if (editable.Count == 0) return words.Text(PeriodText.WeekLocked, ("whoCan", leads.WhoCan(words)));
        var week = pace.ThisWeek!.Value;
        return await opener.Open(triggerId, Build(pace, editable, words, origin with { Subject = Iso(week) }), words, cancellationToken);
    }

    public static ModalView Build(OkrPace pace, IReadOnlyList<KeyResultPace> editable, Wording words, ModalOrigin origin)
    {
        var week = pace.ThisWeek!.Value;
        var blocks = new List<Block>
        {
            new ContextBlock(words.Text(PeriodText.WeekIntro, ("date", words.Date(week, pace.Today)), ("week", pace.Period.WeekNumber(pace.Today)),
                ("weeks", pace.Period.WeekCount), ("period", Escape(pace.Objective.Period)))),
        };
        foreach (var kr in editable)
        {
            var thisWeek = kr.ThisWeek!;
            var unit = kr.KeyResult.Unit;
            var done = thisWeek.Done is { } d ? " " + words.Text(PeriodText.WeekDone, ("done", words.Quantity(d, unit))) : "";
            var target = words.Quantity(thisWeek.DefaultTarget, unit);
            var hint = words.Text(kr.LowerIsBetter ? PeriodText.WeekHintDown : PeriodText.WeekHint, ("target", target),
                ("left", words.Quantity(Math.Abs(kr.KeyResult.Target - thisWeek.StartValue), unit)), ("weeks", words.Count(kr.Period.WeekCount - thisWeek.Number + 1, Counted.Week)));
            blocks.Add(Text(WeeklyTargetDraft.Block(kr.KeyResult), Truncate($"{kr.KeyResult.ShortId} {kr.KeyResult.Name}", 150), 30,
                thisWeek.SetByHand ? Domain.Common.DecimalText.Format(thisWeek.Target, words.Culture) : null,
                words.Text(PeriodText.WeekPlaceholder, ("target", target)), optional: true, hint: hint + done));
        }
        return Modal(words.Text(PeriodText.WeekTitle), CallbackId, words.Text(CommonText.Save), blocks, origin, words);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var teamId = submission.TeamId;
        var words = await readers.Person(teamId, submission.UserId, cancellationToken);
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var pace = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken);
        var values = new ViewValues(submission.View.State);
        var fields = pace?.KeyResults.Where(k => submission.View.State?.Values.ContainsKey(WeeklyTargetDraft.Block(k.KeyResult)) == true).ToList() ?? [];
        var first = submission.View.State?.Values.Keys.FirstOrDefault() ?? "";
        if (pace is null || fields.Count == 0)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [first] = words.Text(PeriodText.WeekChanged) });
        // The week the modal was opened for: one saved just after midnight on Sunday still sets the week it showed.
        if (!DateOnly.TryParseExact(origin.Subject, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week)
            || !pace.Period.Weeks.Contains(week))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [first] = words.Text(PeriodText.WeekGone) });

        var isLead = await leads.IsLead(submission.UserId, cancellationToken);
        var refused = fields.Where(k => !isLead && k.KeyResult.OwnerId != submission.UserId).ToList();
        if (refused.Count > 0)
            return ViewSubmissionResponse.WithErrors(refused.ToDictionary(k => WeeklyTargetDraft.Block(k.KeyResult),
                k => InlineError(words.Text(PeriodText.WeekNotYours, ("id", k.KeyResult.ShortId), ("owner", User(k.KeyResult.OwnerId)), ("whoCan", leads.WhoCan(words))))));

        var (errors, targets) = new WeeklyTargetDraft(fields.Select(k => (k.KeyResult, values.Text(WeeklyTargetDraft.Block(k.KeyResult)))).ToList()).Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(words.Errors(errors, pace.Today));
        await okrs.SetWeeklyTargets(teamId, week, targets, submission.UserId, clock.UtcNow, cancellationToken);

        background.Run("confirm weekly targets", async (services, ct) =>
        {
            var after = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, ct);
            if (after is null) return;
            var message = OkrMessages.WeekSet(after, fields.Select(f => f.KeyResult.Id).ToHashSet(), words);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, message, words, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    /// <summary>Why there is no week to set: the period has not begun or is over.</summary>
    private static string? Closed(OkrPace pace, Wording words) =>
        !pace.HasStarted ? words.Text(PeriodText.WeekNotBegun, ("period", Escape(pace.Objective.Period)), ("date", words.Date(pace.Period.Start, pace.Today)))
        : pace.HasEnded ? words.Text(PeriodText.WeekOver, ("period", Escape(pace.Objective.Period)))
        : null;
}
