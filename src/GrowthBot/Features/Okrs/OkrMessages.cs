using GrowthBot.Resources;
using GrowthBot.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Okrs;

/// <summary>How the objective and key results look in Slack: progress bars with current/target and confidence, and check-in history.</summary>
public static class OkrMessages
{
    public const string NoObjective = "No objective yet. A growth lead sets the North Star and its key results with `/okr set`.";

    /// <summary>
    /// One key result: <c>*K1 New leads* · owner · ▓▓▓░░░░░░░ 26% · 26/100 new leads · On track</c>.
    /// Reused by the App Home and the reports.
    /// </summary>
    public static string KeyResultLine(KeyResult kr, Wording words) =>
        $"*{kr.ShortId} {Escape(Truncate(kr.Name, 100))}* · {User(kr.OwnerId)}\n" +
        $"`{Progress.Bar(kr.Percent())}` {words.Percent(kr.Percent())} · {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}" +
        (kr.Confidence is { } c ? $" · {Icon(c)} {Wording.English.Label(c)}" : " · _no check-in yet_") +
        $" · from {words.Number(kr.Baseline)}";

    /// <summary>The buttons of one key result: Check in and History.</summary>
    public static ActionsBlock Buttons(KeyResult kr, bool withCheckIn = true) =>
        new(withCheckIn ? [OkrCheckInButton.For(kr), OkrHistoryButton.For(kr)] : [OkrHistoryButton.For(kr)]) { BlockId = $"kr_{kr.ShortId}" };

    /// <summary>The objective and its key results with their buttons; the footer names the team's actual check-in day.</summary>
    public static Message Overview(OkrSnapshot? okr, TeamSettings team, Wording words)
    {
        if (okr is null) return new Message(NoObjective, [new SectionBlock(NoObjective)]);
        var (objective, keyResults) = (okr.Objective, okr.KeyResults);
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($":star: {objective.Title}", BlockKitLimits.HeaderText)),
            new ContextBlock($"North Star · {Escape(objective.Period)} · set by {User(objective.CreatedBy)}"),
        };
        foreach (var kr in keyResults)
        {
            blocks.Add(new SectionBlock(Truncate(KeyResultLine(kr, words), BlockKitLimits.SectionText)));
            blocks.Add(Buttons(kr));
        }
        var asked = team.CheckInDay is { } day && team.CheckInTime is { } at ? $" (owners are asked every {words.DayName(day)} from {words.Time(at)})" : "";
        blocks.Add(new ContextBlock($"Progress = (current − baseline) ÷ (target − baseline) · `/okr update` to check in a new number{asked} · `/okr history K1` for past check-ins"));
        var summary = keyResults.Count == 0 ? "" : ": " + string.Join(", ", keyResults.Select(k => $"{k.ShortId} {words.Progress(k.Current, k.Target, k.Unit)}"));
        return new Message(Truncate($"{objective.Title} ({objective.Period}){summary}", 3000), blocks);
    }

    public static Message Saved(OkrSnapshot okr, TeamSettings team, Wording words)
    {
        var progress = Overview(okr, team, words);
        var intro = $":dart: Saved the North Star *{Escape(okr.Objective.Title)}* ({Escape(okr.Objective.Period)}) with {words.Count(okr.KeyResults.Count, Counted.KeyResult)}.";
        return new Message(Truncate(intro, 3000), [new SectionBlock(Truncate(intro, BlockKitLimits.SectionText)), .. progress.Blocks!]);
    }

    public static Message CheckedIn(KeyResult kr, CheckIn checkIn, Wording words)
    {
        var now = words.Progress(kr.Current, kr.Target, kr.Unit);
        var text = $":chart_with_upwards_trend: {kr.ShortId} {Escape(kr.Name)}: {words.Number(checkIn.PreviousValue)} → *{Escape(now)}* " +
                   $"`{Progress.Bar(kr.Percent())}` {words.Percent(kr.Percent())} · {Icon(checkIn.Confidence)} {Wording.English.Label(checkIn.Confidence)}";
        return new Message($"{kr.ShortId} {Escape(kr.Name)}: {Escape(now)}", [new SectionBlock(Truncate(text, BlockKitLimits.SectionText))]);
    }

    /// <summary>
    /// A key result's latest check-ins, newest first: when (in the reader's own time zone), who, the value it moved from
    /// and to, the confidence and the note.
    /// </summary>
    public static Message History(KeyResult kr, IReadOnlyList<CheckIn> latest, int total, Wording words)
    {
        var title = $":chart_with_upwards_trend: *{kr.ShortId} · {Escape(Truncate(kr.Name, 200))}* · now {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))} " +
                    $"`{Progress.Bar(kr.Percent())}` {words.Percent(kr.Percent())}";
        var blocks = new List<Block> { new SectionBlock(Truncate(title, BlockKitLimits.SectionText)) };
        if (latest.Count == 0)
        {
            blocks.Add(new SectionBlock($"No check-ins yet. {User(kr.OwnerId)} checks in with `/okr update {kr.ShortId}`."));
            return new Message($"{kr.ShortId} has no check-ins yet", blocks);
        }
        foreach (var c in latest)
        {
            var line = $"{Date(c.CreatedAt, "{date_short_pretty} {time}")} · {User(c.CreatedBy)} · {words.Number(c.PreviousValue)} → *{Escape(words.Quantity(c.Value, kr.Unit))}* · " +
                       $"{Icon(c.Confidence)} {Wording.English.Label(c.Confidence)}";
            if (c.Note.Length > 0) line += $"\n>{Escape(Truncate(c.Note, 1000)).ReplaceLineEndings("\n>")}";
            blocks.Add(new SectionBlock(Truncate(line, BlockKitLimits.SectionText)));
        }
        var shown = total > latest.Count ? $"The latest {words.Count(latest.Count, Counted.CheckIn)} of {words.Number(total)}; `/growth export` has them all." : $"{words.Count(total, Counted.CheckIn)} in all.";
        blocks.Add(new ContextBlock(shown));
        return new Message($"{kr.ShortId} {Escape(kr.Name)}: {words.Count(total, Counted.CheckIn)}", blocks);
    }

    public static string Icon(KrConfidence confidence) => confidence switch
    {
        KrConfidence.OnTrack => ":large_green_circle:",
        KrConfidence.AtRisk => ":large_yellow_circle:",
        _ => ":red_circle:",
    };
}
