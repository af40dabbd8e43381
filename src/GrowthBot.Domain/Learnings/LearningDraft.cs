using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Learnings;

/// <summary>What a person typed into the Log learning modal, before it is checked.</summary>
public sealed record LearningDraft
{
    public const int TextMax = 3000;

    public static class Fields
    {
        public const string Text = "text";
        public const string Kind = "kind";
        public const string Experiment = "experiment";
    }

    public string? Text { get; init; }
    public LearningKind? Kind { get; init; }
    public long? ExperimentId { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Text, Text, ProblemCode.LearningTextMissing);
        errors.MaxLength(Fields.Text, Text?.Trim(), TextMax);
        if (Kind is null) errors.Add(Fields.Kind, ProblemCode.LearningKindMissing);
        return errors;
    }

    /// <summary>The learning this draft describes; call only when <see cref="Validate"/> found nothing.</summary>
    public Learning ToLearning(string teamId, string createdBy, DateTimeOffset now) => new()
    {
        TeamId = teamId,
        Kind = Kind!.Value,
        Text = Text!.Trim(),
        ExperimentId = ExperimentId,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
