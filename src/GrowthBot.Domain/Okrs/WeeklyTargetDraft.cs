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
                errors.Add(Block(keyResult), $"“{ValidationErrors.Typed(text.Trim())}” is not a number. Use digits, e.g. 8 or 2,5, or leave it empty for the default.");
            else if (target < 0)
                errors.Add(Block(keyResult), keyResult.LowerIsBetter
                    ? $"Please enter how far {keyResult.ShortId} should go down this week, as 0 or more (e.g. 0,3)."
                    : $"Please enter how much {keyResult.ShortId} should grow this week, as 0 or more.");
            else if (target > 1_000_000_000m)
                errors.Add(Block(keyResult), "That is more than a week can hold; please check the number.");
            else
                targets[keyResult.Id] = target;
        }
        return (errors, errors.IsValid ? targets : new Dictionary<long, decimal?>());
    }
}
