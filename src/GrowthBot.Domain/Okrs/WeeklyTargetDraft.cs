using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Okrs;

/// <summary>
/// This week's targets as typed into <c>/okr week</c>, one field per key result: a number is that week's target (how
/// far the key result should move toward its goal, so 0.3 for churn down 0.3 points), an empty field the default.
/// </summary>
public sealed record WeeklyTargetDraft(IReadOnlyList<(KeyResult KeyResult, string? Text)> Fields)
{
    /// <summary>The block id of a key result's field: <c>week_KR2</c>.</summary>
    public static string Block(KeyResult keyResult) => $"week_{keyResult.ShortId}";

    /// <summary>Errors by field, and each key result's new target (null: back to the default).</summary>
    public (ValidationErrors Errors, IReadOnlyDictionary<long, decimal?> Targets) Validate()
    {
        var errors = new ValidationErrors();
        var targets = new Dictionary<long, decimal?>();
        foreach (var (keyResult, text) in Fields)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                targets[keyResult.Id] = null;
                continue;
            }
            if (!DecimalText.TryParse(text, out var target))
                errors.Add(Block(keyResult), ProblemCode.WeeklyTargetNotANumber, ("typed", ValidationErrors.Typed(text.Trim())));
            else if (target < 0)
                errors.Add(Block(keyResult), keyResult.LowerIsBetter ? ProblemCode.WeeklyTargetNegativeDown : ProblemCode.WeeklyTargetNegative, ("id", keyResult.ShortId));
            else if (target > 1_000_000_000m)
                errors.Add(Block(keyResult), ProblemCode.WeeklyTargetTooLarge);
            else
                targets[keyResult.Id] = target;
        }
        return (errors, errors.IsValid ? targets : new Dictionary<long, decimal?>());
    }
}
