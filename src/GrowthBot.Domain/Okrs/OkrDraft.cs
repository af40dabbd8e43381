using GrowthBot.Domain.Common;
using GrowthBot.Domain.Kpis;

namespace GrowthBot.Domain.Okrs;

/// <summary>One key result's fields as typed into the Set OKRs modal; numbers still as text.</summary>
public sealed record KeyResultFields(string? Name, string? Baseline, string? Target, string? Unit, string? OwnerId, bool CountsLeads = false, int? KpiNumber = null)
{
    /// <summary>Nothing typed. The owner, the leads box and the KPI alone do not count: a user picker cannot be cleared.</summary>
    public bool IsEmpty => Blank(Name) && Blank(Baseline) && Blank(Target) && Blank(Unit);

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}

/// <summary>A key result that passed validation.</summary>
public sealed record ValidKeyResult(string Name, decimal Baseline, decimal Target, string Unit, string OwnerId, bool CountsLeads = false, int? KpiNumber = null);

/// <summary>
/// The objective (North Star), its period (name, first and last day) and up to five key results, before they are
/// checked. An empty period name is filled in from the dates by the caller.
/// </summary>
public sealed record OkrDraft(string? Title, string? Period, IReadOnlyList<KeyResultFields> KeyResults, DateOnly? Start = null, DateOnly? End = null)
{
    public const int MaxKeyResults = 5;
    public const int TitleMax = 150;
    public const int PeriodMax = 50;
    public const int NameMax = 100;
    public const int UnitMax = 30;

    public static class Fields
    {
        public const string Title = "objective";
        public const string Period = "period";
        public const string Start = "period_start";
        public const string End = "period_end";

        /// <summary>The field of key result <paramref name="index"/> (1-based): kr1_name, kr1_baseline, …</summary>
        public static string KeyResult(int index, string field) => $"kr{index}_{field}";

        public const string Name = "name";
        public const string Baseline = "baseline";
        public const string Target = "target";
        public const string Unit = "unit";
        public const string Owner = "owner";
        public const string CountsLeads = "leads";
        public const string Kpi = "kpi";
    }

