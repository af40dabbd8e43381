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
        words.Text(PipelineText.Numbers, ("open", p.OpenOpportunities), ("deal", words.Money(p.AverageDealSize, currency)), ("win", words.Percent(p.WinRate)),
            ("days", words.Count(p.SalesCycleDays, Counted.Day)));

    /// <summary>
    /// e.g. <c>€2,400 a day (40 open × €5,000 × 24% won ÷ 20 days), checked in Fri 27 Nov, +€300 since Fri 20 Nov; open
    /// opportunities (30 → 40) moved it most.</c> The report (in the team's language) and the App Home (in the reader's) show this line.
    /// </summary>
    public static string Line(PipelineMove move, Currency currency, TimeZoneInfo zone, Wording words)
    {
        var p = move.Latest;
        var day = Periods.LocalDate(p.CreatedAt, zone);
        (string, object?)[] checkedIn = [("velocity", words.Money(p.Velocity, currency)), ("numbers", Numbers(p, currency, words)), ("date", words.Date(day, day))];
        if (move is not { Previous: { } previous, Change: { } change }) return words.Text(PipelineText.LineFirst, checkedIn);
        var since = ("since", words.Date(Periods.LocalDate(previous.CreatedAt, zone), day));
        if (change == 0 && move.MovedMost is null) return words.Text(PipelineText.LineUnchanged, [.. checkedIn, since]);
        var changed = ("change", words.MoneyChange(change, currency));
        return move.MovedMost is { } factor
            ? words.Text(PipelineText.LineMovedMost, [.. checkedIn, since, changed, ("factor", Factor(factor, previous, p, currency, words))])
            : words.Text(PipelineText.LineChanged, [.. checkedIn, since, changed]);
    }

    public static Message CheckedIn(PipelineMove move, Currency currency, TimeZoneInfo zone, Wording words)
    {
        var text = words.Text(PipelineText.CheckedIn, ("line", Line(move, currency, zone, words)));
        return new Message(words.Text(PipelineText.CheckedInFallback, ("velocity", words.Money(move.Latest.Velocity, currency))),
        [
            new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)),
            new ContextBlock(words.Text(PipelineText.Formula)),
        ]);
    }

    /// <summary>"open opportunities (30 → 40)".</summary>
    private static string Factor(PipelineFactor factor, PipelineCheckIn before, PipelineCheckIn after, Currency currency, Wording words) => factor switch
    {
        PipelineFactor.OpenOpportunities => words.Text(PipelineText.FactorOpenOpportunities, ("before", before.OpenOpportunities), ("after", after.OpenOpportunities)),
        PipelineFactor.AverageDealSize => words.Text(PipelineText.FactorAverageDealSize,
            ("before", words.Money(before.AverageDealSize, currency)), ("after", words.Money(after.AverageDealSize, currency))),
        PipelineFactor.WinRate => words.Text(PipelineText.FactorWinRate, ("before", words.Percent(before.WinRate)), ("after", words.Percent(after.WinRate))),
        _ => words.Text(PipelineText.FactorSalesCycle, ("before", words.Count(before.SalesCycleDays, Counted.Day)), ("after", words.Count(after.SalesCycleDays, Counted.Day))),
    };
}
