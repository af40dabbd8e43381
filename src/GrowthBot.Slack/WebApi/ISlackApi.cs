using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods GrowthBot calls. Every method throws <see cref="SlackApiException"/> on ok:false.
/// Calls carry the bot token of the team in <see cref="Workspaces.SlackTeamScope"/> unless a method says otherwise.
/// </summary>
public interface ISlackApi
{
    Task<AuthTestResponse> AuthTest(CancellationToken cancellationToken = default);
    /// <summary>auth.test with a token not (yet) stored: who a freshly installed bot is.</summary>
    Task<AuthTestResponse> AuthTest(string botToken, CancellationToken cancellationToken = default);
    /// <summary>api.test: Slack's Web API answers at all (no token).</summary>
    Task ApiTest(CancellationToken cancellationToken = default);
    /// <summary>oauth.v2.access: exchanges an install's code for its bot token, authorised by the app's client id and secret.</summary>
    Task<OAuthAccessResponse> OAuthAccess(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken cancellationToken = default);
    Task<PostMessageResponse> PostMessage(PostMessageRequest request, CancellationToken cancellationToken = default);
    /// <summary>chat.update: replaces the text and blocks of a message the bot posted.</summary>
    Task<PostMessageResponse> UpdateMessage(UpdateMessageRequest request, CancellationToken cancellationToken = default);
    Task<ViewResponse> OpenView(string triggerId, ModalView view, CancellationToken cancellationToken = default);
    /// <summary>
    /// views.update: replaces an open modal. Inputs keeping their block_id and action_id keep what the person typed;
    /// a stale <paramref name="hash"/> is refused with <c>hash_conflict</c>.
    /// </summary>
    Task<ViewResponse> UpdateView(string viewId, ModalView view, string? hash, CancellationToken cancellationToken = default);
    Task<ViewResponse> PublishView(string userId, HomeView view, CancellationToken cancellationToken = default);
    /// <summary>Opens (or finds) the DM between the bot and a user; returns its channel id.</summary>
    Task<string> OpenConversation(string userId, CancellationToken cancellationToken = default);
    /// <summary>users.info with include_locale: the person's profile, time zone and Slack language.</summary>
    Task<UserInfo> UserInfo(string userId, CancellationToken cancellationToken = default);
    /// <summary>users.list: one page of the workspace's members; pass the previous page's <c>NextCursor</c> for the next.</summary>
    Task<UsersListResponse> UsersList(string? cursor, int limit, CancellationToken cancellationToken = default);
    /// <summary>usergroups.list: the workspace's enabled user groups.</summary>
    Task<IReadOnlyList<UserGroup>> UserGroups(CancellationToken cancellationToken = default);
    /// <summary>usergroups.users.list: the user ids of a user group's members (scope <c>usergroups:read</c>).</summary>
    Task<IReadOnlyList<string>> UserGroupMembers(string userGroupId, CancellationToken cancellationToken = default);
    /// <summary>bots.info: a bot user's details, among them the id of the app it belongs to.</summary>
    Task<BotInfo> BotInfo(string botId, CancellationToken cancellationToken = default);
    /// <summary>
    /// conversations.history: top-level messages with ts after <paramref name="oldest"/> (and before <paramref name="latest"/>
    /// when given), newest first, at most <paramref name="limit"/>. Thread replies are not in it; see <see cref="ConversationReplies"/>.
    /// </summary>
    Task<ConversationHistoryResponse> ConversationHistory(string channel, string? oldest, int limit, bool includeAllMetadata,
        string? latest = null, CancellationToken cancellationToken = default);
    /// <summary>conversations.replies: the parent <paramref name="threadTs"/> and its replies, oldest first.</summary>
    Task<ConversationHistoryResponse> ConversationReplies(string channel, string threadTs, string? oldest, int limit, bool includeAllMetadata,
        string? latest = null, CancellationToken cancellationToken = default);
    Task<string> Permalink(string channel, string messageTs, CancellationToken cancellationToken = default);
    /// <summary>Socket Mode: a fresh WebSocket URL, authorised by the app-level token.</summary>
    Task<string> OpenSocketConnection(CancellationToken cancellationToken = default);
    /// <summary>
    /// files.getUploadURLExternal: where to upload a file of <paramref name="length"/> bytes, and the id it will have.
    /// <paramref name="altText"/> describes an image for screen readers wherever Slack shows the file itself.
    /// </summary>
    Task<UploadUrlResponse> GetUploadUrl(string fileName, long length, string? altText = null, CancellationToken cancellationToken = default);
    /// <summary>
    /// files.completeUploadExternal: finishes uploads. Without a channel the files stay private to the bot, which may
    /// still show them in its own messages and views through an image block's <c>slack_file</c>.
    /// </summary>
    Task<CompleteUploadResponse> CompleteUpload(CompleteUploadRequest request, CancellationToken cancellationToken = default);
    /// <summary>Uploads bytes to the URL files.getUploadURLExternal gave.</summary>
    Task Upload(string uploadUrl, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);
    /// <summary>files.info: a file as Slack has it now; an image Slack has not finished processing has no image mimetype yet.</summary>
    Task<SlackFileInfo> FileInfo(string fileId, CancellationToken cancellationToken = default);
}
