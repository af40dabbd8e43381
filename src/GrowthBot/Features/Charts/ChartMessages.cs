using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Charts;

/// <summary>
/// The blocks that show charts: an image per chart Slack took, and for any it did not, its alt text, which states the
/// same numbers. The text version of a message of charts is the alt texts alone, under the caller's lines.
/// </summary>
public static class ChartMessages
{
    /// <summary><paramref name="lead"/>'s blocks, then each chart: its picture, or its title and numbers as text.</summary>
    public static Message Pictures(string text, IReadOnlyList<Block> lead, IReadOnlyList<ChartInSlack> charts, string blockIdPrefix)
    {
        var blocks = new List<Block>(lead);
        for (var i = 0; i < charts.Count; i++)
            blocks.Add(charts[i].Image is { } image ? image.Block($"{blockIdPrefix}_{i + 1}") : AsText(charts[i].Chart));
        return new Message(MrkdwnText.Truncate(text, BlockKitLimits.SectionText), blocks);
    }

    /// <summary><paramref name="lead"/>'s blocks, then each chart's title and numbers as text: what a message of charts says without pictures.</summary>
    public static Message Text(string text, IReadOnlyList<Block> lead, IEnumerable<TeamChart> charts) =>
        new(MrkdwnText.Truncate(text, BlockKitLimits.SectionText), [.. lead, .. charts.Where(c => c.Result.HasImage).Select(AsText)]);

    private static SectionBlock AsText(TeamChart chart) =>
        new(MrkdwnText.Truncate($"*{MrkdwnText.Escape(chart.Title)}*\n{MrkdwnText.Escape(chart.Result.Image?.AltText ?? "")}", BlockKitLimits.SectionText));
}
