using System.Collections.Concurrent;
using GrowthBot.Common;
using GrowthBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace GrowthBot.Features.Reports;

/// <summary>Whether a person is one of those asked about lead quality; <see cref="Unknown"/> when the group could not be read.</summary>
public enum Asked
{
    Yes,
    No,
    Unknown,
}

/// <summary>
/// Who judges lead quality for a team: the people and the user group saved with <c>/growth settings</c>. Only their
/// clicks count as ratings and only their replies as sales' feedback. A group's members come from
/// usergroups.users.list, remembered for a few minutes per group so a burst of clicks is one call.
/// </summary>
public sealed class LeadRaters(TeamSettingsService teamSettings, ISlackApi slack, TimeProvider time, ILogger<LeadRaters> logger)
{
    /// <summary>Long enough for a thread's burst of clicks, short enough that someone added to the group counts soon.</summary>
    public static readonly TimeSpan RememberGroup = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (HashSet<string> Members, DateTimeOffset At)> _groups = new();

    /// <summary>The people and the user group set to judge the team's leads.</summary>
    public (IReadOnlyList<string> People, string? Group) Configured(string teamId)
    {
        var settings = teamSettings.For(teamId);
        return (settings.LeadQualityUsers, settings.LeadQualityGroup);
    }

    public bool AnyConfigured(string teamId)
    {
        var (people, group) = Configured(teamId);
        return people.Count > 0 || group is not null;
    }

    public async Task<Asked> IsAsked(string teamId, string userId, CancellationToken cancellationToken)
    {
        var settings = teamSettings.For(teamId);
        if (settings.LeadQualityUsers.Contains(userId)) return Asked.Yes;
        if (settings.LeadQualityGroup is not { } group) return Asked.No;
        var members = await Members(group, cancellationToken);
        return members is null ? Asked.Unknown : members.Contains(userId) ? Asked.Yes : Asked.No;
    }

    /// <summary>The group's members, fresh or remembered; when Slack cannot say, the last known list, else null.</summary>
    private async Task<HashSet<string>?> Members(string group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_groups.TryGetValue(group, out var known) && now - known.At < RememberGroup) return known.Members;
        try
        {
            var members = (await slack.UserGroupMembers(group, cancellationToken)).ToHashSet(StringComparer.Ordinal);
            _groups[group] = (members, now);
            return members;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            logger.LogWarning("Could not read the members of user group {Group} ({Error}); {Fallback}", group,
                e is SlackApiException api ? api.Error : "unreachable", known.Members is null ? "nobody in it counts for now" : "using the list read before");
            return known.Members;
        }
    }
}
