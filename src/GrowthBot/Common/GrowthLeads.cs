using System.Collections.Concurrent;
using GrowthBot.Domain.Permissions;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Options;

namespace GrowthBot.Common;

/// <summary>
/// Answers "is this person a growth lead?" from GrowthBot__GrowthLeads, or, when that is empty, from
/// users.info (workspace admins and owners), remembered for ten minutes per person and workspace (an Enterprise Grid
/// member can be an admin in one workspace and not in another).
/// </summary>
public sealed class GrowthLeads(IOptionsMonitor<GrowthBotOptions> options, ISlackApi slack, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string? Team, string User), (bool Admin, DateTimeOffset At)> _admins = new();

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

    /// <summary>May <paramref name="userId"/> change an item created by / owned by these people?</summary>
    public async Task<bool> CanEdit(string userId, string createdBy, string ownerId, CancellationToken cancellationToken) =>
        Permissions.CanEdit(userId, createdBy, ownerId, false) || await IsLead(userId, cancellationToken);

    /// <summary>Who can do what the user may not: named, so a refusal tells them whom to ask.</summary>
    public string WhoCan()
    {
        var configured = Configured;
        return configured.Count == 0
            ? "a workspace admin or owner"
            : "a growth lead (" + string.Join(", ", configured.Take(5).Select(MrkdwnText.User)) + ")";
    }
}
