namespace GrowthBot.Domain.Permissions;

/// <summary>Who may do what. Anyone logs; changing someone else's item, OKRs and settings need a growth lead.</summary>
public static class Permissions
{
    /// <summary>The creator, the owner or a growth lead may edit an item.</summary>
    public static bool CanEdit(string userId, string createdBy, string ownerId, bool isGrowthLead) =>
        isGrowthLead || userId == createdBy || userId == ownerId;

    /// <summary>
    /// Growth leads are the configured ids; when none are configured, workspace admins and owners are.
    /// </summary>
    public static bool IsGrowthLead(string userId, IReadOnlyCollection<string> configuredLeads, bool isWorkspaceAdminOrOwner) =>
        configuredLeads.Count > 0 ? configuredLeads.Contains(userId) : isWorkspaceAdminOrOwner;
}
