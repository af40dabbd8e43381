using System.Collections.Concurrent;
using GrowthBot.Domain.Permissions;
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrowthBot.Common;

/// <summary>
/// Who the growth leads are: the people named in GrowthBot__GrowthLeads, or, when that is empty, the workspace's
/// admins and owners. "Is this person a lead?" asks users.info (remembered for ten minutes per person); "who gets
/// what is meant for the leads?" reads users.list page by page (remembered for an hour). Both are remembered per
/// workspace (the one in <see cref="SlackTeamScope"/>): with many workspaces each has its own admins, and an Enterprise
/// Grid member can be an admin in one workspace and not in another.
/// </summary>
public sealed class GrowthLeads(IOptionsMonitor<GrowthBotOptions> options, ISlackApi slack, TimeProvider time, ILogger<GrowthLeads> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RememberAdmins = TimeSpan.FromHours(1);
    /// <summary>Slack's recommended page size for users.list; bigger pages are cut by Slack anyway.</summary>
    private const int PageSize = 200;
    private readonly ConcurrentDictionary<(string? Team, string User), (bool Admin, DateTimeOffset At)> _admins = new();
    private readonly SemaphoreSlim _listing = new(1, 1);
    private readonly Dictionary<string, (IReadOnlyList<string> Ids, DateTimeOffset At)> _workspaceAdmins = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Configured => options.CurrentValue.GrowthLeadIds;

    public async Task<bool> IsLead(string userId, CancellationToken cancellationToken)
    {
        var configured = Configured;
        if (configured.Count > 0) return Permissions.IsGrowthLead(userId, configured, false);
        var now = time.GetUtcNow();
        var key = (SlackTeamScope.Current, userId);
        if (!_admins.TryGetValue(key, out var known) || now - known.At > Remember)
        {
            var user = await slack.UserInfo(userId, cancellationToken);
            known = (user.IsAdmin || user.IsOwner || user.IsPrimaryOwner, now);
            _admins[key] = known;
        }
        return Permissions.IsGrowthLead(userId, configured, known.Admin);
    }

    /// <summary>
    /// Whom messages meant for the growth leads go to (the blocker summary, "invite me to the channel"): the configured
    /// leads, else every active human admin and owner of the workspace. When Slack cannot list them, the last known
    /// list is used, or nobody (logged) if there is none yet.
    /// </summary>
    public async Task<IReadOnlyList<string>> Recipients(CancellationToken cancellationToken)
    {
        var configured = Configured;
        if (configured.Count > 0) return configured;
        var team = SlackTeamScope.Current ?? "";
        await _listing.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_workspaceAdmins.TryGetValue(team, out var known) && now - known.At < RememberAdmins) return known.Ids;
            try
            {
                var admins = new List<string>();
                string? cursor = null;
                do
                {
                    var page = await slack.UsersList(cursor, PageSize, cancellationToken);
                    admins.AddRange(page.Members.Where(m => !m.Deleted && !m.IsBot && m.Id != "USLACKBOT" && (m.IsAdmin || m.IsOwner || m.IsPrimaryOwner)).Select(m => m.Id));
                    cursor = page.NextCursor;
                } while (cursor is not null);
                _workspaceAdmins[team] = (admins, now);
                if (admins.Count == 0) logger.LogWarning("users.list names no workspace admin or owner, and GrowthBot__GrowthLeads is empty: messages for growth leads reach nobody");
                return admins;
            }
            catch (SlackApiException e)
            {
                logger.LogWarning("users.list failed ({Error}); messages for growth leads go to the admins known before, if any", e.Error);
                return _workspaceAdmins.TryGetValue(team, out var before) ? before.Ids : [];
            }
        }
        finally
        {
            _listing.Release();
        }
    }

    /// <summary>May <paramref name="userId"/> change an item created by / owned by these people?</summary>
    public async Task<bool> CanEdit(string userId, string createdBy, string ownerId, CancellationToken cancellationToken) =>
        Permissions.CanEdit(userId, createdBy, ownerId, false) || await IsLead(userId, cancellationToken);

    /// <summary>Who can do what the user may not: named, so a refusal tells them whom to ask.</summary>
    public string WhoCan(Wording words)
    {
        var configured = Configured;
        return configured.Count == 0
            ? words.Text(CommonText.WhoCanAdmins)
            : words.Text(CommonText.WhoCanLeads, ("leads", string.Join(words.Text(CommonText.ListSeparator), configured.Take(5).Select(MrkdwnText.User))));
    }
}
