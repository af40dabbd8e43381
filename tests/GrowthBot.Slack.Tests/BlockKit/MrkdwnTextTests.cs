using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Slack.Tests.BlockKit;

public class MrkdwnTextTests
{
    [Fact]
    public void Escape_replaces_the_three_control_characters()
    {
        Assert.Equal("Tom &amp; Jerry &lt;3 &gt; all", MrkdwnText.Escape("Tom & Jerry <3 > all"));
    }

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here> now", "&lt;!here&gt; now")]
    [InlineData("ask <@U1>", "ask &lt;@U1&gt;")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    public void Escape_neutralises_mentions_and_links(string text, string escaped)
    {
        Assert.Equal(escaped, MrkdwnText.Escape(text));
    }

    [Fact]
    public void Escape_drops_control_characters_but_keeps_newlines_and_tabs()
    {
        Assert.Equal("abc\nd\te", MrkdwnText.Escape("a\0b\u0007c\r\nd\te\u001b"));
    }

    [Fact]
    public void Escape_of_nothing_is_empty()
    {
        Assert.Equal("", MrkdwnText.Escape(null));
        Assert.Equal("", MrkdwnText.Escape(""));
    }

    [Fact]
    public void Truncate_leaves_short_text_alone()
    {
        Assert.Equal("short", MrkdwnText.Truncate("short", 5));
    }

    [Fact]
    public void Truncate_cuts_to_the_limit_with_an_ellipsis()
    {
        var cut = MrkdwnText.Truncate("abcdefghij", 5);

        Assert.Equal("abcd…", cut);
    }

    [Theory]
    [InlineData("ab&amp;cdefgh", 5)]
    [InlineData("ab&amp;cdefgh", 6)]
    [InlineData("ab&amp;cdefgh", 7)]
    [InlineData("x&lt;!channel&gt;", 4)]
    [InlineData("x&lt;!channel&gt;", 15)]
    public void Truncate_never_cuts_an_entity_in_half(string text, int max)
    {
        var cut = MrkdwnText.Truncate(text, max);

        Assert.True(cut.Length <= max, cut);
        var body = cut.TrimEnd('…');
        for (var i = body.IndexOf('&'); i >= 0; i = body.IndexOf('&', i + 1))
            Assert.True(body[i..].StartsWith("&amp;") || body[i..].StartsWith("&lt;") || body[i..].StartsWith("&gt;"), $"'{cut}' ends inside an entity");
    }

    [Fact]
    public void Truncate_keeps_an_entity_that_fits_whole()
    {
        Assert.Equal("ab&amp;…", MrkdwnText.Truncate("ab&amp;cdefgh", 8));
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var cut = MrkdwnText.Truncate("ab😀cdef", 4);

        Assert.Equal("ab…", cut);
        Assert.DoesNotContain(cut, char.IsSurrogate);
    }

    [Fact]
    public void Mentions_and_dates_use_Slacks_syntax()
    {
        Assert.Equal("<@U1>", MrkdwnText.User("U1"));
        Assert.Equal("<!date^1763460000^{date_short_pretty}|2025-11-18 10:00 UTC>", MrkdwnText.Date(DateTimeOffset.FromUnixTimeSeconds(1763460000)));
    }
}
