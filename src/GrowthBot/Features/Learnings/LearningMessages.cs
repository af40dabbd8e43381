using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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

    public static Message Saved(Learning learning, Experiment? experiment, Wording words)
    {
        var head = experiment is null
            ? words.Text(LearningText.Saved, ("id", learning.ShortId), ("kind", words.Label(learning.Kind)))
            : words.Text(LearningText.SavedFrom, ("id", learning.ShortId), ("kind", words.Label(learning.Kind)), ("expId", experiment.ShortId), ("expName", Escape(experiment.Name)));
        return new Message(words.Text(LearningText.SavedFallback, ("id", learning.ShortId)),
        [
            new SectionBlock(Truncate($"{head}\n>{Escape(learning.Text).Replace("\n", "\n>")}", BlockKitLimits.SectionText)),
            new ContextBlock(words.Text(LearningText.FindAgain)),
        ]);
    }

    public static Message SearchResults(string query, IReadOnlyList<Result> results, Wording words)
    {
        var shown = Truncate(Escape(query.Trim()), 200);
        if (results.Count == 0)
            return new Message(words.Text(LearningText.NothingFallback, ("query", query.Trim())), [new SectionBlock(words.Text(LearningText.Nothing, ("query", shown)))]);

        var matches = words.Count(results.Count, Counted.Match);
        var blocks = new List<Block> { new SectionBlock(words.Text(LearningText.Results, ("matches", matches), ("query", shown))) };
        foreach (var r in results)
        {
            var snippet = Escape(r.Hit.Snippet.Replace("\n", " "));
            string head;
            if (r.Learning is { } l)
                head = r.Experiment is { } from
                    ? words.Text(LearningText.ResultLearningFrom, ("id", l.ShortId), ("kind", words.Label(l.Kind)), ("expId", from.ShortId), ("expName", Escape(from.Name)))
                    : words.Text(LearningText.ResultLearning, ("id", l.ShortId), ("kind", words.Label(l.Kind)));
            else
            {
                var e = r.Experiment!;
                var state = e.Outcome is { } outcome ? words.Label(outcome) : words.Label(e.Status);
                head = e.Decision is { } decision
                    ? words.Text(LearningText.ResultExperimentDecided, ("id", e.ShortId), ("name", Escape(e.Name)), ("state", state), ("decision", words.InSentence(decision)))
                    : words.Text(LearningText.ResultExperiment, ("id", e.ShortId), ("name", Escape(e.Name)), ("state", state));
            }
            blocks.Add(new SectionBlock(Truncate($"{head}\n{Truncate(snippet, SnippetMax)}", BlockKitLimits.SectionText)));
        }
        blocks.Add(new ContextBlock(words.Text(LearningText.ResultsFooter)));
        return new Message(words.Text(LearningText.ResultsFallback, ("matches", matches), ("query", query.Trim())), blocks);
    }
}
