using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Tasks;

/// <summary>Which buttons a task line carries.</summary>
[Flags]
public enum TaskButtons
{
    None = 0,
    Done = 1,
    Blocked = 2,
    Postpone = 4,
    /// <summary>For the daily nudge: "still blocked" keeps the blocker and says so.</summary>
    StillBlocked = 8,
    Standard = Done | Blocked | Postpone,
}

/// <summary>How tasks look in Slack: one line with buttons (reused by nudges and the App Home), the list, confirmations.</summary>
public static class TaskMessages
{
    /// <summary>How many tasks a list shows (two blocks each) before summarising the rest; keeps a message under 50 blocks.</summary>
    public const int ListLimit = 20;

    /// <summary>Button value marking a click from <c>/task list</c>, so the list can be redrawn in place.</summary>
    public const string FromListMine = "list:mine";
    public const string FromListAll = "list:all";

    /// <summary>
    /// A task as a section (title, owner, due date, overdue / blocked state) followed by its buttons.
    /// <paramref name="source"/> goes into each button's value; nudges and the App Home leave it null.
    /// </summary>
    public static IReadOnlyList<Block> TaskBlocks(GrowthTask task, DateOnly today, Wording words, TaskButtons buttons, Experiment? experiment = null, string? source = null)
    {
        var blocks = new List<Block> { new SectionBlock(Truncate(Line(task, today, words, experiment), BlockKitLimits.SectionText)) };
        var elements = new List<BlockElement>();
        if (buttons.HasFlag(TaskButtons.Done)) elements.Add(TaskDoneButton.For(task, source));
        if (buttons.HasFlag(TaskButtons.StillBlocked) && task.IsBlocked) elements.Add(TaskStillBlockedButton.For(task, source));
        if (buttons.HasFlag(TaskButtons.Blocked)) elements.Add(TaskBlockButton.For(task, source));
        if (buttons.HasFlag(TaskButtons.Postpone)) elements.Add(TaskPostponeButton.For(task, source));
        if (elements.Count > 0) blocks.Add(new ActionsBlock(elements) { BlockId = $"task_{task.ShortId}" });
        return blocks;
    }

    /// <summary><c>`T3` *Write copy* · <@U1> · due Fri 20 Nov · :warning: overdue</c>.</summary>
    public static string Line(GrowthTask task, DateOnly today, Wording words, Experiment? experiment = null)
    {
        var state = !task.IsOpen ? " · :white_check_mark: done"
            : task.IsOverdue(today) ? $" · :warning: *overdue* by {words.Count(today.DayNumber - task.DueDate.DayNumber, Counted.Day)}"
            : task.DueDate == today ? " · due *today*" : "";
        var line = $"`{task.ShortId}` *{Escape(task.Title)}* · {User(task.OwnerId)} · due {words.Date(task.DueDate, today)}{state}";
        if (task.Postponements > 0) line += $" · postponed {words.Times(task.Postponements)}";
        if (experiment is not null) line += $"\n_for {experiment.ShortId} · {Escape(Truncate(experiment.Name, 80))}_";
        if (task.Blocker is { } blocker)
            line += $"\n:no_entry: Blocked since {Date(blocker.CreatedAt)}: *{blocker.Reason.Label()}*" +
                    (blocker.Note.Length > 0 ? $" — {Escape(Truncate(blocker.Note, 300))}" : "");
        return line;
    }

    public static Message List(IReadOnlyList<GrowthTask> open, DateOnly today, Wording words, bool mine, IReadOnlyDictionary<long, Experiment> experiments, string? notice = null)
    {
        var blocks = new List<Block>();
        if (notice is not null) blocks.Add(new ContextBlock(notice));
        if (open.Count == 0)
        {
            var none = mine ? "You have no open tasks. :tada:" : "No open tasks. Add one with `/task new` (or `/task new E3` for an experiment).";
            blocks.Add(new SectionBlock(none));
            return new Message(notice is null ? none : $"{notice} {none}", blocks);
        }
        var ordered = TaskRules.InListOrder(open, today).ToList();
        var overdue = ordered.Count(t => t.IsOverdue(today));
        var blocked = ordered.Count(t => t.IsBlocked);
        blocks.Add(new HeaderBlock(mine ? "My open tasks" : "Open tasks"));
        var counts = $"{words.Count(ordered.Count, Counted.OpenTask)} · {words.Number(overdue)} overdue · {words.Number(blocked)} blocked";
        blocks.Add(new ContextBlock($"{counts} · overdue and blocked first"));
        var source = mine ? FromListMine : FromListAll;
        foreach (var task in ordered.Take(ListLimit))
            blocks.AddRange(TaskBlocks(task, today, words, TaskButtons.Standard, task.ExperimentId is { } e ? experiments.GetValueOrDefault(e) : null, source));
        if (ordered.Count > ListLimit) blocks.Add(new ContextBlock($"…and {words.Number(ordered.Count - ListLimit)} more. `/task list mine` shows only yours."));
        return new Message(counts, blocks);
    }

    public static Message Created(GrowthTask task, DateOnly today, Wording words, Experiment? experiment)
    {
        var text = $":white_check_mark: Added *{task.ShortId} · {Escape(task.Title)}* for {User(task.OwnerId)}, due {words.Date(task.DueDate, today)}" +
                   (experiment is null ? "." : $", to {experiment.ShortId} · {Escape(Truncate(experiment.Name, 80))}.");
        return new Message($"Added {task.ShortId} · {Escape(task.Title)}",
        [
            new SectionBlock(Truncate(text, BlockKitLimits.SectionText)),
            .. TaskBlocks(task, today, words, TaskButtons.Standard),
        ]);
    }

    /// <summary>To the owner, when someone else gave them the task: what, by whom, when, with its buttons.</summary>
    public static Message Assigned(GrowthTask task, DateOnly today, Wording words, Experiment? experiment)
    {
        var text = $":inbox_tray: {User(task.CreatedBy)} gave you *{task.ShortId} · {Escape(task.Title)}*, due {words.Date(task.DueDate, today)}" +
                   (experiment is null ? "." : $", for {experiment.ShortId} · {Escape(Truncate(experiment.Name, 80))}.") +
                   (task.Notes.Length > 0 ? $"\n>{Escape(Truncate(task.Notes, 500)).Replace("\n", "\n>")}" : "");
        return new Message($"You have a new task: {task.ShortId} · {Escape(task.Title)}",
        [
            new SectionBlock(Truncate(text, BlockKitLimits.SectionText)),
            .. TaskBlocks(task, today, words, TaskButtons.Standard),
        ]);
    }

    public static string Done(GrowthTask task) => $":white_check_mark: {task.ShortId} · {Escape(task.Title)} is done. Nice work!";

    public static string Blocked(GrowthTask task, BlockReason reason) =>
        $":no_entry: {task.ShortId} · {Escape(task.Title)} is marked blocked: *{reason.Label()}*. `/task unblock {task.ShortId}` when it moves again.";

    public static string Postponed(GrowthTask task, Postponement p, int count, DateOnly today, Wording words) =>
        $":calendar: {task.ShortId} · {Escape(task.Title)} moved from {words.Date(p.FromDate, today)} to {words.Date(p.ToDate, today)} ({Escape(Truncate(p.Reason, 200))}). " +
        $"Postponed {words.Times(count)} so far.";
}
