using GrowthBot.Slack.WebApi;
using GrowthBot.Slack.Workspaces;

namespace GrowthBot.Common;

/// <summary>
/// The workspace's user groups (<c>@sales</c>) from usergroups.list, remembered for five minutes: an external select
/// asks on every keystroke, and usergroups.list allows about 20 calls a minute. Remembered per workspace (the one in
/// <see cref="SlackTeamScope"/>), so with many workspaces each sees only its own groups.
/// </summary>
public sealed class UserGroupDirectory(ISlackApi slack, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (IReadOnlyList<UserGroup> Groups, DateTimeOffset At)> _known = new(StringComparer.Ordinal);

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
