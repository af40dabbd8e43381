using GrowthBot.Domain.Common;
using GrowthBot.Domain.Okrs;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Okrs;

/// <summary>How the objective and key results look in Slack: progress bars with current/target and confidence.</summary>
public static class OkrMessages
{
    public const string NoObjective = "No objective yet. A growth lead sets the North Star and its key results with `/okr set`.";

    /// <summary>
    /// One key result: <c>*K1 New leads* · owner · ▓▓▓░░░░░░░ 26% · 26/100 new leads · On track</c>.
    /// Reused by the App Home and the reports.
    /// </summary>
    public static string KeyResultLine(KeyResult kr) =>
        $"*{kr.ShortId} {Escape(Truncate(kr.Name, 100))}* · {User(kr.OwnerId)}\n" +
        $"`{Progress.BarWithPercent(kr.Percent())}` {Escape(kr.CurrentOfTarget())}" +
        (kr.Confidence is { } c ? $" · {Icon(c)} {c.Label()}" : " · _no check-in yet_") +
        $" · from {DecimalText.Format(kr.Baseline)}";

    public static Message Overview(OkrSnapshot? okr)
    {
        if (okr is null) return new Message(NoObjective, [new SectionBlock(NoObjective)]);
        var (objective, keyResults) = (okr.Objective, okr.KeyResults);
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($":star: {objective.Title}", BlockKitLimits.HeaderText)),
            new ContextBlock($"North Star · {Escape(objective.Period)} · set by {User(objective.CreatedBy)}"),
        };
        blocks.AddRange(keyResults.Select(kr => (Block)new SectionBlock(Truncate(KeyResultLine(kr), BlockKitLimits.SectionText))
        {
            Accessory = OkrCheckInButton.For(kr),
        }));
        blocks.Add(new ContextBlock("Progress = (current − baseline) ÷ (target − baseline) · `/okr update` to check in a new number"));
        var summary = keyResults.Count == 0 ? "" : ": " + string.Join(", ", keyResults.Select(k => $"{k.ShortId} {k.CurrentOfTarget()}"));
        return new Message(Truncate($"{objective.Title} ({objective.Period}){summary}", 3000), blocks);
    }

    public static Message Saved(OkrSnapshot okr)
    {
        var progress = Overview(okr);
        var intro = $":dart: Saved the North Star *{Escape(okr.Objective.Title)}* ({Escape(okr.Objective.Period)}) with {okr.KeyResults.Count} key result{(okr.KeyResults.Count == 1 ? "" : "s")}.";
        return new Message(Truncate(intro, 3000), [new SectionBlock(Truncate(intro, BlockKitLimits.SectionText)), .. progress.Blocks!]);
    }

    public static Message CheckedIn(KeyResult kr, CheckIn checkIn)
    {
        var text = $":chart_with_upwards_trend: {kr.ShortId} {Escape(kr.Name)}: {DecimalText.Format(checkIn.PreviousValue)} → *{Escape(kr.CurrentOfTarget())}* " +
                   $"`{Progress.BarWithPercent(kr.Percent())}` · {Icon(checkIn.Confidence)} {checkIn.Confidence.Label()}";
        return new Message($"{kr.ShortId} {Escape(kr.Name)}: {Escape(kr.CurrentOfTarget())}", [new SectionBlock(Truncate(text, BlockKitLimits.SectionText))]);
    }

    public static string Icon(KrConfidence confidence) => confidence switch
    {
        KrConfidence.OnTrack => ":large_green_circle:",
        KrConfidence.AtRisk => ":large_yellow_circle:",
        _ => ":red_circle:",
    };
}
