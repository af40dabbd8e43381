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
    /// <summary>
    /// One key result: <c>*K1 New leads* · owner · ▓▓▓░░░░░░░ 26% · 26/100 new leads · On track</c>.
    /// Reused by the App Home and the reports.
    /// </summary>
    public static string KeyResultLine(KeyResult kr, Wording words) =>
        $"*{kr.ShortId} {Escape(Truncate(kr.Name, 100))}* · {User(kr.OwnerId)}\n" +
        $"`{Progress.Bar(kr.Percent())}` {words.Percent(kr.Percent())} · {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}" +
        (kr.Confidence is { } c ? $" · {Icon(c)} {words.Label(c)}" : " · " + words.Text(OkrText.NoCheckInYet)) +
        words.Text(OkrText.FromBaseline, ("baseline", words.Number(kr.Baseline)));

    /// <summary>The buttons of one key result: Check in and History.</summary>
    public static ActionsBlock Buttons(KeyResult kr, Wording words, bool withCheckIn = true) =>
        new(withCheckIn ? [OkrCheckInButton.For(kr, words), OkrHistoryButton.For(kr, words)] : [OkrHistoryButton.For(kr, words)]) { BlockId = $"kr_{kr.ShortId}" };

    /// <summary>The objective and its key results with their buttons; the footer names the team's actual check-in day.</summary>
    public static Message Overview(OkrSnapshot? okr, TeamSettings team, Wording words)
    {
        if (okr is null) return new Message(words.Text(OkrText.NoObjective), [new SectionBlock(words.Text(OkrText.NoObjective))]);
        var (objective, keyResults) = (okr.Objective, okr.KeyResults);
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($":star: {objective.Title}", BlockKitLimits.HeaderText)),
            new ContextBlock(words.Text(OkrText.OverviewContext, ("period", Escape(objective.Period)), ("user", User(objective.CreatedBy)))),
        };
        foreach (var kr in keyResults)
        {
            blocks.Add(new SectionBlock(Truncate(KeyResultLine(kr, words), BlockKitLimits.SectionText)));
            blocks.Add(Buttons(kr, words));
        }
        var asked = team.CheckInDay is { } day && team.CheckInTime is { } at ? words.Text(OkrText.AskedEvery, ("day", words.DayName(day)), ("time", words.Time(at))) : "";
        blocks.Add(new ContextBlock(words.Text(OkrText.OverviewFooter, ("asked", asked))));
        var summary = keyResults.Count == 0 ? "" : ": " + string.Join(", ", keyResults.Select(k => $"{k.ShortId} {words.Progress(k.Current, k.Target, k.Unit)}"));
        return new Message(Truncate($"{objective.Title} ({objective.Period}){summary}", 3000), blocks);
    }

    public static Message Saved(OkrSnapshot okr, TeamSettings team, Wording words)
    {
        var progress = Overview(okr, team, words);
        var intro = words.Text(OkrText.Saved, ("title", Escape(okr.Objective.Title)), ("period", Escape(okr.Objective.Period)),
            ("keyResults", words.Count(okr.KeyResults.Count, Counted.KeyResult)), ("keyResultsNumber", okr.KeyResults.Count));
        return new Message(Truncate(intro, 3000), [new SectionBlock(Truncate(intro, BlockKitLimits.SectionText)), .. progress.Blocks!]);
    }

    public static Message CheckedIn(KeyResult kr, CheckIn checkIn, Wording words)
    {
        var now = words.Progress(kr.Current, kr.Target, kr.Unit);
        var text = words.Text(OkrText.CheckedIn, ("id", kr.ShortId), ("name", Escape(kr.Name)), ("from", words.Number(checkIn.PreviousValue)), ("now", Escape(now)),
            ("bar", Progress.Bar(kr.Percent())), ("percent", words.Percent(kr.Percent())), ("icon", Icon(checkIn.Confidence)), ("confidence", words.Label(checkIn.Confidence)));
        return new Message($"{kr.ShortId} {Escape(kr.Name)}: {Escape(now)}", [new SectionBlock(Truncate(text, BlockKitLimits.SectionText))]);
    }

    /// <summary>
    /// A key result's latest check-ins, newest first: when (in the reader's own time zone), who, the value it moved from
    /// and to, the confidence and the note.
    /// </summary>
    public static Message History(KeyResult kr, IReadOnlyList<CheckIn> latest, int total, Wording words)
    {
        var title = words.Text(OkrText.HistoryTitle, ("id", kr.ShortId), ("name", Escape(Truncate(kr.Name, 200))), ("progress", Escape(words.Progress(kr.Current, kr.Target, kr.Unit))),
            ("bar", Progress.Bar(kr.Percent())), ("percent", words.Percent(kr.Percent())));
        var blocks = new List<Block> { new SectionBlock(Truncate(title, BlockKitLimits.SectionText)) };
        if (latest.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(OkrText.HistoryEmpty, ("owner", User(kr.OwnerId)), ("id", kr.ShortId))));
            return new Message(words.Text(OkrText.HistoryEmptyFallback, ("id", kr.ShortId)), blocks);
        }
        foreach (var c in latest)
        {
            var line = $"{words.MomentWithTime(c.CreatedAt)} · {User(c.CreatedBy)} · {words.Number(c.PreviousValue)} → *{Escape(words.Quantity(c.Value, kr.Unit))}* · " +
                       $"{Icon(c.Confidence)} {words.Label(c.Confidence)}";
            if (c.Note.Length > 0) line += $"\n>{Escape(Truncate(c.Note, 1000)).ReplaceLineEndings("\n>")}";
            blocks.Add(new SectionBlock(Truncate(line, BlockKitLimits.SectionText)));
        }
        var shown = total > latest.Count
            ? words.Text(OkrText.HistoryLatest, ("latest", words.Count(latest.Count, Counted.CheckIn)), ("latestNumber", latest.Count), ("total", total))
            : words.Text(OkrText.HistoryAll, ("total", words.Count(total, Counted.CheckIn)));
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
