using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Learnings;

/// <summary>How learnings look in Slack: the confirmation and search results.</summary>
public static class LearningMessages
{
    /// <summary>One search hit with what it links back to: the learning (if it is one) and its experiment.</summary>
    public sealed record Result(SearchHit Hit, Learning? Learning, Experiment? Experiment);

    private const int SnippetMax = 400;

    public static Message Saved(Learning learning, Experiment? experiment)
    {
        var from = experiment is null ? "" : $" from *{experiment.ShortId} · {Escape(experiment.Name)}*";
        return new Message($"Saved learning {learning.ShortId}",
        [
            new SectionBlock(Truncate($":bulb: Saved *{learning.ShortId}* ({learning.Kind.Label()}){from}:\n>{Escape(learning.Text).Replace("\n", "\n>")}", BlockKitLimits.SectionText)),
            new ContextBlock("Find it again with `/learning search <words>`"),
        ]);
    }

    public static Message SearchResults(string words, IReadOnlyList<Result> results, Wording wording)
    {
        var query = Truncate(Escape(words.Trim()), 200);
        if (results.Count == 0)
            return new Message($"Nothing matches \"{words.Trim()}\"",
            [
                new SectionBlock($":mag: Nothing in learnings or concluded experiments matches _{query}_. Try fewer or other words (e.g. a channel or persona), " +
                                 "or log what you know with `/learning new`."),
            ]);

        var blocks = new List<Block> { new SectionBlock($":mag: *{wording.Count(results.Count, Counted.Match)}* for _{query}_, best first") };
        foreach (var r in results)
        {
            var snippet = Escape(r.Hit.Snippet.Replace("\n", " "));
            string head;
            if (r.Learning is { } l)
                head = $"`{l.ShortId}` *{l.Kind.Label()} learning*" + (r.Experiment is { } e ? $" from `{e.ShortId}` {Escape(e.Name)}" : "");
            else
            {
                var e = r.Experiment!;
                head = $"`{e.ShortId}` *{Escape(e.Name)}* · {e.Outcome?.Label() ?? e.Status.Label()}" + (e.Decision is { } d ? $", decided {d.Label().ToLowerInvariant()}" : "");
            }
            blocks.Add(new SectionBlock(Truncate($"{head}\n{Truncate(snippet, SnippetMax)}", BlockKitLimits.SectionText)));
        }
        blocks.Add(new ContextBlock("`/experiment show <id>` opens an experiment with all its learnings"));
        return new Message($"{wording.Count(results.Count, Counted.Match)} for \"{words.Trim()}\"", blocks);
    }
}
