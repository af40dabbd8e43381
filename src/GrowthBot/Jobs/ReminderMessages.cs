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
using GrowthBot.Resources;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Jobs;

/// <summary>
/// The DMs of the scheduled jobs; their buttons come from the handlers that answer them. Each is written for its
/// reader: in their language, greeted for their time of day, dates as that date, the team's own working days and report day.
/// </summary>
public static class ReminderMessages
{
    private const int MaxTasks = 15;
    private const int MaxBlocked = 20;

    /// <summary>A person's one nudge of the day: their overdue and blocked tasks, each with its buttons.</summary>
    public static Message Nudge(IReadOnlyList<GrowthTask> tasks, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var today = reader.LocalToday;
        var blocks = new List<Block> { new SectionBlock(words.Plural(ReminderText.NudgeIntro, tasks.Count, ("greeting", words.Greeting(reader.LocalTime)))) };
        foreach (var task in tasks.Take(MaxTasks))
        {
            var state = task.Blocker is { } blocker
                ? blocker.Note.Length > 0
                    ? words.Text(ReminderText.NudgeBlockedNote, ("reason", words.InSentence(blocker.Reason)), ("note", MrkdwnText.Escape(MrkdwnText.Truncate(blocker.Note, 200))))
                    : words.Text(ReminderText.NudgeBlocked, ("reason", words.InSentence(blocker.Reason)))
                : words.Text(ReminderText.NudgeOverdue, ("due", words.Date(task.DueDate, today)), ("ago", words.DaysAgo(today.DayNumber - task.DueDate.DayNumber)));
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{task.ShortId}* {MrkdwnText.Escape(task.Title)}\n{state}", BlockKitLimits.SectionText)));
            var buttons = new List<BlockElement> { TaskDoneButton.For(task, words), TaskPostponeButton.For(task, words) };
            if (task.IsBlocked) buttons.Add(TaskStillBlockedButton.For(task, words));
            blocks.Add(new ActionsBlock(buttons) { BlockId = $"task_{task.ShortId}" });
        }
        if (tasks.Count > MaxTasks) blocks.Add(new ContextBlock(words.Text(ReminderText.NudgeMore, ("count", tasks.Count - MaxTasks))));
        blocks.Add(new ContextBlock(words.Text(ReminderText.NudgeFooter,
            ("days", words.Days(team.Hours.WorkingDays)), ("time", words.Time(team.Hours.Opens)), ("pause", GrowthPauseCommand.Example(today)))));
        return new Message(words.Plural(ReminderText.NudgeFallback, tasks.Count, ("ids", string.Join(", ", tasks.Take(MaxTasks).Select(t => t.ShortId)))), blocks);
    }

    /// <summary>For the growth leads: every blocked task, counted by reason.</summary>
    public static Message BlockerSummary(IReadOnlyList<GrowthTask> blocked, DirectMessageWindow reader, Wording words)
    {
        var byReason = string.Join(", ", blocked.GroupBy(t => t.Blocker!.Reason).OrderByDescending(g => g.Count())
            .Select(g => words.Text(ReminderText.ReasonCount, ("reason", words.Label(g.Key)), ("count", g.Count()))));
        var lines = string.Join("\n", blocked.Take(MaxBlocked).Select(t => words.Text(ReminderText.BlockerLine,
            ("id", t.ShortId), ("title", MrkdwnText.Escape(MrkdwnText.Truncate(t.Title, 100))), ("owner", MrkdwnText.User(t.OwnerId)), ("reason", words.InSentence(t.Blocker!.Reason)))));
        if (blocked.Count > MaxBlocked) lines += "\n" + words.Text(ReminderText.BlockerMore, ("count", blocked.Count - MaxBlocked));
        var text = words.Plural(ReminderText.BlockerSummary, blocked.Count, ("greeting", words.Greeting(reader.LocalTime)), ("reasons", byReason)) + "\n" + lines;
        return new Message(words.Plural(ReminderText.BlockerFallback, blocked.Count, ("reasons", byReason)), [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText))]);
    }

    /// <summary>The weekly question to a key-result owner, one Check in button per key result.</summary>
    public static Message CheckIn(IReadOnlyList<KeyResult> keyResults, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var greeting = ("greeting", words.Greeting(reader.LocalTime));
        var intro = team.ReportDay is { } day ? words.Text(ReminderText.CheckIn, greeting, ("day", words.DayName(day))) : words.Text(ReminderText.CheckInNoDay, greeting);
        var blocks = new List<Block> { new SectionBlock(intro) };
        foreach (var k in keyResults.Take(20))
        {
            var progress = $"`{Progress.Bar(k.Percent())}` {words.Percent(k.Percent())} · {MrkdwnText.Escape(words.Progress(k.Current, k.Target, k.Unit))}";
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{k.ShortId}* {MrkdwnText.Escape(k.Name)}\n{progress}", BlockKitLimits.SectionText))
            {
                Accessory = OkrCheckInButton.For(k, words) with { Style = ButtonStyle.Primary },
            });
        }
        return new Message(words.Text(ReminderText.CheckInFallback, ("ids", string.Join(", ", keyResults.Select(k => k.ShortId)))), blocks);
    }

    /// <summary>The weekly DM to a sales person: the pipeline's numbers as last checked in, and a button to check in this week's.</summary>
    public static Message PipelineCheckIn(PipelineCheckIn? latest, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var greeting = ("greeting", words.Greeting(reader.LocalTime));
        var text = (team.ReportDay is { } day ? words.Text(PipelineText.Ask, greeting, ("day", words.DayName(day))) : words.Text(PipelineText.AskNoDay, greeting)) +
                   (latest is null ? "" : words.Text(PipelineText.AskLast, ("numbers", PipelineMessages.Numbers(latest, team.Currency, words))));
        return new Message(words.Text(PipelineText.AskFallback),
            [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)) { Accessory = PipelineCheckInButton.For(words) }]);
    }

    /// <summary>To the owner of a running experiment past its end date.</summary>
    public static Message ExperimentDue(Experiment e, DirectMessageWindow reader, TeamSettings team, Wording words)
    {
        var today = reader.LocalToday;
        (string, object?)[] args = [("id", e.ShortId), ("name", MrkdwnText.Escape(e.Name)), ("end", words.Date(e.EndDate, today)), ("ago", words.DaysAgo(today.DayNumber - e.EndDate.DayNumber))];
        var text = team.ReportDay is { } day
            ? words.Text(ReminderText.ExperimentDue, [.. args, ("day", words.DayName(day))])
            : words.Text(ReminderText.ExperimentDueNoDay, args);
        return new Message(words.Text(ReminderText.ExperimentDueFallback, ("id", e.ShortId), ("name", MrkdwnText.Escape(e.Name))),
            [new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)) { Accessory = ConcludeExperimentButton.For(e, words) }]);
    }
}
