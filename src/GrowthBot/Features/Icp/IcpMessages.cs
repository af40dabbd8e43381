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

    public const string None = "No ideal customer profile yet. A growth lead writes it with `/icp edit`: your best guess is a fine start, and every ICP learning makes it better.";

    /// <summary>What each part of the profile is called.</summary>
    public static string Label(IcpField field) => field switch
    {
        IcpField.Titles => "Decision-makers' titles",
        IcpField.Buyers => "Buyers",
        IcpField.Users => "Users",
        IcpField.CompanySize => "Company size",
        IcpField.Industries => "Industries",
        IcpField.Regions => "Regions",
        _ => "Notes",
    };

    /// <summary>
    /// The profile (or how to start one), then the latest ICP learnings, newest first. Growth leads get an Edit button.
    /// </summary>
    public static Message Profile(IdealCustomerProfile? profile, IReadOnlyList<Learning> learnings, int totalLearnings, bool forLead, Wording words)
    {
        var blocks = new List<Block> { new HeaderBlock(":bust_in_silhouette: Ideal customer profile") };
        if (profile is null) blocks.Add(new SectionBlock(None));
        else
        {
            foreach (var (field, value) in profile.Fields.Where(f => f.Value.Length > 0))
                blocks.Add(new SectionBlock(Truncate($"*{Label(field)}*\n{Escape(value)}", BlockKitLimits.SectionText)) { BlockId = $"icp_{field.ToString().ToLowerInvariant()}" });
            blocks.Add(new ContextBlock($"Last changed by {User(profile.UpdatedBy)} {Date(profile.UpdatedAt)}"));
        }
        if (forLead) blocks.Add(new ActionsBlock([EditIcpButton.For(profile is null)]) { BlockId = "icp_actions" });

        blocks.Add(new DividerBlock());
        blocks.Add(new SectionBlock(Truncate(Learnings(learnings, totalLearnings, words), BlockKitLimits.SectionText)) { BlockId = "icp_learnings" });
        blocks.Add(new ContextBlock("Learned something about your customers? `/learning new` with the kind *ICP (ideal customer)* lists it here."));
        var text = profile is null ? "No ideal customer profile yet" : $"Ideal customer profile: {Escape(Truncate(profile.Titles.Length > 0 ? profile.Titles : profile.Fields.First(f => f.Value.Length > 0).Value, 200))}";
        return new Message(text.ReplaceLineEndings(" "), blocks);
    }

    public static Message Saved(IdealCustomerProfile profile, IReadOnlyList<Learning> learnings, int totalLearnings, Wording words)
    {
        var shown = Profile(profile, learnings, totalLearnings, forLead: false, words);
        return new Message("Saved the ideal customer profile", [new SectionBlock(":bust_in_silhouette: Saved the ideal customer profile. `/icp` shows it to anyone."), .. shown.Blocks!.Skip(1)]);
    }

    private static string Learnings(IReadOnlyList<Learning> learnings, int total, Wording words)
    {
        var text = new StringBuilder($"*:bulb: ICP learnings* ({words.Number(total)})");
        if (learnings.Count == 0) return text.Append("\nNone yet.").ToString();
        var shown = 0;
        foreach (var l in learnings.Take(LearningsShown))
        {
            var line = $"\n• *{l.ShortId}* {Escape(Truncate(l.Text.ReplaceLineEndings(" "), LearningMax))} · {User(l.CreatedBy)} · {Date(l.CreatedAt)}";
            if (text.Length + line.Length > BlockKitLimits.SectionText - 150) break;
            text.Append(line);
            shown++;
        }
        if (total > shown) text.Append($"\n…and {words.More(total - shown, Counted.Learning)}: `/learning search <words>` finds them.");
        return text.ToString();
    }
}
