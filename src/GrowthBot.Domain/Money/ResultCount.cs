using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Money;

/// <summary>How many results an experiment brought, as typed: a whole number from 0, or nothing yet.</summary>
public static class ResultCount
{
    public const int Max = 100_000_000;

    /// <summary>Null when the text is empty (<paramref name="value"/> null) or a valid count; otherwise what is wrong with it.</summary>
    public static Problem? Read(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DecimalText.TryParse(text, out var number)) return new Problem(ProblemCode.ResultsNotANumber, [("typed", ValidationErrors.Typed(text.Trim()))]);
        if (number < 0) return new Problem(ProblemCode.ResultsNegative);
        if (number != Math.Floor(number)) return new Problem(ProblemCode.ResultsNotWhole);
        if (number > Max) return new Problem(ProblemCode.ResultsTooMany, [("max", Max)]);
        value = (int)number;
        return null;
    }
}
