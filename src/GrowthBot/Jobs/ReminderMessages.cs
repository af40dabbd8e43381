using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Growth;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Pipeline;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Jobs;

/// <summary>
/// The DMs of the scheduled jobs; their buttons come from the handlers that answer them. Each is written for its
/// reader: greeted for their time of day, dates as that date, the team's own working days and report day.
/// </summary>
public static class ReminderMessages
{
    private const int MaxTasks = 15;

    /// <summary>A person's one nudge of the day: their overdue and blocked tasks, each with its buttons.</summary>
    public static Message Nudge(IReadOnlyList<GrowthTask> tasks, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var today = reader.LocalToday;
        var count = words.Count(tasks.Count, Counted.Task);
        var blocks = new List<Block> { new SectionBlock($"{words.Greeting(reader.LocalTime)}! Here's what needs a look today, {count} of yours:") };
        foreach (var task in tasks.Take(MaxTasks))
        {
            var state = task.IsBlocked
                ? $":no_entry: blocked ({task.Blocker!.Reason.Label().ToLowerInvariant()}{(task.Blocker.Note.Length > 0 ? ": " + MrkdwnText.Escape(MrkdwnText.Truncate(task.Blocker.Note, 200)) : "")})"
                : $":hourglass: was due {words.Date(task.DueDate, today)} ({words.DaysAgo(today.DayNumber - task.DueDate.DayNumber)})";
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{task.ShortId}* {MrkdwnText.Escape(task.Title)}\n{state}", BlockKitLimits.SectionText)));
            var buttons = new List<BlockElement> { TaskDoneButton.For(task), TaskPostponeButton.For(task) };
            if (task.IsBlocked) buttons.Add(TaskStillBlockedButton.For(task));
            blocks.Add(new ActionsBlock(buttons) { BlockId = $"task_{task.ShortId}" });
        }
        if (tasks.Count > MaxTasks) blocks.Add(new ContextBlock($"…and {words.Number(tasks.Count - MaxTasks)} more: `/task list mine` shows them all."));
        blocks.Add(new ContextBlock($"One message a day, {words.Days(team.Hours.WorkingDays)}, from {words.Time(team.Hours.Opens)} your time. " +
                                    $"Off for a while? `{GrowthPauseCommand.Example(today)}` stops these until that date."));
        return new Message($"{count} of yours to look at: {string.Join(", ", tasks.Take(MaxTasks).Select(t => t.ShortId))}", blocks);
    }

    /// <summary>For the growth leads: every blocked task, counted by reason.</summary>
    public static Message BlockerSummary(IReadOnlyList<GrowthTask> blocked, DirectMessageWindow reader, Wording words)
    {
        var byReason = string.Join(", ", blocked.GroupBy(t => t.Blocker!.Reason).OrderByDescending(g => g.Count()).Select(g => $"{g.Key.Label()}: {words.Number(g.Count())}"));
        var lines = string.Join("\n", blocked.Take(20).Select(t =>
            $"• *{t.ShortId}* {MrkdwnText.Escape(MrkdwnText.Truncate(t.Title, 100))} · {MrkdwnText.User(t.OwnerId)} · {t.Blocker!.Reason.Label().ToLowerInvariant()}"));
        if (blocked.Count > 20) lines += $"\n…and {words.Number(blocked.Count - 20)} more";
        var count = words.Count(blocked.Count, Counted.BlockedTask);
        var text = $"{words.Greeting(reader.LocalTime)}! *{count}* in the team today ({byReason}):\n{lines}";
        return new Message($"{count} today: {byReason}", [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText))]);
    }

    /// <summary>The weekly question to a key-result owner, one Check in button per key result.</summary>
    public static Message CheckIn(IReadOnlyList<KeyResult> keyResults, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var blocks = new List<Block> { new SectionBlock($"{words.Greeting(reader.LocalTime)}! Time to check in: what are your key results at now? {NextReport(team, words)} will show the new numbers.") };
        foreach (var k in keyResults.Take(20))
        {
            var progress = $"`{Progress.Bar(k.Percent())}` {words.Percent(k.Percent())} · {MrkdwnText.Escape(words.Progress(k.Current, k.Target, k.Unit))}";
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{k.ShortId}* {MrkdwnText.Escape(k.Name)}\n{progress}", BlockKitLimits.SectionText))
            {
                Accessory = OkrCheckInButton.For(k) with { Style = ButtonStyle.Primary },
            });
        }
        return new Message($"Time to check in: {string.Join(", ", keyResults.Select(k => k.ShortId))}", blocks);
    }

    /// <summary>The weekly DM to a sales person: the pipeline's numbers as last checked in, and a button to check in this week's.</summary>
    public static Message PipelineCheckIn(PipelineCheckIn? latest, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var last = latest is null ? "" : $" Last time: {PipelineMessages.Numbers(latest, team.Currency, words)}.";
        var text = $"{words.Greeting(reader.LocalTime)}! Could you check in the pipeline's numbers for this week? {NextReport(team, words)} shows its velocity and what moved it.{last}";
        return new Message("Time to check in the pipeline's numbers",
            [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)) { Accessory = PipelineCheckInButton.For() }]);
    }

    /// <summary>To the owner of a running experiment past its end date.</summary>
    public static Message ExperimentDue(Experiment e, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var today = reader.LocalToday;
        var text = $"*{e.ShortId} {MrkdwnText.Escape(e.Name)}* was planned to end {words.Date(e.EndDate, today)} ({words.DaysAgo(today.DayNumber - e.EndDate.DayNumber)}). " +
                   $"What happened? Concluding it puts its result and learning in {NextReport(team, words, lowerCase: true)}.";
        return new Message($"{e.ShortId} {MrkdwnText.Escape(e.Name)} is past its end date: time to conclude it",
            [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)) { Accessory = ConcludeExperimentButton.For(e) }]);
    }

    /// <summary>"Monday's report", on the day the team's report actually goes out.</summary>
    private static string NextReport(TeamSettings team, Wording words, bool lowerCase = false) =>
        team.ReportDay is { } day ? $"{words.DayName(day)}'s report" : lowerCase ? "the next weekly report" : "The next weekly report";
}
