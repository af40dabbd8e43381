using GrowthBot.Resources;
using GrowthBot.Charts;
using GrowthBot.Common;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Okrs;

/// <summary>How the objective and key results look in Slack: progress bars with current/target and confidence, and check-in history.</summary>
public static class OkrMessages
{
    /// <summary>
    /// One key result: <c>*KR1 New leads* · owner · ▓▓▓░░░░░░░ 26% · 26/100 new leads · On track</c>, and under it its
    /// week against the period when <paramref name="pace"/> is known ("This week 6/8 leads · quarter 26/100, on pace").
    /// Reused by the App Home.
    /// </summary>
    public static string KeyResultLine(KeyResult kr, KeyResultPace? pace, DateOnly today, Wording words) =>
        $"*{kr.ShortId} {Escape(Truncate(kr.Name, 100))}* · {User(kr.OwnerId)}\n" +
        $"`{Progress.Bar(kr.Percent())}` {words.Percent(kr.Percent())} · {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}" +
        (kr.Confidence is { } c ? $" · {Icon(c)} {words.Label(c)}" : " · " + words.Text(OkrText.NoCheckInYet)) +
        words.Text(OkrText.FromBaseline, ("baseline", words.Number(kr.Baseline))) +
        (pace is null ? "" : $"\n:calendar: {Escape(words.Pace(pace, today))}");

    /// <summary>The context line under a key result that counts a KPI: what counts, one glance away.</summary>
    public static ContextBlock? KpiContext(KeyResult kr, IReadOnlyList<Kpi> kpis, Wording words) =>
        KpiOf(kr, kpis) is { } kpi ? new ContextBlock(Truncate(KpiMessages.DefinitionLine(kpi, words), BlockKitLimits.SectionText)) : null;

    /// <summary>The KPI <paramref name="kr"/> counts, if it links one of <paramref name="kpis"/>.</summary>
    public static Kpi? KpiOf(KeyResult kr, IReadOnlyList<Kpi> kpis) =>
        kr.KpiNumber is { } number ? kpis.FirstOrDefault(k => k.Number == number) : null;

    /// <summary>The buttons of one key result: Check in and History.</summary>
    public static ActionsBlock Buttons(KeyResult kr, Wording words, bool withCheckIn = true) =>
        new(withCheckIn ? [OkrCheckInButton.For(kr, words), OkrHistoryButton.For(kr, words)] : [OkrHistoryButton.For(kr, words)]) { BlockId = $"kr_{kr.ShortId}" };

    /// <summary>"North Star · Q4 2026 (Thu 1 Oct – Thu 31 Dec) · week 9 of 13 · set by @lead".</summary>
    public static string PeriodContext(Objective objective, OkrPace? pace, Wording words)
    {
        var (name, user) = (("period", (object?)Escape(objective.Period)), ("user", (object?)User(objective.CreatedBy)));
        if (pace is null) return words.Text(PeriodText.ContextNoDates, name, user);
        var period = pace.Period;
        var (start, end) = (("start", (object?)words.Date(period.Start, pace.Today)), ("end", (object?)words.Date(period.End, pace.Today)));
        return pace.IsRunning
            ? words.Text(PeriodText.Context, name, start, end, ("week", period.WeekNumber(pace.Today)), ("weeks", period.WeekCount), user)
            : words.Text(PeriodText.ContextDates, name, start, end, user);
    }

