using System.Text.RegularExpressions;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Learnings;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Help;

/// <summary>
/// What "help" answers outside a slash command (a mention, a DM to the bot): the commands with the first line of each
/// one's usage, or one command's whole usage. Each usage text belongs to its command; this only lists them, in the
/// order of manifest.yml.
/// </summary>
public static partial class CommandHelp
{
    /// <summary>Each slash command with its usage (the /growth one names an example date, so it is built for a day).</summary>
    public static readonly IReadOnlyList<(string Command, Func<DateOnly, string> Usage)> Commands =
    [
        (ExperimentCommand.Name, _ => ExperimentCommand.Usage),
        (TaskCommand.Name, _ => TaskCommand.Usage),
        (LearningCommand.Name, _ => LearningCommand.Usage),
        (OkrCommand.Name, _ => OkrCommand.Usage),
        (KpiCommand.Name, _ => KpiCommand.Usage),
        (IcpCommand.Name, _ => IcpCommand.Usage),
        (GrowthCommand.Name, GrowthCommand.Usage),
    ];

    /// <summary>
    /// The answer to <paramref name="text"/> (the message, mentions of the bot removed): <c>help task</c>, <c>/task</c> or
    /// <c>task help</c> give that command's usage; anything else the short help. <paramref name="howToAsk"/> is how the
    /// reader asks for one command where they are, e.g. <c>@GrowthBot help task</c>.
    /// </summary>
    public static string Answer(string? text, DateOnly today, string howToAsk)
    {
        var words = Mention().Replace(text ?? "", " ").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('`', '*', '_', '?', '!', '.', ',')).Where(w => w.Length > 0).ToList();
        var asked = words.Count switch
        {
            0 => null,
            _ when IsHelp(words[0]) => words.ElementAtOrDefault(1),
            _ when words.Count > 1 && IsHelp(words[1]) => words[0],
            1 => words[0],
            _ => null,
        };
        if (asked is null) return Short(today, howToAsk);
        if (Find(asked) is { } command) return command.Usage(today);
        // Only something typed as a command ("/frobnicate") is answered as a wrong one; "hi" or "help me" get the short help.
        return asked.StartsWith('/')
            ? $"I don't know a command `{MrkdwnText.Escape(MrkdwnText.Truncate(asked, 40))}`.\n\n{Short(today, howToAsk)}"
            : Short(today, howToAsk);
    }

    /// <summary>What I do and my commands, one line each.</summary>
    public static string Short(DateOnly today, string howToAsk)
    {
        var lines = Commands.Select(c => "• " + c.Usage(today).Split('\n', 2)[0].Trim());
        return "I run your team's weekly growth-experiment loop here in Slack: ideas ranked by ICE, tasks, blockers, learnings, " +
               "key-result check-ins and the weekly report. My commands:\n" + string.Join("\n", lines) +
               $"\n`{howToAsk}` shows what one command can do; the Home tab of my app is your team's dashboard.";
    }

    private static (string Command, Func<DateOnly, string> Usage)? Find(string asked)
    {
        var name = "/" + asked.TrimStart('/').ToLowerInvariant();
        foreach (var command in Commands)
            if (command.Command == name || command.Command + "s" == name) return command;
        return null;
    }

    private static bool IsHelp(string word) => word.Equals("help", StringComparison.OrdinalIgnoreCase) || word == "?";

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();
}
