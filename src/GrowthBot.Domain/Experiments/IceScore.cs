using System.Globalization;

namespace GrowthBot.Domain.Experiments;

/// <summary>
/// Impact, Confidence and Ease, each 1–10. The score is their mean, shown with its formula so the ranking
/// of the backlog is explained.
/// </summary>
public readonly record struct IceScore(int Impact, int Confidence, int Ease)
{
    public const int Min = 1;
    public const int Max = 10;

    public decimal Score => Math.Round((Impact + Confidence + Ease) / 3m, 1, MidpointRounding.AwayFromZero);

    public string ScoreText => Score.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>e.g. <c>ICE = (8 + 6 + 7) ÷ 3 = 7</c>.</summary>
    public string Formula => $"ICE = ({Impact} + {Confidence} + {Ease}) ÷ 3 = {ScoreText}";

    public static bool InRange(int value) => value is >= Min and <= Max;
}
