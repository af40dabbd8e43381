using System.Collections.Concurrent;
using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Common;

/// <summary>
/// The workspace's user groups (<c>@sales</c>) from usergroups.list, and a group's members from usergroups.users.list,
/// each remembered for five minutes: an external select asks on every keystroke, a report thread gets a burst of
/// clicks, and both methods allow about 20 calls a minute (short enough that someone added to a group counts soon).
/// Remembered per workspace (the one in <see cref="SlackTeamScope"/>), so with many workspaces each sees only its own.
/// </summary>
public sealed class UserGroupDirectory(ISlackApi slack, TimeProvider time, ILogger<UserGroupDirectory> logger)
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (IReadOnlyList<UserGroup> Groups, DateTimeOffset At)> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Team, string Group), (IReadOnlySet<string> Members, DateTimeOffset At)> _members = new();

    /// <summary>The user ids in <paramref name="groupId"/>; when Slack cannot say, the list read before, or null when there is none.</summary>
    public async Task<IReadOnlySet<string>?> Members(string groupId, CancellationToken cancellationToken)
    {
        var key = (SlackTeamScope.Current ?? "", groupId);
        var now = time.GetUtcNow();
        var known = _members.TryGetValue(key, out var remembered) ? remembered : ((IReadOnlySet<string> Members, DateTimeOffset At)?)null;
        if (known is { } fresh && now - fresh.At < Remember) return fresh.Members;
        try
        {
            var members = (await slack.UserGroupMembers(groupId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            _members[key] = (members, now);
            return members;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            logger.LogWarning("Could not read the members of user group {Group} ({Error}); {Fallback}", groupId,
                e is SlackApiException api ? api.Error : "unreachable", known is null ? "nobody in it counts for now" : "using the list read before");
            return known?.Members;
        }
    }

    /// <summary>Every enabled group; throws <see cref="SlackApiException"/> when Slack cannot say and nothing is remembered.</summary>
    public async Task<IReadOnlyList<UserGroup>> All(CancellationToken cancellationToken)
    {
        var team = SlackTeamScope.Current ?? "";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_known.TryGetValue(team, out var known) && now - known.At < Remember) return known.Groups;
            var groups = (await slack.UserGroups(cancellationToken)).OrderBy(g => g.Handle, StringComparer.OrdinalIgnoreCase).ToList();
            _known[team] = (groups, now);
            return groups;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How a group is named to people, e.g. <c>@sales (Sales team)</c>; its id when Slack does not know it (any more).</summary>
    public async Task<string> Label(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            return (await All(cancellationToken)).FirstOrDefault(g => g.Id == groupId) is { } group ? LabelOf(group) : groupId;
        }
        catch (SlackApiException)
        {
            return groupId;
        }
    }

    public static string LabelOf(UserGroup group) =>
        group.Name.Length > 0 && !group.Name.Equals(group.Handle, StringComparison.OrdinalIgnoreCase) ? $"@{group.Handle} ({group.Name})" : $"@{group.Handle}";
}
