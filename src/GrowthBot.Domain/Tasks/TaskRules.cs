using GrowthBot.Domain.Common;

namespace GrowthBot.Domain.Tasks;

/// <summary>How task lists are ordered and what a task modal may accept.</summary>
public static class TaskRules
{
    public const int TitleMax = 150;
    public const int NotesMax = 1000;
    public const int NoteMax = 500;
    public const int ReasonMax = 500;

    /// <summary>A due date further back than this is a typo (2025 for 2026), not a plan.</summary>
    public const int DueDateMaxDaysAgo = 365;

    /// <summary>
    /// Overdue tasks first (the longest overdue on top), then blocked ones, then the rest by due date: what
    /// needs attention is what the weekly rhythm wants people to see first.
    /// </summary>
    public static IEnumerable<GrowthTask> InListOrder(IEnumerable<GrowthTask> tasks, DateOnly today) =>
        tasks
            .OrderBy(t => t.IsOverdue(today) ? 0 : t.IsBlocked ? 1 : 2)
            .ThenBy(t => t.DueDate.DayNumber)
            .ThenBy(t => t.Number);
}

/// <summary>What a person typed into the New task modal, before it is checked.</summary>
public sealed record TaskDraft
{
    public static class Fields
    {
        public const string Title = "title";
        public const string Owner = "owner";
        public const string DueDate = "due";
        public const string Notes = "notes";
    }

    public string? Title { get; init; }
    public string? OwnerId { get; init; }
    public DateOnly? DueDate { get; init; }
    public string? Notes { get; init; }

    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Required(Fields.Title, Title, ProblemCode.TaskTitleMissing);
        errors.MaxLength(Fields.Title, Title?.Trim(), TaskRules.TitleMax);
        errors.Required(Fields.Owner, OwnerId, ProblemCode.OwnerMissing);
        if (DueDate is null) errors.Add(Fields.DueDate, ProblemCode.DueDateMissing);
        else if (DueDate < today.AddDays(-TaskRules.DueDateMaxDaysAgo)) errors.Add(Fields.DueDate, ProblemCode.DueDateLongAgo);
        errors.MaxLength(Fields.Notes, Notes?.Trim(), TaskRules.NotesMax);
        return errors;
    }

    /// <summary>The task this draft describes; call only when <see cref="Validate"/> found nothing.</summary>
    public GrowthTask ToTask(string teamId, long? experimentId, string createdBy, DateTimeOffset now) => new()
    {
        TeamId = teamId,
        ExperimentId = experimentId,
        Title = Title!.Trim(),
        Notes = Notes?.Trim() ?? "",
        OwnerId = OwnerId!,
        DueDate = DueDate!.Value,
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}

/// <summary>A blocker as typed into the Block task modal.</summary>
public sealed record BlockDraft(BlockReason? Reason, string? Note)
{
    public static class Fields
    {
        public const string Reason = "reason";
        public const string Note = "note";
    }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Reason is null) errors.Add(Fields.Reason, ProblemCode.BlockReasonMissing);
        // "Other" says nothing by itself: the note is what a lead can act on.
        if (Reason == BlockReason.Other) errors.Required(Fields.Note, Note, ProblemCode.BlockNoteMissing);
        errors.MaxLength(Fields.Note, Note?.Trim(), TaskRules.NoteMax);
        return errors;
    }
}

/// <summary>A postponement as typed into the Postpone task modal.</summary>
public sealed record PostponeDraft(DateOnly? NewDate, string? Reason)
{
    public static class Fields
    {
        public const string NewDate = "new_date";
        public const string Reason = "reason";
    }

    /// <summary>A due date only moves forward: the new date must be after the current one.</summary>
    public ValidationErrors Validate(DateOnly currentDueDate)
    {
        var errors = new ValidationErrors();
        if (NewDate is null) errors.Add(Fields.NewDate, ProblemCode.NewDueDateMissing);
        else if (NewDate <= currentDueDate)
            errors.Add(Fields.NewDate, ProblemCode.NewDueDateNotLater, ("current", currentDueDate));
        errors.Required(Fields.Reason, Reason, ProblemCode.PostponeReasonMissing);
        errors.MaxLength(Fields.Reason, Reason?.Trim(), TaskRules.ReasonMax);
        return errors;
    }
}
