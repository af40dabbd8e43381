using GrowthBot.Resources;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Pipeline;

/// <summary>Every word about the sales pipeline: the velocity line the report and the App Home show, and the confirmation; the weekly DM is a reminder (Jobs/ReminderMessages).</summary>
public static class PipelineMessages
{
    /// <summary>"40 open × €5,000 × 24% won ÷ 20 days".</summary>
    public static string Numbers(PipelineCheckIn p, Currency currency, Wording words) =>
        $"{words.Number(p.OpenOpportunities)} open × {words.Money(p.AverageDealSize, currency)} × {words.Percent(p.WinRate)} won ÷ {words.Count(p.SalesCycleDays, Counted.Day)}";

    /// <summary>
    /// e.g. <c>€2,400 a day (40 open × €5,000 × 24% won ÷ 20 days), checked in Fri 27 Nov, +€300 since Fri 20 Nov; open
    /// opportunities (30 → 40) moved it most.</c> The report and the App Home show this line.
    /// </summary>
    public static string Line(PipelineMove move, Currency currency, TimeZoneInfo zone, Wording words)
    {
        var p = move.Latest;
        var day = Periods.LocalDate(p.CreatedAt, zone);
        var text = $"{words.Money(p.Velocity, currency)} a day ({Numbers(p, currency, words)}), checked in {words.Date(day, day)}";
        if (move is not { Previous: { } previous, Change: { } change }) return text + ": the first check-in.";
        var since = words.Date(Periods.LocalDate(previous.CreatedAt, zone), day);
        if (change == 0 && move.MovedMost is null) return $"{text}, unchanged since {since}.";
        text += $", {words.MoneyChange(change, currency)} since {since}";
        return move.MovedMost is { } factor ? $"{text}; {Factor(factor, previous, p, currency, words)} moved it most." : text + ".";
    }

    public static Message CheckedIn(PipelineMove move, Currency currency, TimeZoneInfo zone, Wording words)
    {
        var text = $":white_check_mark: Pipeline checked in. *Velocity:* {Line(move, currency, zone, words)}";
        return new Message($"Pipeline velocity: {words.Money(move.Latest.Velocity, currency)} a day",
        [
            new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)),
            new ContextBlock("Velocity = open opportunities × average deal size × win rate ÷ sales-cycle days. The weekly report shows it with its change."),
        ]);
    }

    /// <summary>"open opportunities (30 → 40)".</summary>
    private static string Factor(PipelineFactor factor, PipelineCheckIn before, PipelineCheckIn after, Currency currency, Wording words) => factor switch
    {
        PipelineFactor.OpenOpportunities => $"open opportunities ({words.Number(before.OpenOpportunities)} → {words.Number(after.OpenOpportunities)})",
        PipelineFactor.AverageDealSize => $"the average deal size ({words.Money(before.AverageDealSize, currency)} → {words.Money(after.AverageDealSize, currency)})",
        PipelineFactor.WinRate => $"the win rate ({words.Percent(before.WinRate)} → {words.Percent(after.WinRate)})",
        _ => $"the sales cycle ({words.Count(before.SalesCycleDays, Counted.Day)} → {words.Count(after.SalesCycleDays, Counted.Day)})",
    };
}
