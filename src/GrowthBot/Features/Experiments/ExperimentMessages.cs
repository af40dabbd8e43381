using GrowthBot.Resources;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;
using static GrowthBot.Slack.BlockKit.MrkdwnText;

namespace GrowthBot.Features.Experiments;

/// <summary>Everything the experiment card shows, loaded by the caller.</summary>
public sealed record ExperimentDetails(
    Experiment Experiment,
    IReadOnlyList<GrowthTask> Tasks,
    IReadOnlyList<Postponement> Postponements,
    IReadOnlyList<Learning> Learnings,
    IReadOnlyList<LeadFeedback> Feedback,
    KeyResult? KeyResult);

/// <summary>How experiments look in Slack: the confirmation, the list and the detail card.</summary>
public static class ExperimentMessages
{
    /// <summary>How many experiments of each group a list shows before summarising the rest.</summary>
    public const int ListLimit = 15;

    /// <summary>How many items each list on the card shows before summarising the rest.</summary>
    public const int CardListLimit = 8;

    /// <summary>Longest single line on the card, so a list of <see cref="CardListLimit"/> stays inside a section.</summary>
    private const int CardLineMax = 300;

    /// <summary>Longest task title on a card line, leaving room for owner, due date and flags.</summary>
    private const int TitleMax = 120;

    public static Message Created(Experiment e, Wording words, IReadOnlyList<SimilarExperiment>? similar = null)
    {
        var text = $":test_tube: Saved *{e.ShortId} · {Escape(e.Name)}* to the backlog.\n" +
                   $"*ICE {e.Ice.ScoreText}*: {e.Ice.Formula} (Impact + Confidence + Ease, divided by 3).";
        var blocks = new List<Block> { new SectionBlock(text) };
        if (similar is { Count: > 0 })
        {
            var lines = similar.Select(s => "• " + Truncate(SimilarLine(s.Experiment), CardLineMax));
            blocks.Add(new SectionBlock(Truncate(":mag: *Tested before?* These look similar:\n" + string.Join("\n", lines), BlockKitLimits.SectionText)));
        }
        blocks.Add(new ContextBlock($"Start it with `/experiment start {e.ShortId}` · see it with `/experiment show {e.ShortId}`"));
        // The fallback text is what notifications show, and Slack parses mentions in it too.
        var fallback = $"Saved {e.ShortId} · {Escape(e.Name)} (ICE {e.Ice.ScoreText})" + (similar is { Count: > 0 } ? $"; {words.Count(similar.Count, Counted.SimilarExperiment)} tested before" : "");
        return new Message(fallback, blocks);
    }

    /// <summary>The experiment started today (its start date) and runs to its end date.</summary>
    public static Message Started(Experiment e, Wording words)
    {
        var days = words.Count(e.EndDate.DayNumber - e.StartDate.DayNumber, Counted.Day);
        var (start, end) = (words.Date(e.StartDate, e.StartDate), words.Date(e.EndDate, e.StartDate));
        return new Message($"{e.ShortId} is running until {end}",
        [
            new SectionBlock(Truncate($":runner: *{e.ShortId} · {Escape(e.Name)}* is running: {start} → {end} ({days}).", BlockKitLimits.SectionText)),
            new ContextBlock($"Add its tasks with `/task new {e.ShortId}` · conclude it with `/experiment conclude {e.ShortId}` when it ends"),
        ]);
    }

