using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GrowthBot.Testing;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Slack;

public class SlackEndpointsTests
{
    private const string FormType = "application/x-www-form-urlencoded";
    private static readonly string CommandForm = GrowthBotApp.Form(new()
    {
        ["command"] = "/experiment", ["text"] = "help", ["team_id"] = GrowthBotApp.TeamId, ["user_id"] = GrowthBotApp.Alice, ["channel_id"] = GrowthBotApp.GrowthChannel,
    });

    private static async Task<HttpResponseMessage> PostUnsigned(GrowthBotApp app, string path, string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await app.Http.PostAsync(path, content);
    }

    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/event", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/slack/command", FormType)]
    [InlineData("/slack/action", FormType)]
    [InlineData("/slack/options", FormType)]
    [InlineData("/slack/event", "application/json")]
    public async Task Unsigned_requests_get_401_on_every_endpoint(string path, string contentType)
    {
        await using var app = await GrowthBotApp.Start();

        var body = contentType == FormType ? CommandForm : """{"type":"url_verification","challenge":"c"}""";
        var response = await PostUnsigned(app, path, body, contentType);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Only the calls made at startup, to learn who the bot is and which app it belongs to.
        Assert.DoesNotContain(app.Slack.Calls, c => c.Method is not ("auth.test" or "bots.info"));
    }

    [Fact]
    public async Task A_request_signed_more_than_five_minutes_ago_gets_401()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/command", CommandForm, FormType, signedAt: app.Time.GetUtcNow().AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_signed_in_the_future_gets_401()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/command", CommandForm, FormType, signedAt: app.Time.GetUtcNow().AddMinutes(6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/command", "application/json")]
    [InlineData("/slack/action", "application/json")]
    [InlineData("/slack/event", "text/plain")]
    [InlineData("/slack/event", FormType)]
    public async Task A_signed_request_with_the_wrong_content_type_gets_415(string path, string contentType)
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned(path, path == "/slack/event" ? """{"type":"event_callback"}""" : CommandForm, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("payload=not+json")]
    [InlineData("payload=%7B%22type%22%3A")]
    [InlineData("payload=")]
    [InlineData("something=else")]
    public async Task An_interaction_whose_payload_is_not_json_gets_400(string body)
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/action", body, FormType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    public async Task An_event_that_is_not_json_gets_400(string body)
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/event", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_command_missing_its_fields_gets_400()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned("/slack/command", "text=hello", FormType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/command")]
    [InlineData("/slack/event")]
    public async Task A_body_over_one_megabyte_gets_413(string path)
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.PostSigned(path, "text=" + new string('x', 1024 * 1024), FormType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Slacks_unsigned_ssl_check_gets_an_empty_200()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await PostUnsigned(app, "/slack/command", "ssl_check=1&token=legacy-unused", FormType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_view_submission_for_an_unknown_modal_is_answered_with_an_apology_modal()
    {
        await using var app = await GrowthBotApp.Start();
        var view = new JsonObject { ["id"] = "V0OLD", ["callback_id"] = "removed_long_ago", ["blocks"] = new JsonArray() };

        var reply = await app.Submit(ViewSubmission.Of(view));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("update", reply.ResponseAction);
        Assert.Contains("Sorry", reply.Text);
        Assert.Empty(BlockKitChecker.CheckView(reply.Body!["view"]!));
    }

    [Fact]
    public async Task An_unknown_slash_command_gets_a_helpful_ephemeral()
    {
        await using var app = await GrowthBotApp.Start();

        var reply = await app.Command("/frobnicate now");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/frobnicate", reply.Text);
    }

    [Fact]
    public async Task An_event_without_a_handler_is_acknowledged()
    {
        await using var app = await GrowthBotApp.Start();

        var response = await app.Event(new JsonObject { ["type"] = "reaction_added", ["user"] = GrowthBotApp.Alice });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
