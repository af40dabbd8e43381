using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Okrs;

/// <summary>One key result's fields as typed into the Set OKRs modal; numbers still as text.</summary>
public sealed record KeyResultFields(string? Name, string? Baseline, string? Target, string? Unit, string? OwnerId, bool CountsLeads = false)
{
    /// <summary>Nothing typed. The owner and the leads box alone do not count: a user picker cannot be cleared.</summary>
    public bool IsEmpty => Blank(Name) && Blank(Baseline) && Blank(Target) && Blank(Unit);

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}

/// <summary>A key result that passed validation.</summary>
public sealed record ValidKeyResult(string Name, decimal Baseline, decimal Target, string Unit, string OwnerId, bool CountsLeads = false);

/// <summary>The objective (North Star), its period and up to five key results, before they are checked.</summary>
public sealed record OkrDraft(string? Title, string? Period, IReadOnlyList<KeyResultFields> KeyResults)
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

        /// <summary>The field of key result <paramref name="index"/> (1-based): kr1_name, kr1_baseline, …</summary>
        public static string KeyResult(int index, string field) => $"kr{index}_{field}";

        public const string Name = "name";
        public const string Baseline = "baseline";
        public const string Target = "target";
        public const string Unit = "unit";
        public const string Owner = "owner";
        public const string CountsLeads = "leads";
    }

    /// <summary>Errors by field, and the key results when there are none.</summary>
    public (ValidationErrors Errors, IReadOnlyList<ValidKeyResult> KeyResults) Validate()
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Title, Title, ProblemCode.ObjectiveMissing);
        errors.MaxLength(Fields.Title, Title?.Trim(), TitleMax);
        errors.Required(Fields.Period, Period, ProblemCode.PeriodMissing);
        errors.MaxLength(Fields.Period, Period?.Trim(), PeriodMax);

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
            if (errors.ByField.Count == before)
                valid.Add(new ValidKeyResult(kr.Name!.Trim(), baseline!.Value, target!.Value, kr.Unit?.Trim() ?? "", kr.OwnerId!, kr.CountsLeads));
        }
        return (errors, errors.IsValid ? valid : []);
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
