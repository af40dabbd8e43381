using System.Globalization;
using System.Text;

namespace GrowthBot.Slack.BlockKit;

/// <summary>Slack's mrkdwn conventions: escaping user text, mentions, dates.</summary>
public static class MrkdwnText
{
    /// <summary>
    /// Escapes the three characters Slack treats as control sequences, so user text can never become a
    /// mention, a <c>&lt;!channel&gt;</c> ping or a link. Control characters other than newline and tab are dropped.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\n' or '\t': builder.Append(c); break;
                case var control when char.IsControl(control): break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    public static string User(string userId) => $"<@{userId}>";

    public static string UserGroup(string groupId) => $"<!subteam^{groupId}>";

    public static string Channel(string channelId) => $"<#{channelId}>";

    /// <summary>
    /// An instant (when something happened), which Slack renders in the reader's own time zone, with a plain fallback
    /// for old clients. Never for a calendar date (a due date, an end date): read in another zone, an instant moves to
    /// another day, so calendar dates are written as text.
    /// </summary>
    public static string Date(DateTimeOffset when, string format = "{date_short_pretty}") =>
        $"<!date^{when.ToUnixTimeSeconds()}^{format}|{when.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";

    /// <summary>Cuts text to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text[..(max - 1)];
        // Never leave half an escape sequence or a lone surrogate at the end.
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && amp > cut.Length - 6 && cut.IndexOf(';', amp) < 0) cut = cut[..amp];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut + "…";
    }
}
