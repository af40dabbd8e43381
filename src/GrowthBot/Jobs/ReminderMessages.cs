using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Jobs;

/// <summary>The DMs of the scheduled jobs; their buttons come from the handlers that answer them.</summary>
public static class ReminderMessages
{
    private const int MaxTasks = 15;

    /// <summary>A person's one nudge of the day: their overdue and blocked tasks, each with its buttons.</summary>
    public static Message Nudge(IReadOnlyList<GrowthTask> tasks, DateOnly today)
    {
        var blocks = new List<Block> { new SectionBlock($"Good morning! {Count(tasks.Count, "task")} of yours need{(tasks.Count == 1 ? "s" : "")} a look today:") };
        foreach (var task in tasks.Take(MaxTasks))
        {
            var state = task.IsBlocked
                ? $":no_entry: blocked ({task.Blocker!.Reason.Label().ToLowerInvariant()}{(task.Blocker.Note.Length > 0 ? ": " + MrkdwnText.Escape(MrkdwnText.Truncate(task.Blocker.Note, 200)) : "")})"
                : $":hourglass: was due {MrkdwnText.Date(task.DueDate)} ({today.DayNumber - task.DueDate.DayNumber} days ago)";
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{task.ShortId}* {MrkdwnText.Escape(task.Title)}\n{state}", BlockKitLimits.SectionText)));
            var buttons = new List<BlockElement> { TaskDoneButton.For(task), TaskPostponeButton.For(task) };
            if (task.IsBlocked) buttons.Add(TaskStillBlockedButton.For(task));
            blocks.Add(new ActionsBlock(buttons) { BlockId = $"task_{task.ShortId}" });
        }
        if (tasks.Count > MaxTasks) blocks.Add(new ContextBlock($"…and {tasks.Count - MaxTasks} more: `/task list mine` shows them all."));
        blocks.Add(new ContextBlock("One message a day on working days. Off for a while? `/growth pause 2026-12-24` stops these until that date."));
        return new Message($"{Count(tasks.Count, "task")} of yours need a look: {string.Join(", ", tasks.Take(MaxTasks).Select(t => t.ShortId))}", blocks);
    }

    /// <summary>For the growth leads: every blocked task, counted by reason.</summary>
    public static Message BlockerSummary(IReadOnlyList<GrowthTask> blocked)
    {
        var byReason = string.Join(", ", blocked.GroupBy(t => t.Blocker!.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key.Label().ToLowerInvariant()}"));
        var lines = string.Join("\n", blocked.Take(20).Select(t =>
            $"• *{t.ShortId}* {MrkdwnText.Escape(MrkdwnText.Truncate(t.Title, 100))} · {MrkdwnText.User(t.OwnerId)} · {t.Blocker!.Reason.Label().ToLowerInvariant()}"));
        if (blocked.Count > 20) lines += $"\n…and {blocked.Count - 20} more";
        var text = $"*{Count(blocked.Count, "blocked task")}* today ({byReason}):\n{lines}";
        return new Message($"{Count(blocked.Count, "blocked task")} today: {byReason}", [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText))]);
    }

    /// <summary>Friday's question to a key-result owner, one Check in button per key result.</summary>
    public static Message CheckIn(IReadOnlyList<KeyResult> keyResults)
    {
        var blocks = new List<Block> { new SectionBlock("Happy Friday! What are your key results at now? Monday's report will show the new numbers.") };
        foreach (var k in keyResults.Take(20))
        {
            var progress = new KeyResultProgress(k);
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{k.ShortId}* {MrkdwnText.Escape(k.Name)}\n`{Progress.Bar(progress.Percent)}` {MrkdwnText.Escape(progress.Numbers)}", BlockKitLimits.SectionText))
            {
                Accessory = OkrCheckInButton.For(k) with { Style = ButtonStyle.Primary },
            });
        }
        return new Message($"Time to check in: {string.Join(", ", keyResults.Select(k => k.ShortId))}", blocks);
    }

    /// <summary>To the owner of a running experiment past its end date.</summary>
    public static Message ExperimentDue(Experiment e, DateOnly today)
    {
        var text = $"*{e.ShortId} {MrkdwnText.Escape(e.Name)}* was planned to end {MrkdwnText.Date(e.EndDate)} ({Count(today.DayNumber - e.EndDate.DayNumber, "day")} ago). " +
                   "What happened? Concluding it puts its result and learning in Monday's report.";
        return new Message($"{e.ShortId} {MrkdwnText.Escape(e.Name)} is past its end date: time to conclude it",
            [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)) { Accessory = ConcludeExperimentButton.For(e) }]);
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
