namespace GrowthBot.Slack.Workspaces;

/// <summary>The app installed in one workspace through OAuth: what oauth.v2.access and auth.test said.</summary>
public sealed record SlackInstallation
{
    public required string TeamId { get; init; }
    public required string TeamName { get; init; }
    /// <summary>The Enterprise Grid organisation the workspace belongs to, if any.</summary>
    public string? EnterpriseId { get; init; }
    public required string BotToken { get; init; }
    public required string BotUserId { get; init; }
    public required string BotId { get; init; }
    public required string AppId { get; init; }
    /// <summary>The bot scopes granted, as Slack listed them (comma-separated).</summary>
    public required string Scopes { get; init; }
    /// <summary>The person who clicked "Allow".</summary>
    public required string InstalledBy { get; init; }
    public required DateTimeOffset InstalledAt { get; init; }

    public SlackBot Bot => new(BotToken, BotUserId, BotId);

    // A record prints every property; the token must never reach a log.
    public override string ToString() => $"SlackInstallation {{ TeamId = {TeamId}, TeamName = {TeamName}, BotUserId = {BotUserId}, InstalledAt = {InstalledAt:O} }}";
}

/// <summary>Where installations are kept; the host stores them (tokens encrypted at rest).</summary>
public interface ISlackInstallationStore
{
    /// <summary>Stores the installation, replacing an earlier one of the same team (a reinstall brings a new token).</summary>
    Task Save(SlackInstallation installation, CancellationToken cancellationToken);

    Task<SlackInstallation?> Find(string teamId, CancellationToken cancellationToken);

    /// <summary>Forgets the team's installation; false when there was none.</summary>
    Task<bool> Remove(string teamId, CancellationToken cancellationToken);
}
