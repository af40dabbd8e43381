using GrowthBot.Resources;
using System.Text;
using GrowthBot.Domain.Icp;
using GrowthBot.Domain.Learnings;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Icp;

/// <summary>How the ideal customer profile looks in Slack: the profile with the ICP learnings under it, newest first.</summary>
public static class IcpMessages
{
    /// <summary>ICP learnings listed under the profile; <c>/learning search</c> finds the rest.</summary>
    public const int LearningsShown = 10;

    private const int LearningMax = 280;

    /// <summary>What each part of the profile is called.</summary>
    public static string Label(IcpField field, Wording words) => words.Text(field switch
    {
        IcpField.Titles => IcpText.FieldTitles,
        IcpField.Buyers => IcpText.FieldBuyers,
        IcpField.Users => IcpText.FieldUsers,
        IcpField.CompanySize => IcpText.FieldCompanySize,
        IcpField.Industries => IcpText.FieldIndustries,
        IcpField.Regions => IcpText.FieldRegions,
        _ => IcpText.FieldNotes,
    });

    /// <summary>
    /// The profile (or how to start one), then the latest ICP learnings, newest first. Growth leads get an Edit button.
    /// </summary>
    public static Message Profile(IdealCustomerProfile? profile, IReadOnlyList<Learning> learnings, int totalLearnings, bool forLead, Wording words)
    {
        var blocks = new List<Block> { new HeaderBlock(words.Text(IcpText.Header)) };
        if (profile is null) blocks.Add(new SectionBlock(words.Text(IcpText.None)));
        else
        {
            foreach (var (field, value) in profile.Fields.Where(f => f.Value.Length > 0))
                blocks.Add(new SectionBlock(Truncate($"*{Label(field, words)}*\n{Escape(value)}", BlockKitLimits.SectionText)) { BlockId = $"icp_{field.ToString().ToLowerInvariant()}" });
            blocks.Add(new ContextBlock(words.Text(IcpText.LastChanged, ("user", User(profile.UpdatedBy)), ("when", words.Moment(profile.UpdatedAt)))));
        }
        if (forLead) blocks.Add(new ActionsBlock([EditIcpButton.For(profile is null, words)]) { BlockId = "icp_actions" });

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(Truncate(Learnings(learnings, totalLearnings, words), BlockKitLimits.SectionText)) { BlockId = "icp_learnings" });
        blocks.Add(new ContextBlock(words.Text(IcpText.LearnHint, ("kind", words.Label(LearningKind.Icp)))));
        var text = profile is null
            ? words.Text(IcpText.NoneFallback)
            : words.Text(IcpText.Fallback, ("summary", Escape(Truncate(profile.Titles.Length > 0 ? profile.Titles : profile.Fields.First(f => f.Value.Length > 0).Value, 200))));
        return new Message(text.ReplaceLineEndings(" "), blocks);
    }

    public static Message Saved(IdealCustomerProfile profile, IReadOnlyList<Learning> learnings, int totalLearnings, Wording words)
    {
        var shown = Profile(profile, learnings, totalLearnings, forLead: false, words);
        return new Message(words.Text(IcpText.SavedFallback), [new SectionBlock(words.Text(IcpText.Saved)), .. shown.Blocks!.Skip(1)]);
    }

    private static string Learnings(IReadOnlyList<Learning> learnings, int total, Wording words)
    {
        var text = new StringBuilder(words.Text(IcpText.LearningsHeader, ("count", words.Number(total))));
        if (learnings.Count == 0) return text.Append('\n').Append(words.Text(IcpText.LearningsNone)).ToString();
        var shown = 0;
        foreach (var l in learnings.Take(LearningsShown))
        {
            var line = $"\n• *{l.ShortId}* {Escape(Truncate(l.Text.ReplaceLineEndings(" "), LearningMax))} · {User(l.CreatedBy)} · {words.Moment(l.CreatedAt)}";
            if (text.Length + line.Length > BlockKitLimits.SectionText - 150) break;
            text.Append(line);
            shown++;
        }
        if (total > shown) text.Append('\n').Append(words.Text(IcpText.LearningsMore, ("more", words.More(total - shown, Counted.Learning))));
        return text.ToString();
    }
}
