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

    public const string None = "No KPI definitions yet. A growth lead adds them with `/kpi new`: one meaning per number, so marketing and sales count a lead the same way.";

    /// <summary>
    /// The team's KPI definitions, each with what counts, how it is measured, its owner and unit, which way is better and
    /// which current key results count it. Growth leads get an Edit button on each and a New KPI button.
    /// </summary>
    public static Message List(IReadOnlyList<Kpi> kpis, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var blocks = new List<Block> { new HeaderBlock(":straight_ruler: KPI definitions") };
        if (kpis.Count == 0)
        {
            blocks.Add(new SectionBlock(None));
            if (forLead) blocks.Add(new ActionsBlock([NewKpiButton.For()]) { BlockId = "kpi_actions" });
            return new Message("No KPI definitions yet", blocks);
        }
        blocks.Add(new ContextBlock("One meaning per number, shared by marketing and sales. Key results link a KPI in `/okr set` and count in its unit."));
        blocks.AddRange(kpis.Take(Shown).Select(kpi => Section(kpi, keyResults, forLead, words)));
        if (kpis.Count > Shown) blocks.Add(new ContextBlock($"…and {words.More(kpis.Count - Shown, Counted.Kpi)}: `/kpi {kpis[Shown].ShortId}` shows one, `/growth export` has them all."));
        if (forLead) blocks.Add(new ActionsBlock([NewKpiButton.For()]) { BlockId = "kpi_actions" });
        return new Message(Truncate($"{words.Count(kpis.Count, Counted.Kpi)}: {string.Join(", ", kpis.Take(Shown).Select(k => $"{k.ShortId} {Escape(k.Name)}"))}", BlockKitLimits.SectionText), blocks);
    }

    /// <summary>One KPI on its own (<c>/kpi K3</c>).</summary>
    public static Message One(Kpi kpi, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var changed = kpi.UpdatedAt is { } at && kpi.UpdatedBy is { } by
            ? $"Last changed by {User(by)} {Date(at)}"
            : $"Added by {User(kpi.CreatedBy)} {Date(kpi.CreatedAt)}";
        return new Message($"{kpi.ShortId} {Escape(kpi.Name)}: {Escape(Truncate(Flat(kpi.Definition), 200))}",
            [Section(kpi, keyResults, forLead, words), new ContextBlock($"{changed} · `/kpi` lists them all")]);
    }

    /// <summary>A KPI with the current key results that count it, and Edit for a growth lead.</summary>
    private static SectionBlock Section(Kpi kpi, IReadOnlyList<KeyResult> keyResults, bool forLead, Wording words)
    {
        var usedBy = keyResults.Where(k => k.KpiNumber == kpi.Number).Select(k => $"{k.ShortId} {Escape(Truncate(k.Name, 60))}").ToList();
        var text = Card(kpi) + (usedBy.Count > 0 ? $"\n_Counted by {words.List(usedBy)}_" : "");
        return new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) { BlockId = $"kpi_{kpi.ShortId}", Accessory = forLead ? EditKpiButton.For(kpi) : null };
    }

    /// <summary>What a growth lead sees after saving.</summary>
    public static Message Saved(Kpi kpi, bool isNew)
    {
        var intro = isNew ? $":straight_ruler: Added *{kpi.ShortId} · {Escape(kpi.Name)}*." : $":straight_ruler: Saved *{kpi.ShortId} · {Escape(kpi.Name)}*.";
        return new Message($"{(isNew ? "Added" : "Saved")} {kpi.ShortId} {Escape(kpi.Name)}",
        [
            new SectionBlock(Truncate($"{intro}\n{Card(kpi)}", BlockKitLimits.SectionText)),
            new ContextBlock("`/kpi` lists the team's KPIs; a key result links one in `/okr set`."),
        ]);
    }

    /// <summary>
    /// The one line a key result shows of its KPI (on <c>/okr</c>, the App Home and in the report):
    /// <c>K3 Lead: a decision-maker at an ICP company who booked a call · measured: HubSpot deals</c>.
    /// </summary>
    public static string DefinitionLine(Kpi kpi)
    {
        var measured = kpi.Measurement.Length > 0 ? $" · measured: {Escape(Truncate(Flat(kpi.Measurement), 150))}" : "";
        return $":straight_ruler: *{kpi.ShortId} {Escape(Truncate(kpi.Name, 80))}*: {Escape(Truncate(Flat(kpi.Definition), DefinitionShown))}{measured}";
    }

    /// <summary>A KPI in full: name, direction, unit, owner, what counts and how it is measured.</summary>
    private static string Card(Kpi kpi)
    {
        var facts = new List<string> { Better(kpi.Direction) };
        if (kpi.Unit.Length > 0) facts.Add($"counted in {Escape(kpi.Unit)}");
        facts.Add($"owner {User(kpi.OwnerId)}");
        var text = $"*{kpi.ShortId} · {Escape(kpi.Name)}* · {string.Join(" · ", facts)}\n*What counts:* {Escape(kpi.Definition)}";
        if (kpi.Measurement.Length > 0) text += $"\n*How it is measured:* {Escape(kpi.Measurement)}";
        return text;
    }

    public static string Better(KpiDirection direction) => direction == KpiDirection.LowerIsBetter ? "lower is better" : "higher is better";

    private static string Flat(string text) => text.ReplaceLineEndings(" ");
}
