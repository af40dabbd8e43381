using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Common;

/// <summary>The text after a slash command, split into its subcommand and the rest.</summary>
public sealed record CommandLine(string Subcommand, string Arguments)
{
    public static CommandLine Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0
            ? new CommandLine(trimmed.ToLowerInvariant(), "")
            : new CommandLine(trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }

    /// <summary>The first word of the arguments (an id, usually).</summary>
    public string FirstArgument
    {
        get
        {
            var space = Arguments.IndexOfAny([' ', '\t', '\n']);
            return space < 0 ? Arguments : Arguments[..space];
        }
    }

    /// <summary>"I don't know `/task fly`." and the command's whole <paramref name="usage"/>, in the reader's language.</summary>
    public static string Unknown(string command, string typed, Wording words, DateOnly today, Func<Wording, DateOnly, string> usage) =>
        words.Text(HelpText.UnknownSubcommand, ("command", $"{command} {MrkdwnText.Escape(MrkdwnText.Truncate(typed, 40))}"), ("usage", usage(words, today)));
}
