using GrowthBot.Resources;
using GrowthBot.Domain.Kpis;
using GrowthBot.Domain.Okrs;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Kpis;

/// <summary>How KPI definitions look in Slack: the list, one KPI, the confirmation, and the one line a key result shows of its KPI.</summary>
public static class KpiMessages
{
    /// <summary>KPIs listed in one message; each is a section, and a message holds 50 blocks.</summary>
    public const int Shown = 40;

    private const int DefinitionShown = 300;

    /// <summary>
    /// The team's KPI definitions, each with what counts, how it is measured, its owner and unit, which way is better and
    /// which current key results count it. Growth leads get an Edit button on each and a New KPI button.
    /// </summary>
    public static Message List(IReadOnlyList<Kpi> kpis, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var blocks = new List<Block> { new HeaderBlock(words.Text(KpiText.ListHeader)) };
        if (kpis.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(KpiText.None)));
            if (forLead) blocks.Add(new ActionsBlock([NewKpiButton.For(words)]) { BlockId = "kpi_actions" });
            return new Message(words.Text(KpiText.NoneFallback), blocks);
        }
        blocks.Add(new ContextBlock(words.Text(KpiText.ListContext)));
        blocks.AddRange(kpis.Take(Shown).Select(kpi => Section(kpi, keyResults, forLead, words)));
        if (kpis.Count > Shown)
            blocks.Add(new ContextBlock(words.Text(KpiText.ListMore, ("more", words.More(kpis.Count - Shown, Counted.Kpi)), ("id", kpis[Shown].ShortId))));
        if (forLead) blocks.Add(new ActionsBlock([NewKpiButton.For(words)]) { BlockId = "kpi_actions" });
        var list = string.Join(", ", kpis.Take(Shown).Select(k => $"{k.ShortId} {Escape(k.Name)}"));
        return new Message(Truncate(words.Text(KpiText.ListFallback, ("count", words.Count(kpis.Count, Counted.Kpi)), ("list", list)), BlockKitLimits.SectionText), blocks);
    }

    /// <summary>One KPI on its own (<c>/kpi K3</c>).</summary>
    public static Message One(Kpi kpi, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var changed = kpi.UpdatedAt is { } at && kpi.UpdatedBy is { } by
            ? words.Text(KpiText.LastChanged, ("user", User(by)), ("when", words.Moment(at)))
            : words.Text(KpiText.AddedBy, ("user", User(kpi.CreatedBy)), ("when", words.Moment(kpi.CreatedAt)));
        return new Message($"{kpi.ShortId} {Escape(kpi.Name)}: {Escape(Truncate(Flat(kpi.Definition), 200))}",
            [Section(kpi, keyResults, forLead, words), new ContextBlock(words.Text(KpiText.OneFooter, ("changed", changed)))]);
    }

    /// <summary>A KPI with the current key results that count it, and Edit for a growth lead.</summary>
    private static SectionBlock Section(Kpi kpi, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var usedBy = keyResults.Where(k => k.KpiNumber == kpi.Number).Select(k => $"{k.ShortId} {Escape(Truncate(k.Name, 60))}").ToList();
        var text = Card(kpi, words) + (usedBy.Count > 0 ? "\n" + words.Text(KpiText.CountedBy, ("keyResults", words.List(usedBy))) : "");
        return new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) { BlockId = $"kpi_{kpi.ShortId}", Accessory = forLead ? EditKpiButton.For(kpi, words) : null };
    }

    /// <summary>What a growth lead sees after saving.</summary>
    public static Message Saved(Kpi kpi, bool isNew, Wording words)
    {
        var args = new[] { ("id", (object?)kpi.ShortId), ("name", Escape(kpi.Name)) };
        var intro = words.Text(isNew ? KpiText.SavedNew : KpiText.SavedEdit, args);
        return new Message(words.Text(isNew ? KpiText.SavedNewFallback : KpiText.SavedEditFallback, args),
        [
            new SectionBlock(Truncate($"{intro}\n{Card(kpi, words)}", BlockKitLimits.SectionText)),
            new ContextBlock(words.Text(KpiText.SavedContext)),
        ]);
    }

    /// <summary>
    /// The one line a key result shows of its KPI (on <c>/okr</c>, the App Home and in the report):
    /// <c>K3 Lead: a decision-maker at an ICP company who booked a call · measured: HubSpot deals</c>.
    /// </summary>
    public static string DefinitionLine(Kpi kpi, Wording words)
    {
        var id = ("id", (object?)kpi.ShortId);
        var name = ("name", (object?)Escape(Truncate(kpi.Name, 80)));
        var definition = ("definition", (object?)Escape(Truncate(Flat(kpi.Definition), DefinitionShown)));
        return kpi.Measurement.Length > 0
            ? words.Text(KpiText.DefinitionLineMeasured, id, name, definition, ("how", Escape(Truncate(Flat(kpi.Measurement), 150))))
            : words.Text(KpiText.DefinitionLine, id, name, definition);
    }

    /// <summary>A KPI in full: name, direction, unit, owner, what counts and how it is measured.</summary>
    private static string Card(Kpi kpi, Wording words)
    {
        var facts = new List<string> { Better(kpi.Direction, words) };
        if (kpi.Unit.Length > 0) facts.Add(words.Text(KpiText.CountedIn, ("unit", Escape(kpi.Unit))));
        facts.Add(words.Text(KpiText.OwnerFact, ("owner", User(kpi.OwnerId))));
        var text = words.Text(KpiText.CardHead, ("id", kpi.ShortId), ("name", Escape(kpi.Name)), ("facts", string.Join(" · ", facts))) + "\n" +
                   words.Text(KpiText.WhatCounts, ("definition", Escape(kpi.Definition)));
        if (kpi.Measurement.Length > 0) text += "\n" + words.Text(KpiText.HowMeasured, ("measurement", Escape(kpi.Measurement)));
        return text;
    }

    /// <summary>"higher is better" or "lower is better", inside a sentence.</summary>
    public static string Better(KpiDirection direction, Wording words) =>
        words.Text(direction == KpiDirection.LowerIsBetter ? KpiText.LowerIsBetter : KpiText.HigherIsBetter);

    private static string Flat(string text) => text.ReplaceLineEndings(" ");
}
