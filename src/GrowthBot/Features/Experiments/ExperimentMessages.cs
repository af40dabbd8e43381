using GrowthBot.Domain.Experiments;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Experiments;

/// <summary>How experiments look in Slack: the confirmation, the list and the detail card.</summary>
public static class ExperimentMessages
{
    /// <summary>How many experiments of each group a list shows before summarising the rest.</summary>
    public const int ListLimit = 15;

    public static Message Created(Experiment e)
    {
        var text = $":test_tube: Saved *{e.ShortId} · {Escape(e.Name)}* to the backlog.\n" +
                   $"*ICE {e.Ice.ScoreText}*: {e.Ice.Formula} (Impact + Confidence + Ease, divided by 3).";
        // The fallback text is what notifications show, and Slack parses mentions in it too.
        return new Message($"Saved {e.ShortId} · {Escape(e.Name)} (ICE {e.Ice.ScoreText})",
        [
            new SectionBlock(text),
            new ContextBlock($"Start it with `/experiment start {e.ShortId}` · see it with `/experiment show {e.ShortId}`"),
        ]);
    }

    public static Message List(IReadOnlyList<Experiment> experiments)
    {
        var ordered = Experiment.InListOrder(experiments).ToList();
        var running = ordered.Where(e => e.Status == ExperimentStatus.Running).ToList();
        var backlog = ordered.Where(e => e.Status == ExperimentStatus.Backlog).ToList();
        if (running.Count == 0 && backlog.Count == 0)
            return new Message("No experiments yet. Log the first idea with /experiment new.",
                [new SectionBlock("No experiments yet. Log the first idea with `/experiment new`: anyone can, and the backlog ranks ideas by ICE.")]);

        var blocks = new List<Block> { new HeaderBlock("Experiments") };
        AddGroup(blocks, $":runner: *Running* ({running.Count})", running, "Nothing running. Start the top idea with `/experiment start <id>`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · {e.Stage} · owner {User(e.OwnerId)} · ends {Date(e.EndDate)}");
        AddGroup(blocks, $":bulb: *Backlog by ICE* ({backlog.Count})", backlog, "The backlog is empty. Log an idea with `/experiment new`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · ICE *{e.Ice.ScoreText}* ({e.Ice.Impact}/{e.Ice.Confidence}/{e.Ice.Ease}) · {e.Stage} · {User(e.OwnerId)}");
        blocks.Add(new ContextBlock("ICE = (Impact + Confidence + Ease) ÷ 3 · `/experiment show <id>` for details"));
        return new Message($"{running.Count} running, {backlog.Count} in the backlog", blocks);
    }

    public static Message Card(Experiment e)
    {
        var fields = new List<TextObject>
        {
            new Mrkdwn($"*Status*\n{e.Status.Label()}"),
            new Mrkdwn($"*Funnel stage*\n{e.Stage}"),
            new Mrkdwn($"*ICE {e.Ice.ScoreText}*\n{e.Ice.Formula}"),
            new Mrkdwn($"*Owner*\n{User(e.OwnerId)}"),
            new Mrkdwn($"*Dates*\n{Date(e.StartDate)} → {Date(e.EndDate)}"),
            new Mrkdwn($"*Metric*\n{(e.Metric.Length > 0 ? Escape(e.Metric) : "_not set_")}"),
        };
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($"{e.ShortId} · {e.Name}", BlockKitLimits.HeaderText)),
            new SectionBlock(Truncate($"*Hypothesis*\n{Escape(e.Hypothesis)}", BlockKitLimits.SectionText)),
            new SectionBlock { Fields = fields },
        };
        if (e.Outcome is { } outcome)
        {
            var conclusion = $"*Outcome:* {outcome.Label()}" +
                             (e.Result is { Length: > 0 } ? $"\n*Result:* {Escape(e.Result)}" : "") +
                             (e.Learning is { Length: > 0 } ? $"\n*Learning:* {Escape(e.Learning)}" : "") +
                             (e.Decision is { } decision ? $"\n*Decision:* {decision.Label()}" : "");
            blocks.Add(new SectionBlock(Truncate(conclusion, BlockKitLimits.SectionText)));
        }
        blocks.Add(new ContextBlock($"Logged by {User(e.CreatedBy)} on {Date(e.CreatedAt)}"));
        return new Message($"{e.ShortId} · {Escape(e.Name)}", blocks);
    }

    private static void AddGroup(List<Block> blocks, string title, IReadOnlyList<Experiment> group, string empty, Func<Experiment, string> line)
    {
        blocks.Add(new SectionBlock(title));
        if (group.Count == 0)
        {
            blocks.Add(new ContextBlock(empty));
            return;
        }
        // One section holds many lines; cut at the limit and say how many more there are.
        var lines = group.Take(ListLimit).Select(line).ToList();
        var text = string.Join("\n", lines);
        if (group.Count > ListLimit) text += $"\n_…and {group.Count - ListLimit} more_";
        blocks.Add(new SectionBlock(Truncate(text, BlockKitLimits.SectionText)));
    }
}
