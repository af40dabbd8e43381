using Dapper;

namespace GrowthBot.Storage;

/// <summary>The <c>person_languages</c> table: the language each person chose with <c>/growth language</c>.</summary>
public sealed class PersonLanguageStore(Database database)
{
    /// <summary>The code the person chose (<c>fi</c>), or null when they follow their Slack language or the team's.</summary>
    public async Task<string?> Of(string teamId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT language FROM person_languages WHERE team_id = @teamId AND user_id = @userId", new { teamId, userId });
    }

    public async Task Choose(string teamId, string userId, string language, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO person_languages (team_id, user_id, language, updated_at) VALUES (@teamId, @userId, @language, @now)
            ON CONFLICT (team_id, user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at
            """, new { teamId, userId, language, now });
    }

    /// <summary>Forgets the person's choice; false when they had none.</summary>
    public async Task<bool> Forget(string teamId, string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM person_languages WHERE team_id = @teamId AND user_id = @userId", new { teamId, userId }) > 0;
    }
}
