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
    SlackBackgroundWork background) : IViewSubmissionHandler
{
    public const string CallbackId = "okr_week";

    /// <summary>Opens the modal for this week, or says why not (no objective, period not running, nothing of theirs to set).</summary>
    public async Task<string?> Open(string teamId, string userId, string? triggerId, ModalOrigin origin, CancellationToken cancellationToken)
    {
        var pace = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken);
        if (pace is null || pace.KeyResults.Count == 0) return Wording.English.Text(OkrText.NoObjective);
        if (Closed(pace) is { } closed) return closed;
        var isLead = await leads.IsLead(userId, cancellationToken);
        var editable = pace.KeyResults.Where(k => isLead || k.KeyResult.OwnerId == userId).ToList();
        if (editable.Count == 0)
            return $":lock: A key result's weekly target is set by its owner or by {leads.WhoCan(Wording.English)}, and you own none of the current ones. `/okr` shows this week's targets.";
        var week = pace.ThisWeek!.Value;
        return await opener.Open(triggerId, Build(pace, editable, Wording.English, origin with { Subject = Iso(week) }), Wording.English, cancellationToken);
    }

    public static ModalView Build(OkrPace pace, IReadOnlyList<KeyResultPace> editable, Wording words, ModalOrigin origin)
    {
        var week = pace.ThisWeek!.Value;
        var blocks = new List<Block>
        {
            new ContextBlock($"Week of {words.Date(week, pace.Today)}: week {words.Number(pace.Period.WeekNumber(pace.Today))} of " +
                             $"{words.Number(pace.Period.WeekCount)} of {Escape(pace.Objective.Period)}. " +
                             "Each target is how far the key result should move this week; leave a field empty for the default (what is left ÷ the weeks left)."),
        };
        foreach (var kr in editable)
        {
            var thisWeek = kr.ThisWeek!;
            var unit = kr.KeyResult.Unit;
            var done = thisWeek.Done is { } d ? $" Done so far this week: {words.Quantity(d, unit)}." : "";
            blocks.Add(Text(WeeklyTargetDraft.Block(kr.KeyResult), Truncate($"{kr.KeyResult.ShortId} {kr.KeyResult.Name}", 150), 30,
                thisWeek.SetByHand ? Domain.Common.DecimalText.Format(thisWeek.Target) : null,
                $"Default: {words.Quantity(thisWeek.DefaultTarget, unit)}", optional: true,
                hint: $"{(kr.LowerIsBetter ? "Down by" : "Default")} {words.Quantity(thisWeek.DefaultTarget, unit)} this week: {words.Quantity(Math.Abs(kr.KeyResult.Target - thisWeek.StartValue), unit)} left ÷ {words.Count(kr.Period.WeekCount - thisWeek.Number + 1, Counted.Week)}.{done}"));
        }
        return Modal("This week's targets", CallbackId, "Save", blocks, origin, Wording.English);
    }

    public async Task<ViewSubmissionResponse> Handle(ViewSubmissionPayload submission, CancellationToken cancellationToken)
    {
        var teamId = submission.TeamId;
        var origin = ModalOrigin.Parse(submission.View.PrivateMetadata);
        var pace = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, cancellationToken);
        var values = new ViewValues(submission.View.State);
        var fields = pace?.KeyResults.Where(k => submission.View.State?.Values.ContainsKey(WeeklyTargetDraft.Block(k.KeyResult)) == true).ToList() ?? [];
        var first = submission.View.State?.Values.Keys.FirstOrDefault() ?? "";
        if (pace is null || fields.Count == 0)
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [first] = "The objective changed while this was open. Please run /okr week again." });
        // The week the modal was opened for: one saved just after midnight on Sunday still sets the week it showed.
        if (!DateOnly.TryParseExact(origin.Subject, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var week)
            || !pace.Period.Weeks.Contains(week))
            return ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { [first] = "That week is not part of the objective's period any more. Please run /okr week again." });

        var isLead = await leads.IsLead(submission.UserId, cancellationToken);
        var refused = fields.Where(k => !isLead && k.KeyResult.OwnerId != submission.UserId).ToList();
        if (refused.Count > 0)
            return ViewSubmissionResponse.WithErrors(refused.ToDictionary(k => WeeklyTargetDraft.Block(k.KeyResult),
                k => InlineError($"{k.KeyResult.ShortId} belongs to {User(k.KeyResult.OwnerId)}; its owner or {leads.WhoCan(Wording.English)} set its target.")));

        var (errors, targets) = new WeeklyTargetDraft(fields.Select(k => (k.KeyResult, values.Text(WeeklyTargetDraft.Block(k.KeyResult)))).ToList()).Validate();
        if (!errors.IsValid) return ViewSubmissionResponse.WithErrors(Wording.English.Errors(errors));
        await okrs.SetWeeklyTargets(teamId, week, targets, submission.UserId, clock.UtcNow, cancellationToken);

        background.Run("confirm weekly targets", async (services, ct) =>
        {
            var after = await okrs.Pace(teamId, clock.Zone(teamId), clock.UtcNow, ct);
            if (after is null) return;
            var message = OkrMessages.WeekSet(after, fields.Select(f => f.KeyResult.Id).ToHashSet(), Wording.English);
            await services.GetRequiredService<UserNotifier>().Tell(submission.UserId, origin, message, Wording.English, ct);
        });
        return ViewSubmissionResponse.Close;
    }

    /// <summary>Why there is no week to set: the period has not begun or is over.</summary>
    private static string? Closed(OkrPace pace) =>
        !pace.HasStarted ? $"{Escape(pace.Objective.Period)} has not begun yet; its first week's targets can be set from {Wording.English.Date(pace.Period.Start, pace.Today)}."
        : pace.HasEnded ? $"{Escape(pace.Objective.Period)} is over. A growth lead sets the next period with `/okr set`."
        : null;
}