    public static Message Concluded(Experiment e, Learning learning, KeyResult? keyResult, Wording words)
    {
        var cheer = e.Outcome == Outcome.DidNotWork ? " A failed experiment is a learning too: thanks for writing it down." : "";
        var text = $":checkered_flag: Concluded *{e.ShortId} · {Escape(e.Name)}*: *{Wording.English.Label(e.Outcome)}*, decision *{Wording.English.Label(e.Decision)}*.{cheer}\n" +
                   $"*Result:* {Escape(e.Result)}\n*Learning* (saved as `{learning.ShortId}`): {Escape(e.Learning)}";
        var blocks = new List<Block> { new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) };
        if (keyResult is not null) blocks.Add(new ContextBlock(Truncate($":chart_with_upwards_trend: {KeyResultLine(keyResult, words)}", BlockKitLimits.SectionText)));
        return new Message($"Concluded {e.ShortId} · {Escape(e.Name)}: {Wording.English.Label(e.Outcome)}", blocks);
    }

    public static Message Edited(Experiment e) => new($"Saved changes to {e.ShortId} · {Escape(e.Name)}",
    [
        new SectionBlock(Truncate($":pencil2: Saved changes to *{e.ShortId} · {Escape(e.Name)}*. *ICE {e.Ice.ScoreText}*: {e.Ice.Formula}.", BlockKitLimits.SectionText)),
        new ContextBlock($"See it with `/experiment show {e.ShortId}`"),
    ]);

    public static Message Abandoned(Experiment e) => new($"Abandoned {e.ShortId} · {Escape(e.Name)}",
    [
        new SectionBlock(Truncate($":wastebasket: Abandoned *{e.ShortId} · {Escape(e.Name)}*. It stays in the history; log it again with `/experiment new` if it comes back.", BlockKitLimits.SectionText)),
    ]);

    public static Message List(IReadOnlyList<Experiment> experiments, DateOnly today, Wording words)
    {
        var ordered = Experiment.InListOrder(experiments).ToList();
        var running = ordered.Where(e => e.Status == ExperimentStatus.Running).ToList();
        var backlog = ordered.Where(e => e.Status == ExperimentStatus.Backlog).ToList();
        if (running.Count == 0 && backlog.Count == 0)
            return new Message("No experiments yet. Log the first idea with /experiment new.",
                [new SectionBlock("No experiments yet. Log the first idea with `/experiment new`: anyone can, and the backlog ranks ideas by ICE.")]);

        var blocks = new List<Block> { new HeaderBlock("Experiments") };
        AddGroup(blocks, $":runner: *Running* ({words.Number(running.Count)})", running, "Nothing running. Start the top idea with `/experiment start <id>`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · {e.Stage} · owner {User(e.OwnerId)} · ends {words.Date(e.EndDate, today)}", words);
        AddGroup(blocks, $":bulb: *Backlog by ICE* ({words.Number(backlog.Count)})", backlog, "The backlog is empty. Log an idea with `/experiment new`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · ICE *{e.Ice.ScoreText}* ({e.Ice.Impact}/{e.Ice.Confidence}/{e.Ice.Ease}) · {e.Stage} · {User(e.OwnerId)}", words);
        blocks.Add(new ContextBlock("ICE = (Impact + Confidence + Ease) ÷ 3 · `/experiment show <id>` for details"));
        return new Message($"{words.Number(running.Count)} running, {words.Number(backlog.Count)} in the backlog", blocks);
    }

    /// <summary>
    /// The detail card: the experiment, its key result, conclusion, tasks, blockers, postponements, learnings and
    /// lead feedback. Every list is cut at <see cref="CardListLimit"/> ("…and N more"), so however much data there
    /// is the card stays within Slack's 50 blocks and 3000 characters per section. Start / Conclude buttons are
    /// shown to people who may use them (<paramref name="viewerCanAct"/>).
    /// </summary>
    public static Message Card(ExperimentDetails details, DateOnly today, Wording words, bool viewerCanAct)
    {
        var e = details.Experiment;
        var fields = new List<TextObject>
        {
            new Mrkdwn($"*Status*\n{Wording.English.Label(e.Status)}"),
            new Mrkdwn($"*Funnel stage*\n{e.Stage}"),
            new Mrkdwn($"*ICE {e.Ice.ScoreText}*\n{e.Ice.Formula}"),
            new Mrkdwn($"*Owner*\n{User(e.OwnerId)}"),
            new Mrkdwn($"*Dates*\n{words.Date(e.StartDate, today)} → {words.Date(e.EndDate, today)}"),
            new Mrkdwn(Truncate($"*Metric*\n{(e.Metric.Length > 0 ? Escape(e.Metric) : "_not set_")}", BlockKitLimits.SectionFieldText)),
        };
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($"{e.ShortId} · {e.Name}", BlockKitLimits.HeaderText)),
            new SectionBlock(Truncate($"*Hypothesis*\n{Escape(e.Hypothesis)}", BlockKitLimits.SectionText)),
            new SectionBlock { Fields = fields },
        };
        if (details.KeyResult is { } kr) blocks.Add(new SectionBlock(Truncate($"*Key result*\n{KeyResultLine(kr, words)}", BlockKitLimits.SectionText)));
        if (e.Outcome is { } outcome)
        {
            var conclusion = $"*Outcome:* {Wording.English.Label(outcome)}" +
                             (e.Result is { Length: > 0 } ? $"\n*Result:* {Escape(e.Result)}" : "") +
                             (e.Learning is { Length: > 0 } ? $"\n*Learning:* {Escape(e.Learning)}" : "") +
                             (e.Decision is { } decision ? $"\n*Decision:* {Wording.English.Label(decision)}" : "");
            blocks.Add(new SectionBlock(Truncate(conclusion, BlockKitLimits.SectionText)));
        }
        AddTasks(blocks, details, today, words);
        AddLearnings(blocks, details.Learnings, words);
        AddFeedback(blocks, details.Feedback, words);
        if (viewerCanAct)
        {
            BlockElement? button = e.Status switch
            {
                ExperimentStatus.Backlog => StartExperimentButton.For(e),
                ExperimentStatus.Running => ConcludeExperimentButton.For(e),
                _ => null,
            };
            if (button is not null) blocks.Add(new ActionsBlock([button]));
        }
        var logged = $"Logged by {User(e.CreatedBy)} on {Date(e.CreatedAt)}" +
                     (e.StartedAt is { } started ? $" · started {Date(started)}" : "") +
                     (e.ConcludedAt is { } ended ? $" · {(e.Status == ExperimentStatus.Abandoned ? "abandoned" : "concluded")} {Date(ended)}" : "");
        blocks.Add(new ContextBlock(logged));
        return new Message($"{e.ShortId} · {Escape(e.Name)}", blocks);
    }

    private static void AddTasks(List<Block> blocks, ExperimentDetails details, DateOnly today, Wording words)
    {
        var tasks = details.Tasks;
        if (tasks.Count == 0)
        {
            if (details.Experiment.IsOpen) blocks.Add(new ContextBlock($"No tasks yet. Outline the work with `/task new {details.Experiment.ShortId}`."));
            return;
        }
        var open = tasks.Where(t => t.IsOpen)
            .OrderBy(t => t.IsBlocked ? 0 : t.IsOverdue(today) ? 1 : 2)
            .ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList();
        var overdue = open.Count(t => t.IsOverdue(today));
        var blocked = open.Where(t => t.IsBlocked).ToList();
        var title = $"*Tasks* · {words.Number(open.Count)} open, {words.Number(tasks.Count - open.Count)} done" +
                    (overdue > 0 ? $" · :warning: {words.Number(overdue)} overdue" : "") + (blocked.Count > 0 ? $" · :no_entry: {words.Number(blocked.Count)} blocked" : "");
        blocks.Add(new SectionBlock(List(title, open, t =>
        {
            var flags = (t.IsBlocked ? " · :no_entry: blocked" : "") + (t.IsOverdue(today) ? " · :warning: overdue" : "") +
                        (t.Postponements > 0 ? $" · postponed {words.Times(t.Postponements)}" : "");
            // User text is cut first, so the mention and date after it are never cut in half.
            return $"`{t.ShortId}` {Escape(Truncate(t.Title, TitleMax))} · {User(t.OwnerId)} · due {words.Date(t.DueDate, today)}{flags}";
        }, Counted.OpenTask, words)));

        if (blocked.Count > 0)
            blocks.Add(new SectionBlock(List($"*Blockers* ({blocked.Count})", blocked, t =>
                $"`{t.ShortId}` {Wording.English.Label(t.Blocker!.Reason)} since {Date(t.Blocker.CreatedAt)}" + (t.Blocker.Note.Length > 0 ? $": {Escape(t.Blocker.Note)}" : ""),
                Counted.Blocker, words)));

        var postponedCount = tasks.Sum(t => t.Postponements);
        if (postponedCount > 0)
        {
            var byTask = tasks.ToDictionary(t => t.Id, t => t.ShortId);
            var latest = details.Postponements.OrderByDescending(p => p.CreatedAt).ToList();
            var postponedTasks = tasks.Count(t => t.Postponements > 0);
            blocks.Add(new SectionBlock(List(
                $"*Postponements* · {words.Number(postponedCount)} in all, on {words.Count(postponedTasks, Counted.Task)}; latest reasons:",
                latest, p => $"`{byTask.GetValueOrDefault(p.TaskId, "?")}` → {words.Date(p.ToDate, today)}: {Escape(p.Reason)}", Counted.Postponement, words)));
        }
    }

    private static void AddLearnings(List<Block> blocks, IReadOnlyList<Learning> learnings, Wording words)
    {
        if (learnings.Count == 0) return;
        var newestFirst = learnings.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Number).ToList();
        blocks.Add(new SectionBlock(List($":bulb: *Learnings* ({words.Number(learnings.Count)})", newestFirst, l => $"`{l.ShortId}` {Escape(l.Text)}", Counted.Learning, words)));
    }

    private static void AddFeedback(List<Block> blocks, IReadOnlyList<LeadFeedback> feedback, Wording words)
    {
        if (feedback.Count == 0) return;
        string Count(LeadQuality q) => words.Number(feedback.Count(f => f.Quality == q));
        var title = $":handshake: *Lead quality from sales* · Good {Count(LeadQuality.Good)} · Mixed {Count(LeadQuality.Mixed)} · Poor {Count(LeadQuality.Poor)}";
        var replies = feedback.Where(f => f.Text.Length > 0 || f.Reason is not null).OrderByDescending(f => f.CreatedAt).ToList();
        blocks.Add(new SectionBlock(List(title, replies, f =>
            $"{User(f.CreatedBy)}" + (f.Quality is { } q ? $" ({q})" : "") + (f.Reason is { } r ? $" · {Wording.English.InSentence(r)}" : "") +
            (f.Text.Length > 0 ? $": {Escape(f.Text)}" : ""), Counted.Reply, words)));
    }

    /// <summary>A titled list cut at <see cref="CardListLimit"/> lines of at most <see cref="CardLineMax"/> characters each.</summary>
    private static string List<T>(string title, IReadOnlyList<T> items, Func<T, string> line, Counted what, Wording words)
    {
        var lines = items.Take(CardListLimit).Select(i => "• " + Truncate(line(i), CardLineMax)).ToList();
        if (items.Count > CardListLimit) lines.Add($"_…and {words.More(items.Count - CardListLimit, what)}_");
        return Truncate(lines.Count == 0 ? title : title + "\n" + string.Join("\n", lines), BlockKitLimits.SectionText);
    }

    private static string SimilarLine(Experiment e)
    {
        var state = e.Status switch
        {
            ExperimentStatus.Concluded => $"*{Wording.English.Label(e.Outcome)}*" + (e.Result is { Length: > 0 } ? $": {Escape(e.Result)}" : "") +
                                          (e.Learning is { Length: > 0 } ? $" · learned: {Escape(e.Learning)}" : ""),
            ExperimentStatus.Running => $"running now, owner {User(e.OwnerId)}",
            ExperimentStatus.Backlog => "already in the backlog",
            _ => "abandoned",
        };
        return $"`{e.ShortId}` *{Escape(e.Name)}* — {state}";
    }

    /// <summary>e.g. <c>K1 · New leads: 26/100 leads · On track</c>.</summary>
    public static string KeyResultLine(KeyResult kr, Wording words) =>
        $"`{kr.ShortId}` {Escape(kr.Name)}: {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}" +
        (kr.Confidence is { } c ? $" · {Wording.English.Label(c)}" : "");

    private static void AddGroup(List<Block> blocks, string title, IReadOnlyList<Experiment> group, string empty, Func<Experiment, string> line, Wording words)
    {
        blocks.Add(new SectionBlock(title));
        if (group.Count == 0)
        {
            blocks.Add(new ContextBlock(empty));
            return;
        }
        // One section holds many lines; cut at the limit and say how many more there are.
        var lines = group.Take(ListLimit).Select(line).ToList();
        var text = string.Join("\n", lines);
        if (group.Count > ListLimit) text += $"\n_…and {words.Number(group.Count - ListLimit)} more_";
        blocks.Add(new SectionBlock(Truncate(text, BlockKitLimits.SectionText)));
    }
}
