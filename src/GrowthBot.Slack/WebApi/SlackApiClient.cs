using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Slack.WebApi;

/// <summary>
/// The Web API over <see cref="HttpClient"/> and System.Text.Json. ok:false becomes a <see cref="SlackApiException"/>
/// with Slack's error code; HTTP 429 waits Retry-After and tries again; 5xx, timeouts and dropped connections
/// are retried a bounded number of times with exponential backoff, except a post whose answer timed out. Each call
/// carries the bot token of the team in <see cref="SlackTeamScope"/>, as <see cref="ISlackBots"/> gives it.
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ISlackBots bots, ILogger<SlackApiClient> logger, TimeProvider delays) : ISlackApi
{
    /// <summary>
    /// Methods whose request may have done its work when its answer times out: sending it again could post twice.
    /// The caller decides what to do (a scheduled post looks in the conversation for it before posting again).
    /// </summary>
    private static readonly HashSet<string> NotRepeatedAfterTimeout = ["chat.postMessage"];

    private readonly SlackOptions _options = options.Value;

    public Task<AuthTestResponse> AuthTest(CancellationToken cancellationToken = default) =>
        Json<AuthTestResponse>("auth.test", new { }, cancellationToken);

    public Task<AuthTestResponse> AuthTest(string botToken, CancellationToken cancellationToken = default) =>
        Send<AuthTestResponse>("auth.test", () => new FormUrlEncodedContent([]), Bearer(botToken), cancellationToken);

    public Task ApiTest(CancellationToken cancellationToken = default) =>
        Send<SlackApiResponse>("api.test", () => new FormUrlEncodedContent([]), authorization: null, cancellationToken);

    public Task<OAuthAccessResponse> OAuthAccess(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["code"] = code };
        if (!string.IsNullOrEmpty(redirectUri)) form["redirect_uri"] = redirectUri;
        // HTTP Basic with the client id and secret is the way Slack prefers them, out of the form body.
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return Send<OAuthAccessResponse>("oauth.v2.access", () => new FormUrlEncodedContent(form), basic, cancellationToken);
    }

    public Task<PostMessageResponse> PostMessage(PostMessageRequest request, CancellationToken cancellationToken = default) =>
        Json<PostMessageResponse>("chat.postMessage", request, cancellationToken);

    public Task<PostMessageResponse> UpdateMessage(UpdateMessageRequest request, CancellationToken cancellationToken = default) =>
        Json<PostMessageResponse>("chat.update", request, cancellationToken);

    public Task<ViewResponse> UpdateView(string viewId, ModalView view, string? hash, CancellationToken cancellationToken = default) =>
        Json<ViewResponse>("views.update", new { view_id = viewId, hash, view = (View)view }, cancellationToken);

    public Task<ViewResponse> OpenView(string triggerId, ModalView view, CancellationToken cancellationToken = default) =>
        Json<ViewResponse>("views.open", new { trigger_id = triggerId, view = (View)view }, cancellationToken);

    public Task<ViewResponse> PublishView(string userId, HomeView view, CancellationToken cancellationToken = default) =>
        Json<ViewResponse>("views.publish", new { user_id = userId, view = (View)view }, cancellationToken);

    public async Task<string> OpenConversation(string userId, CancellationToken cancellationToken = default)
    {
        var response = await Json<ConversationsOpenResponse>("conversations.open", new { users = userId }, cancellationToken);
        return response.Channel?.Id ?? throw new SlackApiException("conversations.open", "no_channel", "conversations.open returned no channel");
    }

    public async Task<UserInfo> UserInfo(string userId, CancellationToken cancellationToken = default)
    {
        var response = await Form<UsersInfoResponse>("users.info", new() { ["user"] = userId, ["include_locale"] = "true" }, cancellationToken);
        return response.User ?? throw new SlackApiException("users.info", "user_not_found", "users.info returned no user");
    }

    public Task<UsersListResponse> UsersList(string? cursor, int limit, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, string> { ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(cursor)) args["cursor"] = cursor;
        return Form<UsersListResponse>("users.list", args, cancellationToken);
    }

    public async Task<IReadOnlyList<UserGroup>> UserGroups(CancellationToken cancellationToken = default)
    {
        var response = await Form<UserGroupsResponse>("usergroups.list", new() { ["include_disabled"] = "false", ["include_count"] = "true" }, cancellationToken);
        return response.Usergroups.Where(g => g.DateDelete == 0).ToList();
    }

    public async Task<IReadOnlyList<string>> UserGroupMembers(string userGroupId, CancellationToken cancellationToken = default) =>
        (await Form<UserGroupUsersResponse>("usergroups.users.list", new() { ["usergroup"] = userGroupId }, cancellationToken)).Users;

    public async Task<BotInfo> BotInfo(string botId, CancellationToken cancellationToken = default)
    {
        var response = await Form<BotsInfoResponse>("bots.info", new() { ["bot"] = botId }, cancellationToken);
        return response.Bot ?? throw new SlackApiException("bots.info", "bot_not_found", "bots.info returned no bot");
    }

    public Task<ConversationHistoryResponse> ConversationHistory(string channel, string? oldest, int limit, bool includeAllMetadata,
        string? latest = null, CancellationToken cancellationToken = default) =>
        Form<ConversationHistoryResponse>("conversations.history", HistoryArgs(channel, oldest, limit, includeAllMetadata, latest), cancellationToken);

    public Task<ConversationHistoryResponse> ConversationReplies(string channel, string threadTs, string? oldest, int limit, bool includeAllMetadata,
        string? latest = null, CancellationToken cancellationToken = default)
    {
        var args = HistoryArgs(channel, oldest, limit, includeAllMetadata, latest);
        args["ts"] = threadTs;
        return Form<ConversationHistoryResponse>("conversations.replies", args, cancellationToken);
    }

    // The history readers are GET-style methods: form-encoded arguments work for them everywhere, JSON bodies not always.
    private static Dictionary<string, string> HistoryArgs(string channel, string? oldest, int limit, bool includeAllMetadata, string? latest)
    {
        var args = new Dictionary<string, string> { ["channel"] = channel, ["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (oldest is not null) args["oldest"] = oldest;
        if (latest is not null) args["latest"] = latest;
        if (includeAllMetadata) args["include_all_metadata"] = "true";
        return args;
    }

    public async Task<string> Permalink(string channel, string messageTs, CancellationToken cancellationToken = default)
    {
        var response = await Form<PermalinkResponse>("chat.getPermalink", new() { ["channel"] = channel, ["message_ts"] = messageTs }, cancellationToken);
        return response.Permalink ?? "";
    }

    public async Task<string> OpenSocketConnection(CancellationToken cancellationToken = default)
    {
        var response = await Send<ConnectionsOpenResponse>("apps.connections.open", () => new FormUrlEncodedContent([]), Bearer(_options.AppToken), cancellationToken);
        return response.Url ?? throw new SlackApiException("apps.connections.open", "no_url", "apps.connections.open returned no URL");
    }

    public Task<UploadUrlResponse> GetUploadUrl(string fileName, long length, string? altText = null, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["filename"] = fileName, ["length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // Slack's argument is spelled alt_txt (sic); it holds at most the 2,000 characters an image block's alt_text does.
        if (!string.IsNullOrEmpty(altText)) form["alt_txt"] = BlockKit.MrkdwnText.Truncate(altText, BlockKitLimits.ImageAltText);
        return Form<UploadUrlResponse>("files.getUploadURLExternal", form, cancellationToken);
    }

    public Task<CompleteUploadResponse> CompleteUpload(CompleteUploadRequest request, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["files"] = JsonSerializer.Serialize(request.Files, SlackJson.Options) };
        if (request.ChannelId is not null) form["channel_id"] = request.ChannelId;
        if (request.InitialComment is not null) form["initial_comment"] = request.InitialComment;
        if (request.ThreadTs is not null) form["thread_ts"] = request.ThreadTs;
        return Form<CompleteUploadResponse>("files.completeUploadExternal", form, cancellationToken);
    }

    public async Task Upload(string uploadUrl, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var authorization = await TeamBearer("files.upload", cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ReadOnlyMemoryContent(content) };
            request.Headers.Authorization = authorization;
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return;
            if ((int)response.StatusCode < 500 || attempt >= _options.MaxRetries)
                throw new SlackApiException("files.upload", $"http_{(int)response.StatusCode}", $"Uploading the file failed with HTTP {(int)response.StatusCode}");
            await Task.Delay(Backoff(attempt), delays, cancellationToken);
        }
    }

    public async Task<SlackFileInfo> FileInfo(string fileId, CancellationToken cancellationToken = default)
    {
        var response = await Form<FileInfoResponse>("files.info", new() { ["file"] = fileId }, cancellationToken);
        return response.File ?? throw new SlackApiException("files.info", "file_not_found", "files.info returned no file");
    }

    private async Task<T> Json<T>(string method, object args, CancellationToken cancellationToken) where T : SlackApiResponse =>
        await Send<T>(method, () => JsonContent.Create(args, args.GetType(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, SlackJson.Options),
            await TeamBearer(method, cancellationToken), cancellationToken);

    private async Task<T> Form<T>(string method, Dictionary<string, string> args, CancellationToken cancellationToken) where T : SlackApiResponse =>
        await Send<T>(method, () => new FormUrlEncodedContent(args), await TeamBearer(method, cancellationToken), cancellationToken);

    /// <summary>The bot token of the team in scope; a team the app is not installed in is refused like Slack refuses a dead token.</summary>
    private async Task<AuthenticationHeaderValue> TeamBearer(string method, CancellationToken cancellationToken)
    {
        var team = SlackTeamScope.Current;
        var bot = await bots.For(team, cancellationToken)
            ?? throw new SlackApiException(method, "not_installed", $"GrowthBot is not installed in Slack workspace {team}");
        return Bearer(bot.Token);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private async Task<T> Send<T>(string method, Func<HttpContent> content, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken) where T : SlackApiResponse
    {
        var failures = 0;
        var rateLimited = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
            request.Headers.Authorization = authorization;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var error = e is OperationCanceledException ? "timeout" : "request_failed";
                if (failures++ < _options.MaxRetries && !(error == "timeout" && NotRepeatedAfterTimeout.Contains(method)))
                {
                    logger.LogWarning("Slack {Method}: {Error}, retry {Attempt} of {Max}", method, error, failures, _options.MaxRetries);
                    await Task.Delay(Backoff(failures - 1), delays, cancellationToken);
                    continue;
                }
                throw new SlackApiException(method, error, $"Slack {method} failed: {error} after {failures} attempts", inner: e);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    if (rateLimited++ < _options.MaxRateLimitRetries)
                    {
                        logger.LogWarning("Slack {Method} rate-limited; waiting {Seconds} s as Retry-After asks", method, wait.TotalSeconds);
                        await Task.Delay(wait, delays, cancellationToken);
                        continue;
                    }
                    throw new SlackApiException(method, "ratelimited", $"Slack {method} still rate-limited after {rateLimited} waits");
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (failures++ < _options.MaxRetries)
                    {
                        logger.LogWarning("Slack {Method}: HTTP {Status}, retry {Attempt} of {Max}", method, (int)response.StatusCode, failures, _options.MaxRetries);
                        await Task.Delay(Backoff(failures - 1), delays, cancellationToken);
                        continue;
                    }
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", $"Slack {method} answered HTTP {(int)response.StatusCode} {failures} times");
                }

                T? body;
                try
                {
                    body = await response.Content.ReadFromJsonAsync<T>(SlackJson.Options, cancellationToken);
                }
                catch (JsonException e)
                {
                    throw new SlackApiException(method, $"http_{(int)response.StatusCode}", $"Slack {method} answered HTTP {(int)response.StatusCode} without a JSON body", inner: e);
                }
                if (body is null) throw new SlackApiException(method, "empty_response", $"Slack {method} answered nothing");
                if (!body.Ok)
                {
                    var details = body.ResponseMetadata?.Messages ?? [];
                    var error = body.Error ?? "unknown_error";
                    var detail = details.Count > 0 ? $" ({string.Join("; ", details)})" : body.Needed is null ? "" : $" (needs {body.Needed})";
                    throw new SlackApiException(method, error, $"Slack {method} failed: {error}{detail}", details);
                }
                if (body.Warning is not null) logger.LogDebug("Slack {Method} warning: {Warning}", method, body.Warning);
                return body;
            }
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return TimeSpan.FromSeconds(1);
    }

    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(_options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt) * (0.8 + Random.Shared.NextDouble() * 0.4));
}
