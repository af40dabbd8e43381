namespace GrowthBot.Domain.Feedback;

public enum LeadQuality
{
    Good,
    Mixed,
    Poor,
}

/// <summary>Why sales judged leads as they did.</summary>
public enum LeadQualityReason
{
    WrongPersona,
    NoBudget,
    TooSmall,
    NotReachable,
    Other,
}

/// <summary>
/// One person's judgement of the leads one experiment brought, given in one report's thread. A later click by the
/// same person in the same thread replaces it; a reason can come before or after the quality.
/// </summary>
public sealed record LeadRating
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    /// <summary>The report whose thread it was given in; null only for ratings older than the report log.</summary>
    public long? ReportId { get; init; }
    public long ExperimentId { get; init; }
    public required string RatedBy { get; init; }
    public LeadQuality? Quality { get; init; }
    public LeadQualityReason? Reason { get; init; }
    /// <summary>When the person first rated; the report it appears in is the first one after this.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// A reply in a report's thread. It is about one experiment only when that is unambiguous, otherwise about the
/// whole report; it is sales' feedback only when its author was one of the people asked.
/// </summary>
public sealed record ThreadComment
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public long? ReportId { get; init; }
    public long? ExperimentId { get; init; }
    public bool FromSales { get; init; }
    public required string Text { get; init; }
    public string? MessageTs { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>How many people judged an experiment's leads Good, Mixed and Poor.</summary>
public readonly record struct RatingCounts(int Good, int Mixed, int Poor)
{
    public int Total => Good + Mixed + Poor;

    public static RatingCounts Of(IEnumerable<LeadRating> ratings)
    {
        var list = ratings.Where(r => r.Quality is not null).ToList();
        return new RatingCounts(list.Count(r => r.Quality == LeadQuality.Good), list.Count(r => r.Quality == LeadQuality.Mixed), list.Count(r => r.Quality == LeadQuality.Poor));
    }
}

public enum FeedbackSource
{
    Button,
    ThreadReply,
}

/// <summary>
/// Sales' judgement of an experiment's leads as the experiment card, the App Home and the report summarise it: a
/// rating, or a reply of one of the people asked about that experiment.
/// </summary>
public sealed record LeadFeedback
{
    public static LeadFeedback Of(LeadRating rating) => new()
    {
        TeamId = rating.TeamId, ExperimentId = rating.ExperimentId, Quality = rating.Quality, Reason = rating.Reason, Source = FeedbackSource.Button,
        CreatedBy = rating.RatedBy, CreatedAt = rating.CreatedAt,
    };

    /// <summary>A reply as sales' feedback on its experiment; null when it is about no single experiment or not from the people asked.</summary>
    public static LeadFeedback? Of(ThreadComment comment) => comment is { FromSales: true, ExperimentId: { } experimentId }
        ? new LeadFeedback
        {
            TeamId = comment.TeamId, ExperimentId = experimentId, Text = comment.Text, Source = FeedbackSource.ThreadReply,
            CreatedBy = comment.CreatedBy, CreatedAt = comment.CreatedAt,
        }
        : null;

    public required string TeamId { get; init; }
    public long ExperimentId { get; init; }
    public LeadQuality? Quality { get; init; }
    public LeadQualityReason? Reason { get; init; }
    public string Text { get; init; } = "";
    public FeedbackSource Source { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
