using System.Text.RegularExpressions;
using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Kpis;

/// <summary>Which way a KPI should move.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    /// <summary>Churn, cost per lead, sales-cycle length: the smaller the better.</summary>
    LowerIsBetter,
}

/// <summary>
/// A KPI definition (K3): the one meaning the whole team gives a number, so that marketing and sales count the same
/// thing when they say "a lead".
/// </summary>
public sealed record Kpi
{
    public required string TeamId { get; init; }
    public int Number { get; init; }
    public required string Name { get; init; }
    /// <summary>What counts, e.g. "a decision-maker at an ICP company who booked a call".</summary>
    public required string Definition { get; init; }
    /// <summary>How it is measured: the source or formula; empty when not written down.</summary>
    public string Measurement { get; init; } = "";
    public required string OwnerId { get; init; }
    public string Unit { get; init; } = "";
    public KpiDirection Direction { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? UpdatedBy { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    public string ShortId => Common.ShortId.Format(Common.ShortId.Kpi, Number);
}

/// <summary>A KPI as typed into the KPI modal, before it is checked.</summary>
public sealed partial record KpiDraft(string? Name, string? Definition, string? Measurement, string? OwnerId, string? Unit, KpiDirection? Direction)
{
    public const int NameMax = 80;
    public const int DefinitionMax = 1000;
    public const int MeasurementMax = 1000;
    public const int UnitMax = 30;

    public static class Fields
    {
        public const string Name = "kpi_name";
        public const string Definition = "kpi_definition";
        public const string Measurement = "kpi_measurement";
        public const string Owner = "kpi_owner";
        public const string Unit = "kpi_unit";
        public const string Direction = "kpi_direction";
    }

    /// <summary>
    /// Errors by field. <paramref name="others"/> are the team's other KPIs (the one being edited left out): a name
    /// already used by one of them, in any case or spacing, is refused, so "Lead" means one thing.
    /// </summary>
    public ValidationErrors Validate(IReadOnlyList<Kpi> others)
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Name, Name, ProblemCode.KpiNameMissing);
        errors.MaxLength(Fields.Name, Name?.Trim(), NameMax);
        if (!string.IsNullOrWhiteSpace(Name) && others.FirstOrDefault(k => NameKey(k.Name) == NameKey(Name)) is { } taken)
            errors.Add(Fields.Name, ProblemCode.KpiNameTaken, ("id", taken.ShortId), ("name", taken.Name));
        errors.Required(Fields.Definition, Definition, ProblemCode.KpiDefinitionMissing);
        errors.MaxLength(Fields.Definition, Definition?.Trim(), DefinitionMax);
        errors.MaxLength(Fields.Measurement, Measurement?.Trim(), MeasurementMax);
        errors.Required(Fields.Owner, OwnerId, ProblemCode.KpiOwnerMissing);
        errors.MaxLength(Fields.Unit, Unit?.Trim(), UnitMax);
        if (Direction is null) errors.Add(Fields.Direction, ProblemCode.KpiDirectionMissing);
        return errors;
    }

    /// <summary>The KPI this draft describes; call only when <see cref="Validate"/> found nothing.</summary>
    public Kpi ToKpi(string teamId, string userId, DateTimeOffset now) => new()
    {
        TeamId = teamId,
        Name = Collapse(Name!),
        Definition = Definition!.Trim(),
        Measurement = Measurement?.Trim() ?? "",
        OwnerId = OwnerId!,
        Unit = Unit?.Trim() ?? "",
        Direction = Direction!.Value,
        CreatedBy = userId,
        CreatedAt = now,
    };

    /// <summary>The name as compared for duplicates: trimmed, inner spaces collapsed, case folded ("Lead " = "lead").</summary>
    public static string NameKey(string name) => Collapse(name).ToUpperInvariant();

    private static string Collapse(string name) => Spaces().Replace(name.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