    /// <summary>
    /// The objective, its period and its key results with their week against the period, their KPI's definition and
    /// their buttons; once the period is over, its result and (for growth leads) the button to set the next one.
    /// The footer names the team's actual check-in day.
    /// </summary>
    public static Message Overview(OkrSnapshot? okr, OkrPace? pace, IReadOnlyList<Kpi> kpis, TeamSettings team, Wording words, bool forLead = false)
    {
        if (okr is null) return new Message(words.Text(OkrText.NoObjective), [new SectionBlock(words.Text(OkrText.NoObjective))]);
        var (objective, keyResults) = (okr.Objective, okr.KeyResults);
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($":star: {objective.Title}", BlockKitLimits.HeaderText)),
            new ContextBlock(Truncate(PeriodContext(objective, pace, words), BlockKitLimits.SectionText)),
        };
        if (pace is { HasEnded: true })
        {
            blocks.Add(new SectionBlock(Truncate(words.Text(PeriodText.Over, ("period", Escape(objective.Period))), BlockKitLimits.SectionText)));
            if (forLead) blocks.Add(new ActionsBlock([SetNextPeriodButton.For(words)]) { BlockId = "okr_next_period" });
        }
        foreach (var kr in keyResults)
        {
            blocks.Add(new SectionBlock(Truncate(KeyResultLine(kr, pace?.For(kr.Id), pace?.Today ?? default, words), BlockKitLimits.SectionText)));
            if (KpiContext(kr, kpis, words) is { } context) blocks.Add(context);
            blocks.Add(Buttons(kr, words));
        }
        var asked = team.CheckInDay is { } day && team.CheckInTime is { } at ? words.Text(OkrText.AskedEvery, ("day", words.DayName(day)), ("time", words.Time(at))) : "";
        blocks.Add(new ContextBlock(words.Text(OkrText.OverviewFooter, ("asked", asked))));
        var summary = keyResults.Count == 0 ? "" : ": " + string.Join(", ", keyResults.Select(k => $"{k.ShortId} {words.Progress(k.Current, k.Target, k.Unit)}"));
        return new Message(Truncate($"{objective.Title} ({objective.Period}){summary}", 3000), blocks);
    }

    public static Message Saved(OkrSnapshot okr, OkrPace? pace, IReadOnlyList<Kpi> kpis, TeamSettings team, Wording words)
    {
        var progress = Overview(okr, pace, kpis, team, words);
        var intro = words.Text(OkrText.Saved, ("title", Escape(okr.Objective.Title)), ("period", Escape(okr.Objective.Period)),
            ("keyResults", words.Count(okr.KeyResults.Count, Counted.KeyResult)), ("keyResultsNumber", okr.KeyResults.Count));
        return new Message(Truncate(intro, 3000), [new SectionBlock(Truncate(intro, BlockKitLimits.SectionText)), .. progress.Blocks!]);
    }

    /// <summary>After <c>/okr week</c>: this week's target of each key result that was in the form, set by hand or the default.</summary>
    public static Message WeekSet(OkrPace pace, IReadOnlySet<long> changed, Wording words)
    {
        var lines = pace.KeyResults.Where(k => changed.Contains(k.KeyResult.Id) && k.ThisWeek is not null).Select(k =>
        {
            var week = k.ThisWeek!;
            return words.Text(PeriodText.WeekSetLine, ("id", k.KeyResult.ShortId), ("name", Escape(Truncate(k.KeyResult.Name, 100))),
                ("target", Escape(words.Quantity(week.Target, k.KeyResult.Unit))), ("how", words.Text(week.SetByHand ? PeriodText.SetByHand : PeriodText.ByDefault)),
                ("pace", Escape(words.Pace(k, pace.Today))));
        });
        var text = words.Text(PeriodText.WeekSet, ("date", words.Date(pace.ThisWeek ?? pace.Today, pace.Today)), ("lines", string.Join("\n", lines)));
        return new Message(words.Text(PeriodText.WeekSetFallback), [new SectionBlock(Truncate(text, BlockKitLimits.SectionText)),
            new ContextBlock(words.Text(PeriodText.WeekSetContext))]);
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

    /// <summary>What to type instead of <paramref name="id"/>, which names no key result.</summary>
    public static string NotAKeyResult(string id, Wording words) => words.Text(OkrText.NotAKeyResultId, ("typed", Escape(Truncate(id, 40))));

    /// <summary><c>/okr chart K2</c> for a key result nobody has checked in yet: its bar, and who can change that.</summary>
    public static Message NoTrendYet(KeyResult kr, Wording words)
    {
        var text = words.Text(OkrText.ChartNoCheckIns, ("id", kr.ShortId), ("owner", User(kr.OwnerId)));
        return new Message(text, [new SectionBlock(Truncate(KeyResultLine(kr, null, default, words), BlockKitLimits.SectionText)), new ContextBlock(text)]);
    }

    /// <summary>What <c>/okr chart K2</c> answers at once: the key result's bar, while its chart is drawn.</summary>
    public static Message DrawingChart(KeyResult kr, Wording words) =>
        new($"{kr.ShortId} {Escape(kr.Name)}: {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}",
            [new SectionBlock(Truncate(KeyResultLine(kr, null, default, words), BlockKitLimits.SectionText)), new ContextBlock(words.Text(OkrText.ChartDrawing))]);

    /// <summary>Why <paramref name="kr"/>'s chart has no picture, when the renderer could not draw one.</summary>
    public static Message ChartNotDrawn(KeyResult kr, NoChartReason? reason, Wording words)
    {
        var why = words.Text(reason switch
        {
            NoChartReason.InvalidData => OkrText.ChartTooLarge,
            NoChartReason.NoData => OkrText.ChartNoData,
            _ => OkrText.ChartFailed,
        });
        var text = words.Text(OkrText.ChartNotDrawn, ("id", kr.ShortId), ("why", why));
        return new Message(text, [new SectionBlock(text)]);
    }


    public static string Icon(KrConfidence confidence) => confidence switch
    {
        KrConfidence.OnTrack => ":large_green_circle:",
        KrConfidence.AtRisk => ":large_yellow_circle:",
        _ => ":red_circle:",
    };
}
