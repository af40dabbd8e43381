using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GrowthBot.Slack.Routing;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GrowthBot.Slack.Tests.WebApi;

public class SlackApiClientTests
{
    private const string Ok = """{"ok":true,"channel":"C1","ts":"1.000100"}""";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
    private readonly StubHandler _handler;
    private readonly SlackApiClient _client;

    public SlackApiClientTests()
    {
        _handler = new StubHandler(_time);
        _client = Client(_handler, new SlackOptions { BotToken = "xoxb-secret", MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(500) });
    }

    private SlackApiClient Client(StubHandler handler, SlackOptions options, ISlackBots? bots = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("https://slack.test/api/"), Timeout = Timeout.InfiniteTimeSpan },
            Options.Create(options), bots ?? new ConfiguredBot(Options.Create(options), new SlackIdentity()), NullLogger<SlackApiClient>.Instance, _time);

    /// <summary>A client for many workspaces: T1 and T2 are installed, each with its own token.</summary>
    private SlackApiClient ManyWorkspaces() => Client(_handler, new SlackOptions { ClientId = "1.2", ClientSecret = "s", MaxRetries = 0 },
        new SlackInstallations(new MemoryInstallations(Installed("T1", "xoxb-one"), Installed("T2", "xoxb-two")), _time, NullLogger<SlackInstallations>.Instance));

    private static SlackInstallation Installed(string team, string token) => new()
    {
        TeamId = team, TeamName = team, BotToken = token, BotUserId = $"U{team}", BotId = $"B{team}", AppId = "A1", Scopes = "chat:write",
        InstalledBy = "U1", InstalledAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task With_many_workspaces_each_call_carries_the_token_of_the_team_in_scope()
    {
        var client = ManyWorkspaces();
        _handler.AnswerAlways(Response(HttpStatusCode.OK, Ok));

        using (SlackTeamScope.Enter("T1")) await Post(client);
        using (SlackTeamScope.Enter("T2")) await Post(client);
        using (SlackTeamScope.Enter("T1")) await Post(client);

        Assert.Equal(["Bearer xoxb-one", "Bearer xoxb-two", "Bearer xoxb-one"], _handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task With_many_workspaces_a_call_outside_any_team_or_for_a_team_not_installed_never_reaches_slack()
    {
        var client = ManyWorkspaces();
        _handler.AnswerAlways(Response(HttpStatusCode.OK, Ok));

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(() => Post(client));
        SlackApiException notInstalled;
        using (SlackTeamScope.Enter("T9")) notInstalled = await Assert.ThrowsAsync<SlackApiException>(() => Post(client));

        Assert.Contains("outside any team", outside.Message);
        Assert.Equal(("chat.postMessage", "not_installed", false), (notInstalled.Method, notInstalled.Error, notInstalled.IsTransient));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Oauth_access_sends_the_apps_client_credentials_and_no_bot_token()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":true,"access_token":"xoxb-new","token_type":"bot","bot_user_id":"UB","app_id":"A1","team":{"id":"T1","name":"One"}}"""));

        var access = await _client.OAuthAccess("1.2", "s3cret", "c0de", "https://bot.example.com/slack/oauth_redirect");

        Assert.Equal(("xoxb-new", "bot", "T1", "One"), (access.AccessToken, access.TokenType, access.Team!.Id, access.Team.Name));
        Assert.DoesNotContain("xoxb-new", access.ToString());
        var request = Assert.Single(_handler.Requests);
        Assert.EndsWith("/api/oauth.v2.access", request.Url);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("1.2:s3cret"))}", request.Authorization);
        Assert.Equal("code=c0de&redirect_uri=https%3A%2F%2Fbot.example.com%2Fslack%2Foauth_redirect", request.Body);
    }

    private sealed class MemoryInstallations(params SlackInstallation[] installed) : ISlackInstallationStore
    {
        private readonly Dictionary<string, SlackInstallation> _byTeam = installed.ToDictionary(i => i.TeamId);

        public Task Save(SlackInstallation installation, CancellationToken cancellationToken)
        {
            _byTeam[installation.TeamId] = installation;
            return Task.CompletedTask;
        }

        public Task<SlackInstallation?> Find(string teamId, CancellationToken cancellationToken) => Task.FromResult(_byTeam.GetValueOrDefault(teamId));

        public Task<bool> Remove(string teamId, CancellationToken cancellationToken) => Task.FromResult(_byTeam.Remove(teamId));
    }

    private static Task<PostMessageResponse> Post(SlackApiClient client) => client.PostMessage(new PostMessageRequest("C1", "hello"));

    [Fact]
    public async Task Users_list_pages_with_the_cursor_and_says_when_there_is_no_next_page()
    {
        _handler.Answer(
            Response(HttpStatusCode.OK, """{"ok":true,"members":[{"id":"U1","is_admin":true},{"id":"U2","is_owner":true}],"response_metadata":{"next_cursor":"dXNlcjpVMg=="}}"""),
            Response(HttpStatusCode.OK, """{"ok":true,"members":[{"id":"U3","deleted":true}],"response_metadata":{"next_cursor":""}}"""));

        var first = await _client.UsersList(null, 200);
        var second = await _client.UsersList(first.NextCursor, 200);

        Assert.Equal(["U1", "U2"], first.Members.Select(m => m.Id));
        Assert.True(first.Members[0].IsAdmin && first.Members[1].IsOwner);
        Assert.Equal("dXNlcjpVMg==", first.NextCursor);
        Assert.True(second.Members[0].Deleted);
        Assert.Null(second.NextCursor);
        Assert.Equal("limit=200", _handler.Requests[0].Body);
        Assert.Equal("limit=200&cursor=dXNlcjpVMg%3D%3D", _handler.Requests[1].Body);
    }

    [Fact]
    public async Task User_groups_leave_out_disabled_ones()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """
            {"ok":true,"usergroups":[{"id":"S1","name":"Sales team","handle":"sales","date_delete":0,"user_count":4},
                                     {"id":"S2","name":"Old sales","handle":"old-sales","date_delete":1700000000}]}
            """));

        var groups = await _client.UserGroups();

        Assert.Equal(("S1", "sales", "Sales team", 4), (groups.Single().Id, groups.Single().Handle, groups.Single().Name, groups.Single().UserCount));
        Assert.EndsWith("usergroups.list", _handler.Requests[0].Url);
    }

    [Fact]
    public async Task Rate_limited_calls_wait_for_Retry_After_then_succeed()
    {
        _handler.Answer(Response(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", retryAfter: 2), Response(HttpStatusCode.OK, Ok));

        var response = await Pump(Post(_client));

        Assert.Equal("1.000100", response.Ts);
        Assert.Equal(2, _handler.Requests.Count);
        var waited = _handler.Requests[1].At - _handler.Requests[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task A_call_that_stays_rate_limited_gives_up_after_the_configured_waits()
    {
        _handler.AnswerAlways(Response(HttpStatusCode.TooManyRequests, """{"ok":false,"error":"ratelimited"}""", retryAfter: 1));
        var client = Client(_handler, new SlackOptions { BotToken = "xoxb-secret", MaxRateLimitRetries = 2 });

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Pump(Post(client)));

        Assert.Equal("ratelimited", error.Error);
        Assert.True(error.IsTransient);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_succeed()
    {
        _handler.Answer(Response(HttpStatusCode.ServiceUnavailable, "down"), Response(HttpStatusCode.OK, Ok));

        var response = await Pump(Post(_client));

        Assert.True(response.Ok);
        Assert.Equal(2, _handler.Requests.Count);
        Assert.True(_handler.Requests[1].At > _handler.Requests[0].At, "the retry waits a backoff first");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_gives_up_after_the_retries_with_the_status_as_error()
    {
        _handler.AnswerAlways(Response(HttpStatusCode.ServiceUnavailable, "down"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Pump(Post(_client)));

        Assert.Equal("http_503", error.Error);
        Assert.Equal("chat.postMessage", error.Method);
        Assert.True(error.IsTransient);
        Assert.Equal(4, _handler.Requests.Count);
    }

    [Fact]
    public async Task Ok_false_becomes_an_exception_with_Slacks_error_code_and_is_not_retried()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":false,"error":"invalid_auth"}"""));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(_client));

        Assert.Equal("invalid_auth", error.Error);
        Assert.False(error.IsTransient);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Ok_false_keeps_Slacks_detail_messages()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":false,"error":"invalid_arguments","response_metadata":{"messages":["[ERROR] `trigger_id` expired"]}}"""));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _client.AuthTest());

        Assert.Equal("invalid_arguments", error.Error);
        Assert.Equal(["[ERROR] `trigger_id` expired"], error.Details);
        Assert.Contains("trigger_id", error.Message);
    }

    [Fact]
    public async Task Calls_carry_the_bot_token_as_bearer_and_go_to_the_method_url()
    {
        _handler.Answer(Response(HttpStatusCode.OK, Ok));

        await Post(_client);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("Bearer xoxb-secret", request.Authorization);
        Assert.Equal("https://slack.test/api/chat.postMessage", request.Url);
        Assert.Equal(HttpMethod.Post, request.Method);
    }

    [Fact]
    public async Task Json_bodies_use_snake_case_and_leave_out_nulls()
    {
        _handler.Answer(Response(HttpStatusCode.OK, Ok));

        await _client.PostMessage(new PostMessageRequest("C1", "hello") { ReplyBroadcast = true });

        var request = Assert.Single(_handler.Requests);
        Assert.StartsWith("application/json", request.ContentType);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(["channel", "text", "reply_broadcast", "unfurl_links", "unfurl_media"], body.Select(p => p.Key));
        Assert.True(body["reply_broadcast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_call_that_never_answers_times_out_is_retried_then_fails_with_timeout()
    {
        var handler = new StubHandler(_time);
        handler.AnswerAlways(() => null);
        var client = Client(handler, new SlackOptions { BotToken = "xoxb-secret", MaxRetries = 2, RequestTimeout = TimeSpan.FromMilliseconds(50) });

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Pump(client.AuthTest()));

        Assert.Equal("timeout", error.Error);
        Assert.True(error.IsTransient);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_post_whose_answer_times_out_is_not_sent_again_since_Slack_may_have_posted_it()
    {
        var handler = new StubHandler(_time);
        handler.AnswerAlways(() => null);
        var client = Client(handler, new SlackOptions { BotToken = "xoxb-secret", MaxRetries = 2, RequestTimeout = TimeSpan.FromMilliseconds(50) });

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Pump(client.PostMessage(new PostMessageRequest("C1", "Weekly report"))));

        Assert.Equal(("timeout", true), (error.Error, error.IsTransient));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Form_methods_send_their_arguments_form_encoded()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":true,"user":{"id":"U1","tz":"Europe/Helsinki","is_admin":true,"locale":"fi-FI"}}"""));

        var user = await _client.UserInfo("U1");

        Assert.Equal(("U1", "Europe/Helsinki", true, "fi-FI"), (user.Id, user.Tz, user.IsAdmin, user.Locale));
        var request = Assert.Single(_handler.Requests);
        Assert.Equal("user=U1&include_locale=true", request.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
    }

    [Fact]
    public async Task A_user_groups_members_and_a_bots_app_are_read_with_form_arguments()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":true,"users":["U1","U2"]}"""),
            Response(HttpStatusCode.OK, """{"ok":true,"bot":{"id":"B1","app_id":"A1","user_id":"U9","name":"growthbot","deleted":false}}"""));

        Assert.Equal(["U1", "U2"], await _client.UserGroupMembers("S1"));
        var bot = await _client.BotInfo("B1");
        Assert.Equal(("B1", "A1"), (bot.Id, bot.AppId));

        Assert.Equal(["https://slack.test/api/usergroups.users.list", "https://slack.test/api/bots.info"], _handler.Requests.Select(r => r.Url));
        Assert.Equal(["usergroup=S1", "bot=B1"], _handler.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task A_message_and_a_modal_are_updated_with_their_ts_and_view_id_and_hash()
    {
        _handler.Answer(Response(HttpStatusCode.OK, Ok), Response(HttpStatusCode.OK, """{"ok":true,"view":{"id":"V1"}}"""));

        await _client.UpdateMessage(new UpdateMessageRequest("C1", "1.000100", "Good 2 · Mixed 1") { Blocks = [new GrowthBot.Slack.BlockKit.SectionBlock("Good 2")] });
        await _client.UpdateView("V1", new GrowthBot.Slack.BlockKit.ModalView(new GrowthBot.Slack.BlockKit.PlainText("New experiment"), []), "h1");

        var update = JsonNode.Parse(_handler.Requests[0].Body)!;
        Assert.Equal("https://slack.test/api/chat.update", _handler.Requests[0].Url);
        Assert.Equal(("C1", "1.000100", "Good 2 · Mixed 1"), (update["channel"]!.GetValue<string>(), update["ts"]!.GetValue<string>(), update["text"]!.GetValue<string>()));
        var view = JsonNode.Parse(_handler.Requests[1].Body)!;
        Assert.Equal("https://slack.test/api/views.update", _handler.Requests[1].Url);
        Assert.Equal(("V1", "h1", "modal"), (view["view_id"]!.GetValue<string>(), view["hash"]!.GetValue<string>(), view["view"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_upload_url_is_asked_for_with_the_files_name_length_and_alt_text_and_files_info_says_when_it_is_an_image()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":true,"upload_url":"https://files.slack.com/upload/v1/abc","file_id":"F1"}"""),
            Response(HttpStatusCode.OK, """{"ok":true,"file":{"id":"F1","name":"K1-trend.png","mimetype":"","filetype":""}}"""),
            Response(HttpStatusCode.OK, """{"ok":true,"file":{"id":"F1","name":"K1-trend.png","mimetype":"image/png","filetype":"png","original_w":800,"original_h":400}}"""));

        var target = await _client.GetUploadUrl("K1-trend.png", 24_971, "Trend of K1: 26 of 100 & rising");
        var processing = await _client.FileInfo("F1");
        var processed = await _client.FileInfo("F1");

        Assert.Equal(("https://files.slack.com/upload/v1/abc", "F1"), (target.UploadUrl, target.FileId));
        Assert.Equal("filename=K1-trend.png&length=24971&alt_txt=Trend+of+K1%3A+26+of+100+%26+rising", _handler.Requests[0].Body);
        Assert.Equal("https://slack.test/api/files.info", _handler.Requests[1].Url);
        Assert.Equal("file=F1", _handler.Requests[1].Body);
        Assert.False(processing.IsReadyImage);
        Assert.True(processed.IsReadyImage);
        Assert.Equal((800, 400), (processed.OriginalW, processed.OriginalH));
    }

    [Fact]
    public async Task An_upload_url_without_alt_text_leaves_it_out_and_a_missing_file_is_Slacks_error()
    {
        _handler.Answer(Response(HttpStatusCode.OK, """{"ok":true,"upload_url":"https://files.slack.com/upload/v1/abc","file_id":"F1"}"""),
            Response(HttpStatusCode.OK, """{"ok":false,"error":"file_not_found"}"""));

        await _client.GetUploadUrl("export.csv", 10);
        var missing = await Assert.ThrowsAsync<SlackApiException>(() => _client.FileInfo("F9"));

        Assert.Equal("filename=export.csv&length=10", _handler.Requests[0].Body);
        Assert.Equal(("files.info", "file_not_found"), (missing.Method, missing.Error));
    }

    /// <summary>Advances the fake clock in small steps until the call completes, so backoffs and Retry-After elapse.</summary>
    private async Task<T> Pump<T>(Task<T> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!call.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(call, Task.Delay(5));
            if (!call.IsCompleted) _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        return await call;
    }

    private static Func<HttpResponseMessage?> Response(HttpStatusCode status, string body, int? retryAfter = null) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfter is { } seconds) response.Headers.Add("Retry-After", seconds.ToString());
        return response;
    };

    public sealed record SeenRequest(HttpMethod Method, string Url, string? Authorization, string? ContentType, string Body, DateTimeOffset At);

    /// <summary>Answers requests from a script; a null answer never comes (the request hangs until cancelled).</summary>
    private sealed class StubHandler(TimeProvider time) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Func<HttpResponseMessage?>> _script = new();
        private readonly ConcurrentQueue<SeenRequest> _seen = new();
        private Func<HttpResponseMessage?>? _always;

        public IReadOnlyList<SeenRequest> Requests => _seen.ToList();

        public void Answer(params Func<HttpResponseMessage?>[] responses)
        {
            foreach (var response in responses) _script.Enqueue(response);
        }

        public void AnswerAlways(Func<HttpResponseMessage?> response) => _always = response;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            _seen.Enqueue(new SeenRequest(request.Method, request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.ToString(), body, time.GetUtcNow()));
            var next = _script.TryDequeue(out var scripted) ? scripted : _always ?? throw new InvalidOperationException("No scripted answer left");
            var response = next();
            if (response is null)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
            return response;
        }
    }
}
