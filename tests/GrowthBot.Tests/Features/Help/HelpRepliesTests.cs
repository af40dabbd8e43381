using GrowthBot.Resources;
using System.Text.Json.Nodes;
using GrowthBot.Features.Common;
using GrowthBot.Features.Help;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Features.Help;

public class HelpRepliesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(GrowthBotApp.DefaultNow.UtcDateTime);

    private const string DmChannel = "D0ALICE";

    private static JsonObject Mention(string text, string? threadTs = null, string? user = GrowthBotApp.Alice, string? botId = null)
    {
        var e = new JsonObject { ["type"] = "app_mention", ["text"] = text, ["ts"] = "1763460000.000400", ["channel"] = GrowthBotApp.GrowthChannel, ["event_ts"] = "1763460000.000400" };
        if (user is not null) e["user"] = user;
        if (threadTs is not null) e["thread_ts"] = threadTs;
        if (botId is not null) e["bot_id"] = botId;
        return e;
    }

    private static JsonObject DirectMessage(string text, string? user = GrowthBotApp.Alice, string? botId = null, string? subtype = null, string channelType = "im")
    {
        var e = new JsonObject
        {
            ["type"] = "message", ["text"] = text, ["ts"] = "1763460000.000500", ["channel"] = channelType == "im" ? DmChannel : GrowthBotApp.GrowthChannel,
            ["channel_type"] = channelType, ["event_ts"] = "1763460000.000500",
        };
        if (user is not null) e["user"] = user;
        if (botId is not null) e["bot_id"] = botId;
        if (subtype is not null) e["subtype"] = subtype;
        return e;
    }

    private static async Task<IReadOnlyList<SlackCall>> RepliesAfter(GrowthBotApp app, JsonObject e)
    {
        await app.Event(e);
        await app.Idle();
        return app.Slack.CallsTo("chat.postMessage");
    }

    [Fact]
    public async Task A_mention_is_answered_in_its_thread_with_every_command()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = Assert.Single(await RepliesAfter(app, Mention($"<@{FakeSlack.BotUserId}> help")));

        Assert.Equal(GrowthBotApp.GrowthChannel, reply.Str("channel"));
        Assert.Equal("1763460000.000400", reply.Str("thread_ts"));
        foreach (var command in new[] { "/experiment", "/task", "/learning", "/okr", "/growth" }) Assert.Contains($"*`{command}`*", reply.AllText);
        Assert.Contains("`@GrowthBot help task`", reply.AllText);
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = Assert.Single(await RepliesAfter(app, Mention($"<@{FakeSlack.BotUserId}> what can you do?", threadTs: "1763450000.000100")));

        Assert.Equal("1763450000.000100", reply.Str("thread_ts"));
    }

    [Fact]
    public async Task Help_with_a_command_gives_that_command_s_own_usage()
    {
        await using var app = await GrowthBotApp.Start();

        var task = Assert.Single(await RepliesAfter(app, Mention($"<@{FakeSlack.BotUserId}> help /task")));
        Assert.Equal(CommandHelp.Usage(TaskCommand.Name, Wording.English, Today), task.Text);

        app.Slack.Clear();
        var okr = Assert.Single(await RepliesAfter(app, DirectMessage("okr help")));
        Assert.Equal(CommandHelp.Usage(OkrCommand.Name, Wording.English, Today), okr.Text);
        Assert.Contains("/okr history KR2", okr.AllText);
    }

    [Fact]
    public async Task A_DM_to_the_bot_is_answered_in_the_DM_and_the_growth_usage_dates_its_example_from_today()
    {
        await using var app = await GrowthBotApp.Start();

        var hello = Assert.Single(await RepliesAfter(app, DirectMessage("hello")));
        Assert.Equal(DmChannel, hello.Str("channel"));
        Assert.Null(hello.Str("thread_ts"));
        Assert.Contains("My commands", hello.AllText);
        Assert.Contains("`help task`", hello.AllText);

        app.Slack.Clear();
        var growth = Assert.Single(await RepliesAfter(app, DirectMessage("help growth")));
        Assert.Contains("`/growth pause 2026-12-02`", growth.AllText); // today is 18 November 2026

        app.Slack.Clear();
        var helpMe = Assert.Single(await RepliesAfter(app, DirectMessage("help me please")));
        Assert.Contains("My commands", helpMe.AllText);
        Assert.DoesNotContain("I don't know", helpMe.AllText);

        app.Slack.Clear();
        var unknown = Assert.Single(await RepliesAfter(app, DirectMessage("help /frobnicate")));
        Assert.Contains("I don't know a command `/frobnicate`", unknown.AllText);
        Assert.Contains("My commands", unknown.AllText);
    }

    [Fact]
    public async Task Bots_the_bot_itself_edits_and_channel_messages_get_no_help()
    {
        await using var app = await GrowthBotApp.Start();

        await app.Event(Mention("<@UBOT> help", user: null, botId: "B0OTHER"));
        await app.Event(DirectMessage("help", user: "U0OTHERBOT", botId: "B0OTHER", subtype: "bot_message"));
        await app.Event(DirectMessage("help", user: FakeSlack.BotUserId));
        await app.Event(DirectMessage("help", subtype: "message_changed"));
        await app.Event(DirectMessage("help", channelType: "channel"));
        await app.Idle();

        Assert.Empty(app.Slack.CallsTo("chat.postMessage"));
    }
}
