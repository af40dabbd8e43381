using GrowthBot.Resources;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Money;
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
        var text = words.Text(ExperimentText.Created, ("id", e.ShortId), ("name", Escape(e.Name)), ("score", words.IceScore(e.Ice)), ("formula", words.IceFormula(e.Ice)));
        var blocks = new List<Block> { new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) };
        if (similar is { Count: > 0 })
        {
            var lines = similar.Select(s => "• " + Truncate(SimilarLine(s.Experiment, words), CardLineMax));
            blocks.Add(new SectionBlock(Truncate(words.Text(ExperimentText.SimilarTitle) + "\n" + string.Join("\n", lines), BlockKitLimits.SectionText)));
        }
        blocks.Add(new ContextBlock(words.Text(ExperimentText.CreatedHint, ("id", e.ShortId))));
        // The fallback text is what notifications show, and Slack parses mentions in it too.
        var fallback = words.Text(ExperimentText.CreatedFallback, ("id", e.ShortId), ("name", Escape(e.Name)), ("score", words.IceScore(e.Ice)));
        if (similar is { Count: > 0 })
            fallback = words.Text(ExperimentText.CreatedFallbackSimilar, ("saved", fallback), ("similar", words.Count(similar.Count, Counted.SimilarExperiment)));
        return new Message(fallback, blocks);
    }

    /// <summary>The experiment started today (its start date) and runs to its end date.</summary>
    public static Message Started(Experiment e, Wording words)
    {
        var days = words.Count(e.EndDate.DayNumber - e.StartDate.DayNumber, Counted.Day);
        var (start, end) = (words.Date(e.StartDate, e.StartDate), words.Date(e.EndDate, e.StartDate));
        return new Message(words.Text(ExperimentText.StartedFallback, ("id", e.ShortId), ("end", end)),
        [
            new SectionBlock(Truncate(words.Text(ExperimentText.Started, ("id", e.ShortId), ("name", Escape(e.Name)), ("start", start), ("end", end), ("days", days)), BlockKitLimits.SectionText)),
            new ContextBlock(words.Text(ExperimentText.StartedHint, ("id", e.ShortId))),
        ]);
    }

    public static Message Concluded(Experiment e, Learning learning, KeyResult? keyResult, Currency currency, Wording words)
    {
        var text = words.Text(ExperimentText.Concluded, ("id", e.ShortId), ("name", Escape(e.Name)), ("outcome", words.Label(e.Outcome)), ("decision", words.Label(e.Decision))) +
                   (e.Outcome == Outcome.DidNotWork ? " " + words.Text(ExperimentText.ConcludedCheer) : "") + "\n" +
                   words.Text(ExperimentText.ConcludedDetails, ("result", Escape(e.Result)), ("learning", learning.ShortId), ("text", Escape(e.Learning)));
        var blocks = new List<Block> { new SectionBlock(Truncate(text, BlockKitLimits.SectionText)) };
        if (keyResult is not null) blocks.Add(new ContextBlock(Truncate($":chart_with_upwards_trend: {KeyResultLine(keyResult, words)}", BlockKitLimits.SectionText)));
        if (e.HasMoney) blocks.Add(new ContextBlock($":moneybag: {Escape(words.Spend(e, currency))}"));
        return new Message(words.Text(ExperimentText.ConcludedFallback, ("id", e.ShortId), ("name", Escape(e.Name)), ("outcome", words.Label(e.Outcome))), blocks);
    }

    public static Message Edited(Experiment e, Wording words) => new(words.Text(ExperimentText.EditedFallback, ("id", e.ShortId), ("name", Escape(e.Name))),
    [
        new SectionBlock(Truncate(words.Text(ExperimentText.Edited, ("id", e.ShortId), ("name", Escape(e.Name)), ("score", words.IceScore(e.Ice)), ("formula", words.IceFormula(e.Ice))), BlockKitLimits.SectionText)),
        new ContextBlock(words.Text(ExperimentText.SeeIt, ("id", e.ShortId))),
    ]);

    public static Message Abandoned(Experiment e, Wording words) => new(words.Text(ExperimentText.AbandonedFallback, ("id", e.ShortId), ("name", Escape(e.Name))),
    [
        new SectionBlock(Truncate(words.Text(ExperimentText.Abandoned, ("id", e.ShortId), ("name", Escape(e.Name))), BlockKitLimits.SectionText)),
    ]);

    public static Message List(IReadOnlyList<Experiment> experiments, DateOnly today, Wording words)
    {
        var ordered = Experiment.InListOrder(experiments).ToList();
        var running = ordered.Where(e => e.Status == ExperimentStatus.Running).ToList();
        var backlog = ordered.Where(e => e.Status == ExperimentStatus.Backlog).ToList();
        if (running.Count == 0 && backlog.Count == 0)
            return new Message(words.Text(ExperimentText.ListEmpty), [new SectionBlock(words.Text(ExperimentText.ListEmpty))]);

        var blocks = new List<Block> { new HeaderBlock(words.Text(ExperimentText.ListHeader)) };
        AddGroup(blocks, words.Text(ExperimentText.ListRunning, ("count", running.Count)), running, words.Text(ExperimentText.ListRunningEmpty), e =>
            words.Text(ExperimentText.ListRunningLine, ("id", e.ShortId), ("name", Escape(e.Name)), ("stage", words.Label(e.Stage)), ("owner", User(e.OwnerId)), ("end", words.Date(e.EndDate, today))), words);
        AddGroup(blocks, words.Text(ExperimentText.ListBacklog, ("count", backlog.Count)), backlog, words.Text(ExperimentText.ListBacklogEmpty), e =>
            $"`{e.ShortId}` *{Escape(e.Name)}* · ICE *{words.IceScore(e.Ice)}* ({e.Ice.Impact}/{e.Ice.Confidence}/{e.Ice.Ease}) · {words.Label(e.Stage)} · {User(e.OwnerId)}", words);
        blocks.Add(new ContextBlock(words.Text(ExperimentText.ListFooter)));
        return new Message(words.Text(ExperimentText.ListFallback, ("running", running.Count), ("backlog", backlog.Count)), blocks);
    }

    /// <summary>
    /// The detail card: the experiment, its key result, conclusion, tasks, blockers, postponements, learnings and
    /// lead feedback. Every list is cut at <see cref="CardListLimit"/> ("…and N more"), so however much data there
    /// is the card stays within Slack's 50 blocks and 3000 characters per section. Start / Conclude buttons are
    /// shown to people who may use them (<paramref name="viewerCanAct"/>).
    /// </summary>
    public static Message Card(ExperimentDetails details, DateOnly today, Currency currency, Wording words, bool viewerCanAct)
    {
        var e = details.Experiment;
        var fields = new List<TextObject>
        {
            new Mrkdwn(words.Field(words.Text(ExperimentText.FieldStatus), words.Label(e.Status))),
            new Mrkdwn(words.Field(words.Text(ExperimentText.FieldStage), words.Label(e.Stage))),
            new Mrkdwn(words.Field($"ICE {words.IceScore(e.Ice)}", words.IceFormula(e.Ice))),
            new Mrkdwn(words.Field(words.Text(ExperimentText.FieldOwner), User(e.OwnerId))),
            new Mrkdwn(words.Field(words.Text(ExperimentText.FieldDates), $"{words.Date(e.StartDate, today)} → {words.Date(e.EndDate, today)}")),
            new Mrkdwn(Truncate(words.Field(words.Text(ExperimentText.FieldMetric), e.Metric.Length > 0 ? Escape(e.Metric) : words.Text(ExperimentText.MetricNotSet)), BlockKitLimits.SectionFieldText)),
        };
        var blocks = new List<Block>
        {
            new HeaderBlock(Truncate($"{e.ShortId} · {e.Name}", BlockKitLimits.HeaderText)),
            new SectionBlock(Truncate(words.Field(words.Text(ExperimentText.FieldHypothesis), Escape(e.Hypothesis)), BlockKitLimits.SectionText)),
            new SectionBlock { Fields = fields },
        };
        if (details.KeyResult is { } kr) blocks.Add(new SectionBlock(Truncate(words.Field(words.Text(ExperimentText.FieldKeyResult), KeyResultLine(kr, words)), BlockKitLimits.SectionText)));
        if (e.HasMoney) blocks.Add(new SectionBlock(Truncate(words.Text(MoneyText.CardMoney, ("money", Escape(words.Spend(e, currency)))), BlockKitLimits.SectionText)));
        else if (e.IsOpen) blocks.Add(new ContextBlock(words.Text(MoneyText.CardNoMoney, ("id", e.ShortId))));
        if (e.Outcome is { } outcome)
        {
            var conclusion = words.LabelledLine(words.Text(ExperimentText.FieldOutcome), words.Label(outcome)) +
                             (e.Result is { Length: > 0 } ? "\n" + words.LabelledLine(words.Text(ExperimentText.FieldResult), Escape(e.Result)) : "") +
                             (e.Learning is { Length: > 0 } ? "\n" + words.LabelledLine(words.Text(ExperimentText.FieldLearning), Escape(e.Learning)) : "") +
                             (e.Decision is { } decision ? "\n" + words.LabelledLine(words.Text(ExperimentText.FieldDecision), words.Label(decision)) : "") +
                             (e.NextStep is { Length: > 0 } next ? "\n" + words.LabelledLine(words.Text(ExperimentText.FieldNextStep), Escape(next)) : "");
            blocks.Add(new SectionBlock(Truncate(conclusion, BlockKitLimits.SectionText)));
        }
        AddTasks(blocks, details, today, words);
        AddLearnings(blocks, details.Learnings, words);
        AddFeedback(blocks, details.Feedback, words);
        if (viewerCanAct)
        {
            BlockElement? button = e.Status switch
            {
                ExperimentStatus.Backlog => StartExperimentButton.For(e, words),
                ExperimentStatus.Running => ConcludeExperimentButton.For(e, words),
                _ => null,
            };
            if (button is not null) blocks.Add(new ActionsBlock([button]));
        }
        var logged = words.Text(ExperimentText.CardLogged, ("user", User(e.CreatedBy)), ("date", words.Moment(e.CreatedAt))) +
                     (e.StartedAt is { } started ? words.Text(ExperimentText.CardStarted, ("date", words.Moment(started))) : "") +
                     (e.ConcludedAt is { } ended
                         ? words.Text(e.Status == ExperimentStatus.Abandoned ? ExperimentText.CardAbandoned : ExperimentText.CardConcluded, ("date", words.Moment(ended)))
                         : "");
        blocks.Add(new ContextBlock(logged));
        return new Message($"{e.ShortId} · {Escape(e.Name)}", blocks);
    }

    private static void AddTasks(List<Block> blocks, ExperimentDetails details, DateOnly today, Wording words)
    {
        var tasks = details.Tasks;
        if (tasks.Count == 0)
        {
            if (details.Experiment.IsOpen) blocks.Add(new ContextBlock(words.Text(ExperimentText.NoTasks, ("id", details.Experiment.ShortId))));
            return;
        }
        var open = tasks.Where(t => t.IsOpen)
            .OrderBy(t => t.IsBlocked ? 0 : t.IsOverdue(today) ? 1 : 2)
            .ThenBy(t => t.DueDate).ThenBy(t => t.Number).ToList();
        var overdue = open.Count(t => t.IsOverdue(today));
        var blocked = open.Where(t => t.IsBlocked).ToList();
        var title = words.Text(ExperimentText.TasksTitle, ("open", open.Count), ("done", tasks.Count - open.Count)) +
                    (overdue > 0 ? words.Text(ExperimentText.TasksOverdue, ("count", overdue)) : "") +
                    (blocked.Count > 0 ? words.Text(ExperimentText.TasksBlocked, ("count", blocked.Count)) : "");
        blocks.Add(new SectionBlock(List(title, open, t =>
        {
            var flags = (t.IsBlocked ? words.Text(ExperimentText.FlagBlocked) : "") + (t.IsOverdue(today) ? words.Text(ExperimentText.FlagOverdue) : "") +
                        (t.Postponements > 0 ? words.Text(ExperimentText.FlagPostponed, ("times", words.Times(t.Postponements))) : "");
            // User text is cut first, so the mention and date after it are never cut in half.
            return words.Text(ExperimentText.TaskLine, ("id", t.ShortId), ("title", Escape(Truncate(t.Title, TitleMax))), ("owner", User(t.OwnerId)), ("due", words.Date(t.DueDate, today)), ("flags", flags));
        }, Counted.OpenTask, words)));

        if (blocked.Count > 0)
            blocks.Add(new SectionBlock(List(words.Text(ExperimentText.BlockersTitle, ("count", blocked.Count)), blocked, t =>
                words.Text(ExperimentText.BlockerLine, ("id", t.ShortId), ("reason", words.Label(t.Blocker!.Reason)), ("date", words.Moment(t.Blocker.CreatedAt))) +
                (t.Blocker.Note.Length > 0 ? $": {Escape(t.Blocker.Note)}" : ""),
                Counted.Blocker, words)));

        var postponedCount = tasks.Sum(t => t.Postponements);
        if (postponedCount > 0)
        {
            var byTask = tasks.ToDictionary(t => t.Id, t => t.ShortId);
            var latest = details.Postponements.OrderByDescending(p => p.CreatedAt).ToList();
            var postponedTasks = tasks.Count(t => t.Postponements > 0);
            blocks.Add(new SectionBlock(List(
                words.Text(ExperimentText.PostponementsTitle, ("total", postponedCount), ("tasks", words.Count(postponedTasks, Counted.Task))),
                latest, p => $"`{byTask.GetValueOrDefault(p.TaskId, "?")}` → {words.Date(p.ToDate, today)}: {Escape(p.Reason)}", Counted.Postponement, words)));
        }
    }

    private static void AddLearnings(List<Block> blocks, IReadOnlyList<Learning> learnings, Wording words)
    {
        if (learnings.Count == 0) return;
        var newestFirst = learnings.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Number).ToList();
        blocks.Add(new SectionBlock(List(words.Text(ExperimentText.LearningsTitle, ("count", learnings.Count)), newestFirst, l => $"`{l.ShortId}` {Escape(l.Text)}", Counted.Learning, words)));
    }

    private static void AddFeedback(List<Block> blocks, IReadOnlyList<LeadFeedback> feedback, Wording words)
    {
        if (feedback.Count == 0) return;
        string Count(LeadQuality q) => $"{words.Label(q)} {words.Number(feedback.Count(f => f.Quality == q))}";
        var title = $"{words.Text(ExperimentText.FeedbackTitle)} · {Count(LeadQuality.Good)} · {Count(LeadQuality.Mixed)} · {Count(LeadQuality.Poor)}";
        var replies = feedback.Where(f => f.Text.Length > 0 || f.Reason is not null).OrderByDescending(f => f.CreatedAt).ToList();
        blocks.Add(new SectionBlock(List(title, replies, f =>
            $"{User(f.CreatedBy)}" + (f.Quality is { } q ? $" ({words.Label(q)})" : "") + (f.Reason is { } r ? $" · {words.InSentence(r)}" : "") +
            (f.Text.Length > 0 ? $": {Escape(f.Text)}" : ""), Counted.Reply, words)));
    }

    /// <summary>A titled list cut at <see cref="CardListLimit"/> lines of at most <see cref="CardLineMax"/> characters each.</summary>
    private static string List<T>(string title, IReadOnlyList<T> items, Func<T, string> line, Counted what, Wording words)
    {
        var lines = items.Take(CardListLimit).Select(i => "• " + Truncate(line(i), CardLineMax)).ToList();
        if (items.Count > CardListLimit) lines.Add(words.AndMore(items.Count - CardListLimit, what));
        return Truncate(lines.Count == 0 ? title : title + "\n" + string.Join("\n", lines), BlockKitLimits.SectionText);
    }

    private static string SimilarLine(Experiment e, Wording words)
    {
        var state = e.Status switch
        {
            ExperimentStatus.Concluded => $"*{words.Label(e.Outcome)}*" + (e.Result is { Length: > 0 } ? $": {Escape(e.Result)}" : "") +
                                          (e.Learning is { Length: > 0 } ? words.Text(ExperimentText.SimilarLearned, ("text", Escape(e.Learning))) : ""),
            ExperimentStatus.Running => words.Text(ExperimentText.SimilarRunning, ("owner", User(e.OwnerId))),
            ExperimentStatus.Backlog => words.Text(ExperimentText.SimilarBacklog),
            _ => words.Text(ExperimentText.SimilarAbandoned),
        };
        return $"`{e.ShortId}` *{Escape(e.Name)}* — {state}";
    }

    /// <summary>What <c>/experiment spend</c> recorded, with the experiment's money line as it now reads.</summary>
    public static Message SpendRecorded(Experiment e, Currency currency, Wording words)
    {
        var text = words.Text(MoneyText.SpendRecorded, ("id", e.ShortId), ("name", Escape(e.Name)), ("money", Escape(words.Spend(e, currency))));
        var over = e.Budget is { } budget && e.Spent > budget ? words.Text(MoneyText.OverBudget, ("over", words.Money(e.Spent - budget, currency))) : "";
        return new Message($"{e.ShortId}: {Escape(words.Spend(e, currency))}", [new SectionBlock(Truncate(text + over, BlockKitLimits.SectionText))]);
    }

    /// <summary>How many lines each group of the board shows before summarising the rest.</summary>
    public const int BoardGroupShown = 10;

    /// <summary>
    /// The success and fail boards: concluded experiments of the last 90 days under worked, did not work and
    /// inconclusive, each with its learning in one line and its cost per result. Failed attempts are learnings.
    /// </summary>
    public static IReadOnlyList<Block> BoardBlocks(ExperimentBoard board, Currency currency, Wording words, int shown = BoardGroupShown)
    {
        var blocks = new List<Block>();
        if (board.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(MoneyText.BoardEmpty, BoardDays(words))));
            return blocks;
        }
        AddBoardGroup(blocks, words.Text(MoneyText.BoardWorked), board.Worked, words.Text(MoneyText.BoardWorkedEmpty, BoardDays(words)), currency, words, shown);
        AddBoardGroup(blocks, words.Text(MoneyText.BoardDidNotWork), board.DidNotWork, words.Text(MoneyText.BoardDidNotWorkEmpty), currency, words, shown);
        AddBoardGroup(blocks, words.Text(MoneyText.BoardInconclusive), board.Inconclusive, words.Text(MoneyText.BoardInconclusiveEmpty), currency, words, shown);
        return blocks;
    }

    /// <summary><c>/experiment board</c>: the boards, only to the person who asked.</summary>
    public static Message Board(ExperimentBoard board, Currency currency, Wording words)
    {
        var blocks = new List<Block> { new HeaderBlock(words.Text(MoneyText.BoardHeader, BoardDays(words))) };
        blocks.AddRange(BoardBlocks(board, currency, words));
        blocks.Add(new ContextBlock(words.Text(MoneyText.BoardFooter)));
        return new Message(words.Text(MoneyText.BoardFallback, ("worked", board.Worked.Count), ("didNotWork", board.DidNotWork.Count), ("inconclusive", board.Inconclusive.Count),
            BoardDays(words)[0]), blocks);
    }

    /// <summary>The boards' window as a text wants it: "90 days" (<c>{days}</c>) and the bare number (<c>{daysNumber}</c>).</summary>
    public static (string Name, object? Value)[] BoardDays(Wording words) =>
        [("days", words.Count(ExperimentBoard.Days, Counted.Day)), ("daysNumber", ExperimentBoard.Days)];

    private static void AddBoardGroup(List<Block> blocks, string title, IReadOnlyList<Experiment> group, string empty, Currency currency, Wording words, int shown)
    {
        var lines = group.Take(shown).Select(e =>
        {
            var learning = e.Learning is { Length: > 0 } l ? Escape(Truncate(l.ReplaceLineEndings(" "), 160)) : words.Text(MoneyText.BoardNoLearning);
            var cost = e.CostPerResult is { } c ? $" · {Escape(words.CostPerResult(c, e.ResultUnit, currency))}" : e.Spent > 0 ? $" · {words.Spent(e.Spent, currency)}" : "";
            return $"• `{e.ShortId}` *{Escape(Truncate(e.Name, TitleMax))}*: {learning}{cost}";
        }).ToList();
        if (group.Count > shown) lines.Add(words.AndMore(group.Count - shown, Counted.ConcludedExperiment));
        var text = $"{title} ({words.Number(group.Count)})\n" + (lines.Count == 0 ? $"_{empty}_" : string.Join("\n", lines));
        blocks.Add(new SectionBlock(Truncate(text, BlockKitLimits.SectionText)));
    }

    /// <summary>e.g. <c>KR1 · New leads: 26/100 leads · On track</c>.</summary>
    public static string KeyResultLine(KeyResult kr, Wording words) =>
        $"`{kr.ShortId}` {Escape(kr.Name)}: {Escape(words.Progress(kr.Current, kr.Target, kr.Unit))}" +
        (kr.Confidence is { } c ? $" · {words.Label(c)}" : "");

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
        if (group.Count > ListLimit) text += "\n" + words.Text(ExperimentText.ListMore, ("count", group.Count - ListLimit));
        blocks.Add(new SectionBlock(Truncate(text, BlockKitLimits.SectionText)));
    }
}
