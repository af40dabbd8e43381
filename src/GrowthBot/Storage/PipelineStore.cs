using Dapper;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Pipeline;

namespace GrowthBot.Storage;

/// <summary>The sales pipeline's check-ins of a team (<c>/growth pipeline</c>), kept as history.</summary>
public sealed class PipelineStore(Database database, IChangeFeed changes)
{
    private const string Columns = "id, team_id, open_opportunities, average_deal_cents, win_rate_hundredths, sales_cycle_days, created_by, created_at";

    public async Task<PipelineCheckIn> Add(PipelineCheckIn checkIn, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var id = await connection.QuerySingleAsync<long>("""
            INSERT INTO pipeline_check_ins (team_id, open_opportunities, average_deal_cents, win_rate_hundredths, sales_cycle_days, created_by, created_at)
            VALUES (@TeamId, @OpenOpportunities, @DealCents, @WinRateHundredths, @SalesCycleDays, @CreatedBy, @CreatedAt) RETURNING id
            """, new
        {
            checkIn.TeamId, checkIn.OpenOpportunities, DealCents = Amounts.ToCents(checkIn.AverageDealSize),
            WinRateHundredths = (long)Math.Round(checkIn.WinRate * 100m, MidpointRounding.AwayFromZero), checkIn.SalesCycleDays, checkIn.CreatedBy, checkIn.CreatedAt,
        });
        changes.Changed(checkIn.TeamId, checkIn.CreatedBy);
        return checkIn with { Id = id };
    }

    /// <summary>The team's latest <paramref name="count"/> check-ins up to <paramref name="upTo"/>, newest first.</summary>
    public async Task<IReadOnlyList<PipelineCheckIn>> Latest(string teamId, DateTimeOffset upTo, int count = 2, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM pipeline_check_ins WHERE team_id = @teamId AND created_at <= @upTo ORDER BY created_at DESC, id DESC LIMIT @count",
            new { teamId, upTo, count });
        return rows.Select(r => r.ToCheckIn()).ToList();
    }

    /// <summary>Every check-in of the team, oldest first (the export).</summary>
    public async Task<IReadOnlyList<PipelineCheckIn>> All(string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM pipeline_check_ins WHERE team_id = @teamId ORDER BY created_at, id", new { teamId });
        return rows.Select(r => r.ToCheckIn()).ToList();
    }

    /// <summary>Whether the team checked its pipeline in at or after <paramref name="since"/>.</summary>
    public async Task<bool> CheckedInSince(string teamId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pipeline_check_ins WHERE team_id = @teamId AND created_at >= @since", new { teamId, since }) > 0;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public long OpenOpportunities { get; init; }
        public long AverageDealCents { get; init; }
        public long WinRateHundredths { get; init; }
        public long SalesCycleDays { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public PipelineCheckIn ToCheckIn() => new()
        {
            Id = Id, TeamId = TeamId, OpenOpportunities = (int)OpenOpportunities, AverageDealSize = Amounts.FromCents(AverageDealCents),
            WinRate = WinRateHundredths / 100m, SalesCycleDays = (int)SalesCycleDays, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
