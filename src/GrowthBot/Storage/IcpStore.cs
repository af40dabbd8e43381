using Dapper;
using GrowthBot.Domain.Icp;

namespace GrowthBot.Storage;

/// <summary>Each team's ideal customer profile: one row, replaced by every save.</summary>
public sealed class IcpStore(Database database, IChangeFeed changes)
{
    public async Task<IdealCustomerProfile?> Get(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProfileRow>("""
            SELECT team_id, titles, buyers, users, company_size, industries, regions, notes, updated_by, updated_at
            FROM icp_profiles WHERE team_id = @teamId
            """, new { teamId });
        return row?.ToProfile();
    }

    public async Task Save(IdealCustomerProfile profile, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO icp_profiles (team_id, titles, buyers, users, company_size, industries, regions, notes, updated_by, updated_at)
            VALUES (@TeamId, @Titles, @Buyers, @Users, @CompanySize, @Industries, @Regions, @Notes, @UpdatedBy, @UpdatedAt)
            ON CONFLICT (team_id) DO UPDATE SET titles = excluded.titles, buyers = excluded.buyers, users = excluded.users,
                company_size = excluded.company_size, industries = excluded.industries, regions = excluded.regions, notes = excluded.notes,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, profile);
        changes.Changed(profile.TeamId, profile.UpdatedBy);
    }

    private sealed class ProfileRow
    {
        public string TeamId { get; init; } = "";
        public string Titles { get; init; } = "";
        public string Buyers { get; init; } = "";
        public string Users { get; init; } = "";
        public string CompanySize { get; init; } = "";
        public string Industries { get; init; } = "";
        public string Regions { get; init; } = "";
        public string Notes { get; init; } = "";
        public string UpdatedBy { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }

        public IdealCustomerProfile ToProfile() => new()
        {
            TeamId = TeamId, Titles = Titles, Buyers = Buyers, Users = Users, CompanySize = CompanySize, Industries = Industries,
            Regions = Regions, Notes = Notes, UpdatedBy = UpdatedBy, UpdatedAt = UpdatedAt,
        };
    }
}
