using Dapper;
using GrowthBot.Domain.Experiments;

namespace GrowthBot.Storage;

/// <summary>Experiments of a team. Short ids (E1, E2, …) are numbered per team, in order of creation.</summary>
public sealed class ExperimentStore(Database database)
{
    private const string Columns = """
        id, team_id, number, name, hypothesis, funnel_stage, key_result_id, metric, impact, confidence, ease,
        owner_id, start_date, end_date, status, created_by, created_at, started_at, concluded_at,
        outcome, result, learning, decision
        """;

    /// <summary>Stores a new experiment and gives it the team's next number.</summary>
    public async Task<Experiment> Add(Experiment experiment, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        // One statement: numbering and insert are atomic, so two people saving at once never share an id.
        var row = await connection.QuerySingleAsync<(long Id, long Number)>($"""
            INSERT INTO experiments (team_id, number, name, hypothesis, funnel_stage, key_result_id, metric,
                impact, confidence, ease, owner_id, start_date, end_date, status, created_by, created_at)
            SELECT @TeamId, COALESCE(MAX(number), 0) + 1, @Name, @Hypothesis, @Stage, @KeyResultId, @Metric,
                @Impact, @Confidence, @Ease, @OwnerId, @StartDate, @EndDate, @Status, @CreatedBy, @CreatedAt
            FROM experiments WHERE team_id = @TeamId
            RETURNING id, number
            """, Parameters(experiment));
        return experiment with { Id = row.Id, Number = (int)row.Number };
    }

    public async Task<Experiment?> Find(string teamId, int number, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ExperimentRow>(
            $"SELECT {Columns} FROM experiments WHERE team_id = @teamId AND number = @number", new { teamId, number });
        return row?.ToExperiment();
    }

    /// <summary>The team's experiments with any of <paramref name="statuses"/>.</summary>
    public async Task<IReadOnlyList<Experiment>> List(string teamId, IReadOnlyCollection<ExperimentStatus> statuses, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<ExperimentRow>(
            $"SELECT {Columns} FROM experiments WHERE team_id = @teamId AND status IN @statuses ORDER BY number",
            new { teamId, statuses = statuses.Select(s => s.ToString()).ToArray() });
        return rows.Select(r => r.ToExperiment()).ToList();
    }

    private static object Parameters(Experiment e) => new
    {
        e.TeamId,
        e.Name,
        e.Hypothesis,
        Stage = e.Stage.ToString(),
        e.KeyResultId,
        e.Metric,
        e.Ice.Impact,
        e.Ice.Confidence,
        e.Ice.Ease,
        e.OwnerId,
        e.StartDate,
        e.EndDate,
        Status = e.Status.ToString(),
        e.CreatedBy,
        e.CreatedAt,
    };

    /// <summary>A row as SQLite returns it; mapped to the domain record in one place.</summary>
    private sealed class ExperimentRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public int Number { get; init; }
        public string Name { get; init; } = "";
        public string Hypothesis { get; init; } = "";
        public string FunnelStage { get; init; } = "";
        public long? KeyResultId { get; init; }
        public string Metric { get; init; } = "";
        public int Impact { get; init; }
        public int Confidence { get; init; }
        public int Ease { get; init; }
        public string OwnerId { get; init; } = "";
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public string Status { get; init; } = "";
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? StartedAt { get; init; }
        public DateTimeOffset? ConcludedAt { get; init; }
        public string? Outcome { get; init; }
        public string? Result { get; init; }
        public string? Learning { get; init; }
        public string? Decision { get; init; }

        public Experiment ToExperiment() => new()
        {
            Id = Id,
            TeamId = TeamId,
            Number = Number,
            Name = Name,
            Hypothesis = Hypothesis,
            Stage = Enum.Parse<FunnelStage>(FunnelStage),
            KeyResultId = KeyResultId,
            Metric = Metric,
            Ice = new IceScore(Impact, Confidence, Ease),
            OwnerId = OwnerId,
            StartDate = StartDate,
            EndDate = EndDate,
            Status = Enum.Parse<ExperimentStatus>(Status),
            CreatedBy = CreatedBy,
            CreatedAt = CreatedAt,
            StartedAt = StartedAt,
            ConcludedAt = ConcludedAt,
            Outcome = Outcome is null ? null : Enum.Parse<Outcome>(Outcome),
            Result = Result,
            Learning = Learning,
            Decision = Decision is null ? null : Enum.Parse<Decision>(Decision),
        };
    }
}
