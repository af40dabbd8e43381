using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
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

    public static Message Created(Experiment e, IReadOnlyList<SimilarExperiment>? similar = null)
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
        var fallback = $"Saved {e.ShortId} · {Escape(e.Name)} (ICE {e.Ice.ScoreText})" + (similar is { Count: > 0 } ? $"; {similar.Count} similar experiment(s) tested before" : "");
        return new Message(fallback, blocks);
    }

    public static Message Started(Experiment e)
    {
        var days = e.EndDate.DayNumber - e.StartDate.DayNumber;
        return new Message($"{e.ShortId} is running until {e.EndDate:yyyy-MM-dd}",
        [
            new SectionBlock(Truncate($":runner: *{e.ShortId} · {Escape(e.Name)}* is running: {Date(e.StartDate)} → {Date(e.EndDate)} ({days} {(days == 1 ? "day" : "days")}).", BlockKitLimits.SectionText)),
            new ContextBlock($"Add its tasks with `/task new {e.ShortId}` · conclude it with `/experiment conclude {e.ShortId}` when it ends"),
        ]);
    }

    public static Message Concluded(Experiment e, Learning learning, KeyResult? keyResult)
    {
        var cheer = e.Outcome == Outcome.DidNotWork ? " A failed experiment is a learning too: thanks for writing it down." : "";
        var text = $":checkered_flag: Concluded *{e.ShortId} · {Escape(e.Name)}*: *{e.Outcome?.Label()}*, decision *{e.Decision?.Label()}*.{cheer}\n" +
                   $"*Result:* {Escape(e.Result)}\n*Learning* (saved as `{learning.ShortId}`): {Escape(e.Learning)}";
        var blocks = new List<Block> { new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) };
        if (keyResult is not null) blocks.Add(new ContextBlock(Truncate($":chart_with_upwards_trend: {KeyResultLine(keyResult)}", BlockKitLimits.SectionText)));
        return new Message($"Concluded {e.ShortId} · {Escape(e.Name)}: {e.Outcome?.Label()}", blocks);
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

    public static Message List(IReadOnlyList<Experiment> experiments)
    {
        var ordered = Experiment.InListOrder(experiments).ToList();
        var running = ordered.Where(e => e.Status == ExperimentStatus.Running).ToList();
        var backlog = ordered.Where(e => e.Status == ExperimentStatus.Backlog).ToList();
        if (running.Count == 0 && backlog.Count == 0)
            return new Message("No experiments yet. Log the first idea with /experiment new.",
                [new SectionBlock("No experiments yet. Log the first idea with `/experiment new`: anyone can, and the backlog ranks ideas by ICE.")]);

        var blocks = new List<Block> { new HeaderBlock("Experiments") };
        AddGroup(blocks, $":runner: *Running* ({running.Count})", running, "Nothing running. Start the top idea with `/experiment start <id>`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · {e.Stage} · owner {User(e.OwnerId)} · ends {Date(e.EndDate)}");
        AddGroup(blocks, $":bulb: *Backlog by ICE* ({backlog.Count})", backlog, "The backlog is empty. Log an idea with `/experiment new`.", e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · ICE *{e.Ice.ScoreText}* ({e.Ice.Impact}/{e.Ice.Confidence}/{e.Ice.Ease}) · {e.Stage} · {User(e.OwnerId)}");
        blocks.Add(new ContextBlock("ICE = (Impact + Confidence + Ease) ÷ 3 · `/experiment show <id>` for details"));
        return new Message($"{running.Count} running, {backlog.Count} in the backlog", blocks);
    }

    /// <summary>The card of an experiment alone (no tasks, learnings or feedback loaded).</summary>
    public static Message Card(Experiment e) => Card(new ExperimentDetails(e, [], [], [], [], null), today: null, viewerCanAct: false);

    /// <summary>
    /// The detail card: the experiment, its key result, conclusion, tasks, blockers, postponements, learnings and
    /// lead feedback. Every list is cut at <see cref="CardListLimit"/> ("…and N more"), so however much data there
    /// is the card stays within Slack's 50 blocks and 3000 characters per section. Start / Conclude buttons are
    /// shown to people who may use them (<paramref name="viewerCanAct"/>).
    /// </summary>
    public static Message Card(ExperimentDetails details, DateOnly? today, bool viewerCanAct)
    {
        var e = details.Experiment;
        var fields = new List<TextObject>
        {
            new Mrkdwn($"*Status*\n{e.Status.Label()}"),
            new Mrkdwn($"*Funnel stage*\n{e.Stage}"),
            new Mrkdwn($"*ICE {e.Ice.ScoreText}*\n{e.Ice.Formula}"),
            new Mrkdwn($"*Owner*\n{User(e.OwnerId)}"),
            new Mrkdwn($"*Dates*\n{Date(e.StartDate)} → {Date(e.EndDate)}"),
            new Mrkdwn(Truncate($"*Metric*\n{(e.Metric.Length > 0 ? Escape(e.Metric) : "_not set_")}", BlockKitLimits.SectionFieldText)),
        };
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($"{e.ShortId} · {e.Name}", BlockKitLimits.HeaderText)),
            new SectionBlock(Truncate($"*Hypothesis*\n{Escape(e.Hypothesis)}", BlockKitLimits.SectionText)),
            new SectionBlock { Fields = fields },
        };
        if (details.KeyResult is { } kr) blocks.Add(new SectionBlock(Truncate($"*Key result*\n{KeyResultLine(kr)}", BlockKitLimits.SectionText)));
        if (e.Outcome is { } outcome)
        {
            var conclusion = $"*Outcome:* {outcome.Label()}" +
                             (e.Result is { Length: > 0 } ? $"\n*Result:* {Escape(e.Result)}" : "") +
                             (e.Learning is { Length: > 0 } ? $"\n*Learning:* {Escape(e.Learning)}" : "") +
                             (e.Decision is { } decision ? $"\n*Decision:* {decision.Label()}" : "") +
                             (e.NextStep is { Length: > 0 } next ? $"\n*Next step:* {Escape(next)}" : "");
            blocks.Add(new SectionBlock(Truncate(conclusion, BlockKitLimits.SectionText)));
        }
        AddTasks(blocks, details, today);
        AddLearnings(blocks, details.Learnings);
        AddFeedback(blocks, details.Feedback);
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

    private static void AddTasks(List<Block> blocks, ExperimentDetails details, DateOnly? today)
    {
        var tasks = details.Tasks;
        if (tasks.Count == 0)
        {
            if (details.Experiment.IsOpen) blocks.Add(new ContextBlock($"No tasks yet. Outline the work with `/task new {details.Experiment.ShortId}`."));
            return;
        }
        var open = tasks.Where(t => t.IsOpen)
            .OrderBy(t => t.IsBlocked ? 0 : today is { } d && t.IsOverdue(d) ? 1 : 2)
            .ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList();
        var overdue = today is { } day ? open.Count(t => t.IsOverdue(day)) : 0;
        var blocked = open.Where(t => t.IsBlocked).ToList();
        var title = $"*Tasks* · {open.Count} open, {tasks.Count - open.Count} done" +
                    (overdue > 0 ? $" · :warning: {overdue} overdue" : "") + (blocked.Count > 0 ? $" · :no_entry: {blocked.Count} blocked" : "");
        blocks.Add(new SectionBlock(List(title, open, t =>
        {
            var flags = (t.IsBlocked ? " · :no_entry: blocked" : "") + (today is { } d && t.IsOverdue(d) ? " · :warning: overdue" : "") +
                        (t.Postponements > 0 ? $" · postponed {t.Postponements}×" : "");
            // User text is cut first, so the mention and date after it are never cut in half.
            return $"`{t.ShortId}` {Escape(Truncate(t.Title, TitleMax))} · {User(t.OwnerId)} · due {Date(t.DueDate)}{flags}";
        }, "open tasks")));

        if (blocked.Count > 0)
            blocks.Add(new SectionBlock(List($"*Blockers* ({blocked.Count})", blocked, t =>
                $"`{t.ShortId}` {t.Blocker!.Reason.Label()} since {Date(t.Blocker.CreatedAt)}" + (t.Blocker.Note.Length > 0 ? $": {Escape(t.Blocker.Note)}" : ""),
                "blockers")));

        var postponedCount = tasks.Sum(t => t.Postponements);
        if (postponedCount > 0)
        {
            var byTask = tasks.ToDictionary(t => t.Id, t => t.ShortId);
            var latest = details.Postponements.OrderByDescending(p => p.CreatedAt).ToList();
            var postponedTasks = tasks.Count(t => t.Postponements > 0);
            blocks.Add(new SectionBlock(List(
                $"*Postponements* · {postponedCount} in all, on {postponedTasks} {(postponedTasks == 1 ? "task" : "tasks")}; latest reasons:",
                latest, p => $"`{byTask.GetValueOrDefault(p.TaskId, "?")}` → {Date(p.ToDate)}: {Escape(p.Reason)}", "postponements")));
        }
    }

    private static void AddLearnings(List<Block> blocks, IReadOnlyList<Learning> learnings)
    {
        if (learnings.Count == 0) return;
        var newestFirst = learnings.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Number).ToList();
        blocks.Add(new SectionBlock(List($":bulb: *Learnings* ({learnings.Count})", newestFirst, l => $"`{l.ShortId}` {Escape(l.Text)}", "learnings")));
    }

    private static void AddFeedback(List<Block> blocks, IReadOnlyList<LeadFeedback> feedback)
    {
        if (feedback.Count == 0) return;
        int Count(LeadQuality q) => feedback.Count(f => f.Quality == q);
        var title = $":handshake: *Lead quality from sales* · Good {Count(LeadQuality.Good)} · Mixed {Count(LeadQuality.Mixed)} · Poor {Count(LeadQuality.Poor)}";
        var replies = feedback.Where(f => f.Text.Length > 0 || f.Reason is not null).OrderByDescending(f => f.CreatedAt).ToList();
        blocks.Add(new SectionBlock(List(title, replies, f =>
            $"{User(f.CreatedBy)}" + (f.Quality is { } q ? $" ({q})" : "") + (f.Reason is { } r ? $" · {r.Label().ToLowerInvariant()}" : "") +
            (f.Text.Length > 0 ? $": {Escape(f.Text)}" : ""), "replies")));
    }

    /// <summary>A titled list cut at <see cref="CardListLimit"/> lines of at most <see cref="CardLineMax"/> characters each.</summary>
    private static string List<T>(string title, IReadOnlyList<T> items, Func<T, string> line, string what)
    {
        var lines = items.Take(CardListLimit).Select(i => "• " + Truncate(line(i), CardLineMax)).ToList();
        if (items.Count > CardListLimit) lines.Add($"_…and {items.Count - CardListLimit} more {what}_");
        return Truncate(lines.Count == 0 ? title : title + "\n" + string.Join("\n", lines), BlockKitLimits.SectionText);
    }

    private static string SimilarLine(Experiment e)
    {
        var state = e.Status switch
        {
            ExperimentStatus.Concluded => $"*{e.Outcome?.Label()}*" + (e.Result is { Length: > 0 } ? $": {Escape(e.Result)}" : "") +
                                          (e.Learning is { Length: > 0 } ? $" · learned: {Escape(e.Learning)}" : ""),
            ExperimentStatus.Running => $"running now, owner {User(e.OwnerId)}",
            ExperimentStatus.Backlog => "already in the backlog",
            _ => "abandoned",
        };
        return $"`{e.ShortId}` *{Escape(e.Name)}* — {state}";
    }

    /// <summary>e.g. <c>K1 · New leads: 26/100 leads · On track</c>.</summary>
    public static string KeyResultLine(KeyResult kr) =>
        $"`{kr.ShortId}` {Escape(kr.Name)}: {ConcludeExperimentModal.Number(kr.Current)}/{ConcludeExperimentModal.Number(kr.Target)} {Escape(kr.Unit)}" +
        (kr.Confidence is { } c ? $" · {c.Label()}" : "");

    private static void AddGroup(List<Block> blocks, string title, IReadOnlyList<Experiment> group, string empty, Func<Experiment, string> line)
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
        if (group.Count > ListLimit) text += $"\n_…and {group.Count - ListLimit} more_";
        blocks.Add(new SectionBlock(Truncate(text, BlockKitLimits.SectionText)));
    }
}
