
namespace GrowthBot.Common;

/// <summary>Whether a person is one of those asked about lead quality; <see cref="Unknown"/> when the group could not be read.</summary>
public enum Asked
{
    Yes,
    No,
    Unknown,
}

/// <summary>
/// Who judges lead quality for a team: the people and the user group saved with <c>/growth settings</c>. Only their
/// clicks count as ratings and only their replies as sales' feedback. A group's members come from the
/// <see cref="UserGroupDirectory"/>.
/// </summary>
public sealed class LeadRaters(TeamSettingsService teamSettings, UserGroupDirectory groups)
{
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
        var (people, group) = Configured(teamId);
        if (people.Contains(userId)) return Asked.Yes;
        if (group is null) return Asked.No;
        return await groups.Members(group, cancellationToken) is { } members ? members.Contains(userId) ? Asked.Yes : Asked.No : Asked.Unknown;
    }
}
