using Dapper;
using GrowthBot.Domain.Feedback;

namespace GrowthBot.Storage;

/// <summary>Sales' lead-quality feedback on experiments.</summary>
public sealed class FeedbackStore(Database database, IChangeFeed changes)
{
    private const string Columns = "id, team_id, experiment_id, quality, reason, text, source, message_ts, created_by, created_at";

    public async Task<LeadFeedback> Add(LeadFeedback feedback, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var id = await connection.QuerySingleAsync<long>("""
            INSERT INTO lead_feedback (team_id, experiment_id, quality, reason, text, source, message_ts, created_by, created_at)
            VALUES (@TeamId, @ExperimentId, @Quality, @Reason, @Text, @Source, @MessageTs, @CreatedBy, @CreatedAt)
            RETURNING id
            """, new
        {
            feedback.TeamId, feedback.ExperimentId, Quality = feedback.Quality?.ToString(), Reason = feedback.Reason?.ToString(),
            feedback.Text, Source = feedback.Source.ToString(), feedback.MessageTs, feedback.CreatedBy, feedback.CreatedAt,
        });
        changes.Changed(feedback.TeamId, feedback.CreatedBy);
        return feedback with { Id = id };
    }

    /// <summary>
    /// Adds a reason to the person's latest button rating of the experiment in that thread; without one, the
    /// reason is stored on its own.
    /// </summary>
    public async Task SetReason(string teamId, long experimentId, string userId, LeadQualityReason reason, string? messageTs, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var updated = await connection.ExecuteAsync("""
            UPDATE lead_feedback SET reason = @reason WHERE id = (
                SELECT id FROM lead_feedback WHERE team_id = @teamId AND experiment_id = @experimentId AND created_by = @userId
                    AND source = 'Button' AND (@messageTs IS NULL OR message_ts = @messageTs)
                ORDER BY created_at DESC, id DESC LIMIT 1)
            """, new { teamId, experimentId, userId, reason = reason.ToString(), messageTs });
        if (updated == 0)
            await Add(new LeadFeedback { TeamId = teamId, ExperimentId = experimentId, Reason = reason, Source = FeedbackSource.Button, MessageTs = messageTs, CreatedBy = userId, CreatedAt = now }, cancellationToken);
    }

    public async Task<IReadOnlyList<LeadFeedback>> ForExperiment(string teamId, long experimentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow>($"SELECT {Columns} FROM lead_feedback WHERE team_id = @teamId AND experiment_id = @experimentId ORDER BY created_at",
            new { teamId, experimentId });
        return rows.Select(r => r.ToFeedback()).ToList();
    }

    /// <summary>Feedback given in [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<LeadFeedback>> Between(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<FeedbackRow>(
            $"SELECT {Columns} FROM lead_feedback WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at", new { teamId, from, to });
        return rows.Select(r => r.ToFeedback()).ToList();
    }

    private sealed class FeedbackRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public long ExperimentId { get; init; }
        public string? Quality { get; init; }
        public string? Reason { get; init; }
        public string Text { get; init; } = "";
        public string Source { get; init; } = "";
        public string? MessageTs { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public LeadFeedback ToFeedback() => new()
        {
            Id = Id, TeamId = TeamId, ExperimentId = ExperimentId,
            Quality = Quality is null ? null : Enum.Parse<LeadQuality>(Quality),
            Reason = Reason is null ? null : Enum.Parse<LeadQualityReason>(Reason),
            Text = Text, Source = Enum.Parse<FeedbackSource>(Source), MessageTs = MessageTs, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
