using System.Net;
using System.Text.Json.Nodes;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Slack;

/// <summary>Events over HTTP: retried deliveries handled once, the bot's own messages and unknown events ignored.</summary>
public class EventDeliveryTests
{
    private static Task<GrowthBotApp> Start() => GrowthBotApp.Start(services: TestHandlers.Register);

    private static JsonObject Message(string? user = GrowthBotApp.Bob, string? botId = null, string text = "hi")
    {
        var e = new JsonObject { ["type"] = "message", ["text"] = text, ["ts"] = "1763000000.000200", ["channel"] = GrowthBotApp.GrowthChannel };
        if (user is not null) e["user"] = user;
        if (botId is not null)
        {
            e["bot_id"] = botId;
            e["subtype"] = "bot_message";
        }
        return e;
    }

    [Fact]
    public async Task A_retried_event_is_acknowledged_and_handled_once()
    {
        await using var app = await Start();

        var first = await app.Event(Message(), eventId: "Ev0HTTP1");
        await app.Idle();
        var retry = await app.Event(Message(), eventId: "Ev0HTTP1", retryNumber: 1);
        await app.Idle();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["Ev0HTTP1"], app.Service<HandledEvents>().Ids);
        await using var db = await app.Db();
        Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, "SELECT COUNT(*) FROM processed_events WHERE event_id = 'Ev0HTTP1'"));
    }

    [Fact]
    public async Task The_bot_ignores_messages_it_posted_itself()
    {
        await using var app = await Start();

        await app.Event(Message(user: FakeSlack.BotUserId), eventId: "Ev0MINE1");
        await app.Event(Message(user: null, botId: FakeSlack.BotId), eventId: "Ev0MINE2");
        await app.Event(Message(user: GrowthBotApp.Bob), eventId: "Ev0BOBS");
        await app.Idle();

        Assert.Equal(["Ev0BOBS"], app.Service<HandledEvents>().Ids);
    }

    [Fact]
    public async Task An_event_type_nobody_handles_is_acknowledged_and_ignored()
    {
        await using var app = await Start();
        var callsBefore = app.Slack.Calls.Count;

        var response = await app.Event(new JsonObject { ["type"] = "reaction_added", ["user"] = GrowthBotApp.Bob, ["reaction"] = "tada" });
        await app.Idle();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Service<HandledEvents>().Ids);
        Assert.Equal(callsBefore, app.Slack.Calls.Count);
    }
}
