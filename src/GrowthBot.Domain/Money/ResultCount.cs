using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Money;

/// <summary>How many results an experiment brought, as typed: a whole number from 0, or nothing yet.</summary>
public static class ResultCount
{
    public const int Max = 100_000_000;

    /// <summary>Null when the text is empty (<paramref name="value"/> null) or a valid count; otherwise what to tell the person.</summary>
    public static string? Read(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DecimalText.TryParse(text, out var number)) return $"\"{text.Trim()}\" is not a number. Type how many results, e.g. 12.";
        if (number < 0) return "The number of results can't be negative.";
        if (number != Math.Floor(number)) return "Please count whole results, e.g. 12.";
        if (number > Max) return "That is more results than I can count; please check the number.";
        value = (int)number;
        return null;
    }
}
