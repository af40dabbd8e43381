using GrowthBot.Domain.Common;
using GrowthBot.Domain.Money;

namespace GrowthBot.Domain.Pipeline;

/// <summary>The four numbers behind pipeline velocity.</summary>
public enum PipelineFactor
{
    OpenOpportunities,
    AverageDealSize,
    WinRate,
    SalesCycle,
}

/// <summary>The sales pipeline's four numbers as checked in at one moment, kept as history.</summary>
public sealed record PipelineCheckIn
{
    public long Id { get; init; }
    public required string TeamId { get; init; }
    public int OpenOpportunities { get; init; }
    /// <summary>In the team's currency.</summary>
    public decimal AverageDealSize { get; init; }
    /// <summary>Percent, 0–100.</summary>
    public decimal WinRate { get; init; }
    /// <summary>Days from first contact to a won deal; at least 1.</summary>
    public int SalesCycleDays { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>(open opportunities × average deal size × win rate ÷ 100) ÷ sales-cycle days, in currency per day, to the cent.</summary>
    public decimal Velocity => PipelineVelocity.Of(OpenOpportunities, AverageDealSize, WinRate, SalesCycleDays);
}

/// <summary>A pipeline check-in compared with the one before it.</summary>
/// <param name="Change">Velocity now minus velocity at the previous check-in; null for the first check-in.</param>
/// <param name="MovedMost">The factor that moved velocity most (<see cref="PipelineVelocity.MovedMost"/>); null without a change.</param>
public sealed record PipelineMove(PipelineCheckIn Latest, PipelineCheckIn? Previous, decimal? Change, PipelineFactor? MovedMost, decimal MovedMostBy)
{
    public static PipelineMove? Of(PipelineCheckIn? latest, PipelineCheckIn? previous)
    {
        if (latest is null) return null;
        if (previous is null) return new PipelineMove(latest, null, null, null, 0);
        var most = PipelineVelocity.MovedMost(previous, latest);
        return new PipelineMove(latest, previous, latest.Velocity - previous.Velocity, most?.Factor, most?.Effect ?? 0);
    }
}

/// <summary>Pipeline velocity and which of its four numbers moved it, as the README states them.</summary>
public static class PipelineVelocity
{
    public static decimal Of(int openOpportunities, decimal averageDealSize, decimal winRatePercent, int salesCycleDays) =>
        salesCycleDays <= 0 ? 0 : Math.Round(openOpportunities * averageDealSize * (winRatePercent / 100m) / salesCycleDays, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Which of the four numbers moved velocity most from <paramref name="before"/> to <paramref name="after"/>: each is
    /// changed alone (the other three kept at their earlier values) and the one whose change alone moves velocity
    /// furthest, up or down, is it; on a tie the first in the order open opportunities, deal size, win rate, sales
    /// cycle. Null when none of them changes velocity.
    /// </summary>
    public static (PipelineFactor Factor, decimal Effect)? MovedMost(PipelineCheckIn before, PipelineCheckIn after)
    {
        var baseline = before.Velocity;
        var effects = new (PipelineFactor Factor, decimal Effect)[]
        {
            (PipelineFactor.OpenOpportunities, Of(after.OpenOpportunities, before.AverageDealSize, before.WinRate, before.SalesCycleDays) - baseline),
            (PipelineFactor.AverageDealSize, Of(before.OpenOpportunities, after.AverageDealSize, before.WinRate, before.SalesCycleDays) - baseline),
            (PipelineFactor.WinRate, Of(before.OpenOpportunities, before.AverageDealSize, after.WinRate, before.SalesCycleDays) - baseline),
            (PipelineFactor.SalesCycle, Of(before.OpenOpportunities, before.AverageDealSize, before.WinRate, after.SalesCycleDays) - baseline),
        };
        var most = effects.OrderByDescending(e => Math.Abs(e.Effect)).ThenBy(e => e.Factor).First();
        return most.Effect == 0 ? null : most;
    }
}

/// <summary>What a person typed into the pipeline modal, before it is checked.</summary>
public sealed record PipelineDraft(string? OpenOpportunities, string? AverageDealSize, string? WinRate, string? SalesCycleDays)
{
    public const int MaxOpportunities = 1_000_000;
    public const int MaxCycleDays = 3650;

    public static class Fields
    {
        public const string OpenOpportunities = "open_opportunities";
        public const string AverageDealSize = "average_deal_size";
        public const string WinRate = "win_rate";
        public const string SalesCycleDays = "sales_cycle_days";
    }

    public ValidationErrors Validate() => Read(out _);

    /// <summary>The check-in; call only when <see cref="Validate"/> found nothing.</summary>
    public PipelineCheckIn ToCheckIn(string teamId, string userId, DateTimeOffset now)
    {
        Read(out var values);
        return new PipelineCheckIn
        {
            TeamId = teamId, OpenOpportunities = values.Open, AverageDealSize = values.Deal, WinRate = values.Win, SalesCycleDays = values.Cycle,
            CreatedBy = userId, CreatedAt = now,
        };
    }

    private ValidationErrors Read(out (int Open, decimal Deal, decimal Win, int Cycle) values)
    {
        var errors = new ValidationErrors();
        values = default;
        if (!DecimalText.TryParse(OpenOpportunities, out var open) || open != Math.Floor(open))
            errors.Add(Fields.OpenOpportunities, ProblemCode.OpportunitiesNotWhole);
        else if (open < 0 || open > MaxOpportunities)
            errors.Add(Fields.OpenOpportunities, ProblemCode.OpportunitiesOutOfRange, ("min", 0), ("max", MaxOpportunities));
        else values.Open = (int)open;

        if (string.IsNullOrWhiteSpace(AverageDealSize)) errors.Add(Fields.AverageDealSize, ProblemCode.DealSizeMissing);
        else if (Amounts.Read(AverageDealSize, out var deal) is { } problem) errors.Add(Fields.AverageDealSize, problem);
        else values.Deal = deal;

        if (!DecimalText.TryParse(WinRate?.Trim().TrimEnd('%'), out var win))
            errors.Add(Fields.WinRate, ProblemCode.WinRateNotANumber);
        else if (win < 0 || win > 100) errors.Add(Fields.WinRate, ProblemCode.WinRateOutOfRange, ("min", 0), ("max", 100));
        else values.Win = Math.Round(win, 2, MidpointRounding.AwayFromZero);

        if (!DecimalText.TryParse(SalesCycleDays, out var cycle) || cycle != Math.Floor(cycle))
            errors.Add(Fields.SalesCycleDays, ProblemCode.SalesCycleNotWhole);
        else if (cycle < 1 || cycle > MaxCycleDays) errors.Add(Fields.SalesCycleDays, ProblemCode.SalesCycleOutOfRange, ("min", 1), ("max", MaxCycleDays));
        else values.Cycle = (int)cycle;
        return errors;
    }
}
