using Dapper;
using GrowthBot.Domain.Feedback;

namespace GrowthBot.Storage;

/// <summary>
/// What people said in weekly reports' threads: sales' ratings of the leads an experiment brought (one per person,
/// experiment and report, a later click replaces the earlier) and everyone's replies, kept as comments.
/// </summary>
public sealed class FeedbackStore(Database database, IChangeFeed changes)
{
    private const string RatingColumns = "id, team_id, report_id, experiment_id, rated_by, quality, reason, created_at, updated_at";
    private const string CommentColumns = "id, team_id, report_id, experiment_id, from_sales, text, message_ts, created_by, created_at";

    /// <summary>The person's rating of the experiment's leads in that report's thread: the first, or a change of it.</summary>
    public Task<LeadRating> Rate(string teamId, long reportId, long experimentId, string userId, LeadQuality quality, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        Upsert(teamId, reportId, experimentId, userId, "quality", quality.ToString(), now, cancellationToken);

    /// <summary>Why the person judged the leads so; kept with their rating, which may come before or after it.</summary>
    public Task<LeadRating> SetReason(string teamId, long reportId, long experimentId, string userId, LeadQualityReason reason, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        Upsert(teamId, reportId, experimentId, userId, "reason", reason.ToString(), now, cancellationToken);

    private async Task<LeadRating> Upsert(string teamId, long reportId, long experimentId, string userId, string column, string value, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.Open(cancellationToken);
        // created_at stays the first click's: it decides which report shows the rating, once.
        var row = await connection.QuerySingleAsync<RatingRow>($"""
            INSERT INTO lead_ratings (team_id, report_id, experiment_id, rated_by, {column}, created_at, updated_at)
            VALUES (@teamId, @reportId, @experimentId, @userId, @value, @now, @now)
            ON CONFLICT (report_id, experiment_id, rated_by) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at
            RETURNING {RatingColumns}
            """, new { teamId, reportId, experimentId, userId, value, now });
        changes.Changed(teamId, userId);
        return row.ToRating();
    }

    /// <summary>Keeps a thread reply; the same Slack message is kept once, however often its event arrives.</summary>
    public async Task AddComment(ThreadComment comment, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO thread_comments (team_id, report_id, experiment_id, from_sales, text, message_ts, created_by, created_at)
            VALUES (@TeamId, @ReportId, @ExperimentId, @FromSales, @Text, @MessageTs, @CreatedBy, @CreatedAt)
            ON CONFLICT (team_id, message_ts) WHERE message_ts IS NOT NULL DO NOTHING
            """, comment);
        changes.Changed(comment.TeamId, comment.CreatedBy);
    }

    /// <summary>How the people asked rated each experiment in one report's thread so far.</summary>
    public async Task<IReadOnlyDictionary<long, RatingCounts>> Counts(string teamId, long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await connection.QueryAsync<RatingRow>($"SELECT {RatingColumns} FROM lead_ratings WHERE team_id = @teamId AND report_id = @reportId", new { teamId, reportId });
        return rows.Select(r => r.ToRating()).GroupBy(r => r.ExperimentId).ToDictionary(g => g.Key, g => RatingCounts.Of(g));
    }

    /// <summary>Sales' ratings of the experiment and their replies about it, oldest first, for its card.</summary>
    public async Task<IReadOnlyList<LeadFeedback>> ForExperiment(string teamId, long experimentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var args = new { teamId, experimentId };
        var ratings = await connection.QueryAsync<RatingRow>($"SELECT {RatingColumns} FROM lead_ratings WHERE team_id = @teamId AND experiment_id = @experimentId", args);
        var comments = await connection.QueryAsync<CommentRow>(
            $"SELECT {CommentColumns} FROM thread_comments WHERE team_id = @teamId AND experiment_id = @experimentId AND from_sales = TRUE", args);
        return AsFeedback(ratings.Select(r => r.ToRating()).ToList(), comments.Select(c => c.ToComment()).ToList());
    }

    /// <summary>Sales' ratings and replies about single experiments, first given in [from, to), oldest first (the App Home's summary).</summary>
    public async Task<IReadOnlyList<LeadFeedback>> Between(string teamId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var (ratings, comments) = await InPeriod(teamId, from, to, cancellationToken);
        return AsFeedback(ratings, comments);
    }

    private static IReadOnlyList<LeadFeedback> AsFeedback(IReadOnlyList<LeadRating> ratings, IReadOnlyList<ThreadComment> comments) =>
        ratings.Select(LeadFeedback.Of).Concat(comments.Select(LeadFeedback.Of).OfType<LeadFeedback>()).OrderBy(f => f.CreatedAt).ToList();

    /// <summary>Ratings first given, and replies written (by anyone), in [from, to): what one report shows.</summary>
    public async Task<(IReadOnlyList<LeadRating> Ratings, IReadOnlyList<ThreadComment> Comments)> InPeriod(string teamId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var args = new { teamId, from, to };
        var ratings = await connection.QueryAsync<RatingRow>(
            $"SELECT {RatingColumns} FROM lead_ratings WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at, id", args);
        var comments = await connection.QueryAsync<CommentRow>(
            $"SELECT {CommentColumns} FROM thread_comments WHERE team_id = @teamId AND created_at >= @from AND created_at < @to ORDER BY created_at, id", args);
        return (ratings.Select(r => r.ToRating()).ToList(), comments.Select(c => c.ToComment()).ToList());
    }

    private sealed class RatingRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public long? ReportId { get; init; }
        public long ExperimentId { get; init; }
        public string RatedBy { get; init; } = "";
        public string? Quality { get; init; }
        public string? Reason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public LeadRating ToRating() => new()
        {
            Id = Id, TeamId = TeamId, ReportId = ReportId, ExperimentId = ExperimentId, RatedBy = RatedBy,
            Quality = Quality is null ? null : Enum.Parse<LeadQuality>(Quality),
            Reason = Reason is null ? null : Enum.Parse<LeadQualityReason>(Reason),
            CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
        };
    }

    private sealed class CommentRow
    {
        public long Id { get; init; }
        public string TeamId { get; init; } = "";
        public long? ReportId { get; init; }
        public long? ExperimentId { get; init; }
        public bool FromSales { get; init; }
        public string Text { get; init; } = "";
        public string? MessageTs { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public ThreadComment ToComment() => new()
        {
            Id = Id, TeamId = TeamId, ReportId = ReportId, ExperimentId = ExperimentId, FromSales = FromSales, Text = Text,
            MessageTs = MessageTs, CreatedBy = CreatedBy, CreatedAt = CreatedAt,
        };
    }
}
