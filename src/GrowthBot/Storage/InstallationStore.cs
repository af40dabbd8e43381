using Dapper;
using GrowthBot.Slack.Workspaces;
using Microsoft.AspNetCore.DataProtection;

namespace GrowthBot.Storage;

/// <summary>
/// The <c>slack_installations</c> table: one row per workspace installed through OAuth. Bot tokens are encrypted with
/// ASP.NET Core Data Protection before they are written and decrypted when read, so a copied table, a query log or a
/// stray <c>SELECT *</c> shows no usable token.
/// </summary>
public sealed class InstallationStore(Database database, IDataProtectionProvider protection) : ISlackInstallationStore
{
    private const string Columns = "team_id, team_name, enterprise_id, bot_token, bot_user_id, bot_id, app_id, scopes, installed_by, installed_at";

    private readonly IDataProtector _tokens = protection.CreateProtector("GrowthBot.Storage.SlackBotToken.v1");

    public async Task Save(SlackInstallation installation, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO slack_installations ({Columns})
            VALUES (@TeamId, @TeamName, @EnterpriseId, @Token, @BotUserId, @BotId, @AppId, @Scopes, @InstalledBy, @InstalledAt)
            ON CONFLICT (team_id) DO UPDATE SET team_name = excluded.team_name, enterprise_id = excluded.enterprise_id,
                bot_token = excluded.bot_token, bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, app_id = excluded.app_id,
                scopes = excluded.scopes, installed_by = excluded.installed_by, installed_at = excluded.installed_at
            """, new
        {
            installation.TeamId, installation.TeamName, installation.EnterpriseId, Token = _tokens.Protect(installation.BotToken),
            installation.BotUserId, installation.BotId, installation.AppId, installation.Scopes, installation.InstalledBy, installation.InstalledAt,
        }, cancellationToken: cancellationToken));
    }

    public async Task<SlackInstallation?> Find(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstallationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM slack_installations WHERE team_id = @teamId", new { teamId }, cancellationToken: cancellationToken));
        return row?.ToInstallation(_tokens.Unprotect(row.BotToken));
    }

    public async Task<bool> Remove(string teamId, CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_installations WHERE team_id = @teamId", new { teamId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The teams the app is installed in, by id: whom the scheduled posts are for.</summary>
    public async Task<IReadOnlyList<string>> Teams(CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT team_id FROM slack_installations ORDER BY team_id", cancellationToken: cancellationToken))).ToList();
    }

    private sealed class InstallationRow
    {
        public string TeamId { get; init; } = "";
        public string TeamName { get; init; } = "";
        public string? EnterpriseId { get; init; }
        public string BotToken { get; init; } = "";
        public string BotUserId { get; init; } = "";
        public string BotId { get; init; } = "";
        public string AppId { get; init; } = "";
        public string Scopes { get; init; } = "";
        public string InstalledBy { get; init; } = "";
        public DateTimeOffset InstalledAt { get; init; }

        public SlackInstallation ToInstallation(string token) => new()
        {
            TeamId = TeamId, TeamName = TeamName, EnterpriseId = EnterpriseId, BotToken = token, BotUserId = BotUserId, BotId = BotId,
            AppId = AppId, Scopes = Scopes, InstalledBy = InstalledBy, InstalledAt = InstalledAt,
        };
    }
}
