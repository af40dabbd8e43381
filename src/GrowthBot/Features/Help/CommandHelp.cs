using System.Text.RegularExpressions;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Icp;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Learnings;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Help;

/// <summary>
/// What "help" answers outside a slash command (a mention, a DM to the bot): the short help that lists the commands with
/// the first line of each usage, or one command's whole usage. Each usage belongs to its command (<c>Resources/Help.resx</c>);
/// this only lists them, in the order of manifest.yml.
/// </summary>
public static partial class CommandHelp
{
    /// <summary>Each slash command with its usage, in the order of manifest.yml.</summary>
    public static readonly IReadOnlyList<(string Command, Func<Wording, DateOnly, string> Usage)> Commands =
    [
        (ExperimentCommand.Name, ExperimentCommand.Usage),
        (TaskCommand.Name, TaskCommand.Usage),
        (LearningCommand.Name, LearningCommand.Usage),
        (OkrCommand.Name, OkrCommand.Usage),
        (KpiCommand.Name, KpiCommand.Usage),
        (IcpCommand.Name, IcpCommand.Usage),
        (GrowthCommand.Name, GrowthCommand.Usage),
    ];

    /// <summary>The usage of <paramref name="command"/> (<c>/task</c>); the /growth one names an example pause date after <paramref name="today"/>.</summary>
    public static string Usage(string command, Wording words, DateOnly today) => Commands.Single(c => c.Command == command).Usage(words, today);

    /// <summary>
    /// The answer to <paramref name="text"/> (the message, mentions of the bot removed): <c>help task</c>, <c>/task</c> or
    /// <c>task help</c> give that command's usage; anything else the short help. <paramref name="mention"/> says whether it
    /// was a mention in a channel, which decides how the reader asks for one command there.
    /// </summary>
    public static string Answer(string? text, DateOnly today, bool mention, Wording words)
    {
        var typed = Mention().Replace(text ?? "", " ").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('`', '*', '_', '?', '!', '.', ',')).Where(w => w.Length > 0).ToList();
        var asked = typed.Count switch
        {
            0 => null,
            _ when IsHelp(typed[0]) => typed.ElementAtOrDefault(1),
            _ when typed.Count > 1 && IsHelp(typed[1]) => typed[0],
            1 => typed[0],
            _ => null,
        };
        if (asked is null) return Short(today, mention, words);
        if (Find(asked) is { } command) return Usage(command, words, today);
        // Only something typed as a command ("/frobnicate") is answered as a wrong one; "hi" or "help me" get the short help.
        return asked.StartsWith('/')
            ? words.Text(HelpText.UnknownCommand, ("command", MrkdwnText.Escape(MrkdwnText.Truncate(asked, 40))), ("help", Short(today, mention, words)))
            : Short(today, mention, words);
    }

    /// <summary>What I do and my commands, one line each.</summary>
    public static string Short(DateOnly today, bool mention, Wording words) =>
        words.Text(HelpText.Short,
            ("commands", string.Join("\n", Commands.Select(c => "• " + Usage(c.Command, words, today).Split('\n', 2)[0].Trim()))),
            ("howToAsk", words.Text(mention ? HelpText.HowToAskMention : HelpText.HowToAskDm)));

    private static string? Find(string asked)
    {
        var name = "/" + asked.TrimStart('/').ToLowerInvariant();
        foreach (var (command, _) in Commands)
            if (command == name || command + "s" == name) return command;
        return null;
    }

    /// <summary>"help", "?" or the word for help in any language GrowthBot speaks: people ask in theirs, whatever Slack's locale says.</summary>
    private static readonly HashSet<string> HelpWords = new(
        Language.All.SelectMany(l => Wording.For(l).Text(HelpText.HelpWords).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Append("?"),
        StringComparer.OrdinalIgnoreCase);

    private static bool IsHelp(string word) => HelpWords.Contains(word);

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();
}