    /// <summary>
    /// Errors by field, and the key results when there are none. A key result linked to one of the team's
    /// <paramref name="kpis"/> takes the KPI's unit, and its target must go the way the KPI says is better.
    /// </summary>
    public (ValidationErrors Errors, IReadOnlyList<ValidKeyResult> KeyResults) Validate(IReadOnlyList<Kpi>? kpis = null)
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Title, Title, ProblemCode.ObjectiveMissing);
        errors.MaxLength(Fields.Title, Title?.Trim(), TitleMax);
        errors.MaxLength(Fields.Period, Period?.Trim(), PeriodMax);
        ValidatePeriod(errors);

        var valid = new List<ValidKeyResult>();
        for (var i = 0; i < KeyResults.Count && i < MaxKeyResults; i++)
        {
            var kr = KeyResults[i];
            var n = i + 1;
            // The first key result is required; the others only when something was typed into them.
            if (kr.IsEmpty && n > 1) continue;
            string F(string field) => Fields.KeyResult(n, field);
            var before = errors.ByField.Count;
            if (string.IsNullOrWhiteSpace(kr.Name))
                errors.Add(F(Fields.Name), n == 1 ? ProblemCode.FirstKeyResultNameMissing : ProblemCode.KeyResultNameMissing);
            errors.MaxLength(F(Fields.Name), kr.Name?.Trim(), NameMax);
            var baseline = Number(errors, F(Fields.Baseline), kr.Baseline, ProblemCode.BaselineMissing);
            var target = Number(errors, F(Fields.Target), kr.Target, ProblemCode.TargetMissing);
            if (baseline is not null && target is not null && baseline == target)
                errors.Add(F(Fields.Target), ProblemCode.TargetEqualsBaseline, ("baseline", baseline.Value));
            errors.MaxLength(F(Fields.Unit), kr.Unit?.Trim(), UnitMax);
            errors.Required(F(Fields.Owner), kr.OwnerId, ProblemCode.KeyResultOwnerMissing);
            var kpi = kr.KpiNumber is { } number ? kpis?.FirstOrDefault(k => k.Number == number) : null;
            if (kr.KpiNumber is { } missing && kpi is null)
                errors.Add(F(Fields.Kpi), ProblemCode.KpiNoLonger, ("id", ShortId.Format(ShortId.Kpi, missing)));
            if (kpi is not null) CheckAgainst(kpi, kr, baseline, target, errors, F);
            if (errors.ByField.Count == before)
                valid.Add(new ValidKeyResult(kr.Name!.Trim(), baseline!.Value, target!.Value, kpi?.Unit ?? kr.Unit?.Trim() ?? "", kr.OwnerId!, kr.CountsLeads, kpi?.Number));
        }
        return (errors, errors.IsValid ? valid : []);
    }

    /// <summary>The period as chosen, once <see cref="Validate"/> found nothing wrong with it.</summary>
    public OkrPeriod ChosenPeriod => new(Start!.Value, End!.Value);

    private void ValidatePeriod(ValidationErrors errors)
    {
        if (Start is null) errors.Add(Fields.Start, ProblemCode.PeriodStartMissing);
        if (End is null) errors.Add(Fields.End, ProblemCode.PeriodEndMissing);
        if (Start is not { } start || End is not { } end) return;
        var days = end.DayNumber - start.DayNumber + 1;
        if (end < start) errors.Add(Fields.End, ProblemCode.PeriodEndsBeforeStart);
        else if (days < OkrPeriod.MinDays) errors.Add(Fields.End, ProblemCode.PeriodTooShort, ("days", days));
        else if (days > OkrPeriod.MaxDays) errors.Add(Fields.End, ProblemCode.PeriodTooLong);
    }

    /// <summary>A key result linked to a KPI counts in the KPI's unit and moves the way the KPI says is better.</summary>
    private static void CheckAgainst(Kpi kpi, KeyResultFields kr, decimal? baseline, decimal? target, ValidationErrors errors, Func<string, string> field)
    {
        if (!string.IsNullOrWhiteSpace(kr.Unit) && !string.Equals(kr.Unit.Trim(), kpi.Unit, StringComparison.OrdinalIgnoreCase))
        {
            if (kpi.Unit.Length == 0) errors.Add(field(Fields.Unit), ProblemCode.KpiHasNoUnit, ("id", kpi.ShortId), ("name", kpi.Name));
            else errors.Add(field(Fields.Unit), ProblemCode.KpiUnitDiffers, ("id", kpi.ShortId), ("name", kpi.Name), ("unit", kpi.Unit));
        }
        if (baseline is not { } from || target is not { } to || from == to) return;
        if (kpi.Direction == KpiDirection.LowerIsBetter && to > from)
            errors.Add(field(Fields.Target), ProblemCode.TargetShouldBeBelow, ("id", kpi.ShortId), ("name", kpi.Name), ("baseline", from));
        if (kpi.Direction == KpiDirection.HigherIsBetter && to < from)
            errors.Add(field(Fields.Target), ProblemCode.TargetShouldBeAbove, ("id", kpi.ShortId), ("name", kpi.Name), ("baseline", from));
    }

    private static decimal? Number(ValidationErrors errors, string field, string? text, ProblemCode missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, missing);
            return null;
        }
        if (DecimalText.TryParse(text, out var value)) return value;
        errors.Add(field, ProblemCode.OkrNumberNotANumber, ("typed", ValidationErrors.Typed(text.Trim())));
        return null;
    }
}

/// <summary>A check-in as typed into the check-in modal.</summary>
public sealed record CheckInDraft(long? KeyResultId, string? Value, KrConfidence? Confidence, string? Note)
{
    public const int NoteMax = 500;

    public static class Fields
    {
        public const string KeyResult = "key_result";
        public const string Value = "new_value";
        public const string Confidence = "confidence";
        public const string Note = "note";
    }

    public (ValidationErrors Errors, decimal Value) Validate()
    {
        var errors = new ValidationErrors();
        if (KeyResultId is null) errors.Add(Fields.KeyResult, ProblemCode.CheckInKeyResultMissing);
        decimal value = 0;
        if (string.IsNullOrWhiteSpace(Value)) errors.Add(Fields.Value, ProblemCode.CheckInValueMissing);
        else if (!DecimalText.TryParse(Value, out value))
            errors.Add(Fields.Value, ProblemCode.CheckInValueNotANumber, ("typed", ValidationErrors.Typed(Value.Trim())));
        if (Confidence is null) errors.Add(Fields.Confidence, ProblemCode.CheckInConfidenceMissing);
        errors.MaxLength(Fields.Note, Note?.Trim(), NoteMax);
        return (errors, value);
    }
}
