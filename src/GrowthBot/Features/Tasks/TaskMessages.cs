using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Resources;
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

/// <summary>How tasks look in Slack: one line with buttons (reused by nudges and the App Home), the list, confirmations, refusals.</summary>
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
        if (buttons.HasFlag(TaskButtons.Done)) elements.Add(TaskDoneButton.For(task, words, source));
        if (buttons.HasFlag(TaskButtons.StillBlocked) && task.IsBlocked) elements.Add(TaskStillBlockedButton.For(task, words, source));
        if (buttons.HasFlag(TaskButtons.Blocked)) elements.Add(TaskBlockButton.For(task, words, source));
        if (buttons.HasFlag(TaskButtons.Postpone)) elements.Add(TaskPostponeButton.For(task, words, source));
        if (elements.Count > 0) blocks.Add(new ActionsBlock(elements) { BlockId = $"task_{task.ShortId}" });
        return blocks;
    }

    /// <summary><c>`T3` *Write copy* · <@U1> · due Fri 20 Nov · :warning: overdue</c>.</summary>
    public static string Line(GrowthTask task, DateOnly today, Wording words, Experiment? experiment = null)
    {
        var parts = new List<string> { words.Text(TaskText.LineHead, ("id", task.ShortId), ("title", Escape(task.Title)), ("owner", User(task.OwnerId)), ("due", words.Date(task.DueDate, today))) };
        if (!task.IsOpen) parts.Add(words.Text(TaskText.LineDone));
        else if (task.IsOverdue(today)) parts.Add(words.Plural(TaskText.LineOverdue, today.DayNumber - task.DueDate.DayNumber));
        else if (task.DueDate == today) parts.Add(words.Text(TaskText.LineDueToday));
        if (task.Postponements > 0) parts.Add(words.Text(TaskText.LinePostponed, ("times", words.Times(task.Postponements))));
        var line = string.Join(" · ", parts);
        if (experiment is not null) line += "\n" + words.Text(TaskText.LineExperiment, ("id", experiment.ShortId), ("name", Escape(Truncate(experiment.Name, 80))));
        if (task.Blocker is { } blocker)
            line += "\n" + (blocker.Note.Length > 0
                ? words.Text(TaskText.LineBlockedNote, ("since", words.Moment(blocker.CreatedAt)), ("reason", words.Label(blocker.Reason)), ("note", Escape(Truncate(blocker.Note, 300))))
                : words.Text(TaskText.LineBlocked, ("since", words.Moment(blocker.CreatedAt)), ("reason", words.Label(blocker.Reason))));
        return line;
    }

    public static Message List(IReadOnlyList<GrowthTask> open, DateOnly today, Wording words, bool mine, IReadOnlyDictionary<long, Experiment> experiments, string? notice = null)
    {
        var blocks = new List<Block>();
        if (notice is not null) blocks.Add(new ContextBlock(notice));
        if (open.Count == 0)
        {
            var none = words.Text(mine ? TaskText.ListEmptyMine : TaskText.ListEmpty);
            blocks.Add(new SectionBlock(none));
            return new Message(notice is null ? none : $"{notice} {none}", blocks);
        }
        var ordered = TaskRules.InListOrder(open, today).ToList();
        var counts = words.Text(TaskText.ListCounts, ("open", words.Count(ordered.Count, Counted.OpenTask)),
            ("overdue", ordered.Count(t => t.IsOverdue(today))), ("blocked", ordered.Count(t => t.IsBlocked)));
        blocks.Add(new HeaderBlock(words.Text(mine ? TaskText.ListHeaderMine : TaskText.ListHeader)));
        blocks.Add(new ContextBlock($"{counts} · {words.Text(TaskText.ListOrder)}"));
        var source = mine ? FromListMine : FromListAll;
        foreach (var task in ordered.Take(ListLimit))
            blocks.AddRange(TaskBlocks(task, today, words, TaskButtons.Standard, task.ExperimentId is { } e ? experiments.GetValueOrDefault(e) : null, source));
        if (ordered.Count > ListLimit) blocks.Add(new ContextBlock(words.Text(TaskText.ListMore, ("count", ordered.Count - ListLimit))));
        return new Message(counts, blocks);
    }

    public static Message Created(GrowthTask task, DateOnly today, Wording words, Experiment? experiment)
    {
        (string, object?)[] args = [("id", task.ShortId), ("title", Escape(task.Title)), ("owner", User(task.OwnerId)), ("due", words.Date(task.DueDate, today))];
        var text = experiment is null
            ? words.Text(TaskText.Created, args)
            : words.Text(TaskText.CreatedForExperiment, [.. args, ("expId", experiment.ShortId), ("expName", Escape(Truncate(experiment.Name, 80)))]);
        return new Message(words.Text(TaskText.CreatedFallback, ("id", task.ShortId), ("title", Escape(task.Title))),
        [
            new SectionBlock(Truncate(text, BlockKitLimits.SectionText)),
            .. TaskBlocks(task, today, words, TaskButtons.Standard),
        ]);
    }

    /// <summary>To the owner, when someone else gave them the task: what, by whom, when, with its buttons.</summary>
    public static Message Assigned(GrowthTask task, DateOnly today, Wording words, Experiment? experiment)
    {
        (string, object?)[] args = [("creator", User(task.CreatedBy)), ("id", task.ShortId), ("title", Escape(task.Title)), ("due", words.Date(task.DueDate, today))];
        var text = (experiment is null
                       ? words.Text(TaskText.Assigned, args)
                       : words.Text(TaskText.AssignedForExperiment, [.. args, ("expId", experiment.ShortId), ("expName", Escape(Truncate(experiment.Name, 80)))])) +
                   (task.Notes.Length > 0 ? $"\n>{Escape(Truncate(task.Notes, 500)).Replace("\n", "\n>")}" : "");
        return new Message(words.Text(TaskText.AssignedFallback, ("id", task.ShortId), ("title", Escape(task.Title))),
        [
            new SectionBlock(Truncate(text, BlockKitLimits.SectionText)),
            .. TaskBlocks(task, today, words, TaskButtons.Standard),
        ]);
    }

    public static string Done(GrowthTask task, Wording words) => words.Text(TaskText.Done, ("id", task.ShortId), ("title", Escape(task.Title)));

    public static string Blocked(GrowthTask task, BlockReason reason, Wording words) =>
        words.Text(TaskText.Blocked, ("id", task.ShortId), ("title", Escape(task.Title)), ("reason", words.Label(reason)));

    public static string Postponed(GrowthTask task, Postponement p, int count, DateOnly today, Wording words) =>
        words.Text(TaskText.Postponed, ("id", task.ShortId), ("title", Escape(task.Title)), ("from", words.Date(p.FromDate, today)), ("to", words.Date(p.ToDate, today)),
            ("reason", Escape(Truncate(p.Reason, 200))), ("times", words.Times(count)));

    public static string Unblocked(GrowthTask task, Wording words) => words.Text(TaskText.Unblocked, ("id", task.ShortId), ("title", Escape(task.Title)));

    public static string NotBlocked(GrowthTask task, Wording words) => words.Text(TaskText.NotBlocked, ("id", task.ShortId));

    /// <summary>The answer to Still blocked: the blocker stays as it is.</summary>
    public static string StillBlocked(GrowthTask task, TaskBlock blocker, Wording words) =>
        words.Text(TaskText.StillBlocked, ("id", task.ShortId), ("title", Escape(task.Title)), ("since", words.Moment(blocker.CreatedAt)), ("reason", words.Label(blocker.Reason)));

    public static string NoLongerBlocked(GrowthTask task, Wording words) => words.Text(TaskText.NoLongerBlocked, ("id", task.ShortId));

    /// <summary>Why <c>/task new E3</c> cannot preselect <paramref name="typed"/>: not an id, no such experiment, or not open.</summary>
    public static string NotAnExperimentId(string typed, Wording words) => words.Text(TaskText.NotAnExperimentId, ("typed", Escape(Truncate(typed, 40))));

    public static string NoSuchExperiment(string id, Wording words) => words.Text(TaskText.NoSuchExperiment, ("id", id));

    public static string ExperimentClosed(Experiment experiment, Wording words) =>
        words.Text(TaskText.ExperimentClosed, ("id", experiment.ShortId), ("status", words.InSentence(experiment.Status)));
}
