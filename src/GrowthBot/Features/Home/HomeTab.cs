using GrowthBot.Resources;
using System.Text;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Home;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Kpis;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Pipeline;
using GrowthBot.Features.Reports;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;

namespace GrowthBot.Features.Home;

/// <summary>
/// The App Home "God view": North Star, key results (Check in on yours, History on each), running experiments
/// (Conclude on yours), your tasks with Done / Blocked / Postpone, everything blocked or overdue, what sales said
/// about each experiment's leads, win rate, velocity, the backlog's funnel spread and the latest learnings.
/// Every list shows its most important items and summarises the rest, so the tab stays within Slack's
/// 100 blocks however busy the team is.
/// </summary>
public sealed class HomeTab(
    ExperimentStore experiments, TaskStore tasks, OkrStore okrs, KpiStore kpis, LearningStore learnings, FeedbackStore feedback, PipelineStore pipeline,
    TeamSettingsService teamSettings, TeamClock clock)
{
    public const int KeyResultsShown = 6;
    public const int RunningShown = 10;
    /// <summary>The viewer's own running experiments, each with its Conclude button.</summary>
    public const int MyRunningShown = 5;
    public const int MyTasksShown = 8;
    public const int AttentionShown = 15;
    public const int LearningsShown = 5;
    public const int FeedbackShown = 5;
    /// <summary>Experiments shown per group of the success and fail boards.</summary>
    public const int BoardShown = 3;

    /// <summary>How far back sales' lead-quality feedback is summarised: a quarter, the usual OKR period.</summary>
    public static readonly TimeSpan FeedbackFor = TimeSpan.FromDays(90);

    /// <summary>Room for list lines in one section; the rest of the 3000 characters is kept for the "and N more" line.</summary>
    private const int ListBudget = BlockKitLimits.SectionText - 200;
    private const int TitleMax = 150;
    private const int LearningMax = 280;

    /// <summary>The home of <paramref name="userId"/> as it is now, in their language, with the North Star's trend when Slack holds it.</summary>
    public async Task<HomeView> For(string teamId, string userId, Wording words, SlackImage? northStarTrend, CancellationToken cancellationToken)
    {
        var okr = await okrs.Current(teamId, cancellationToken);
        var now = clock.UtcNow;
        var today = clock.Today(teamId);
        var recentFeedback = await feedback.Between(teamId, now - FeedbackFor, now.AddTicks(1), cancellationToken);
        // The boards' 90 days; velocity's weeks (counted up to today by UTC date) lie well within them.
        var since = now - TimeSpan.FromDays(ExperimentBoard.Days);
        var (read, totals) = await experiments.Recent(teamId, since, recentFeedback.Select(f => f.ExperimentId).ToList(), now, cancellationToken);
        var summary = HomeSummary.Build(new HomeInputs
        {
            ViewerId = userId,
            Today = today,
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Pace = okr is null ? null : await okrs.Pace(teamId, okr, clock.Zone(teamId), now, cancellationToken),
            Kpis = okr is null ? [] : await kpis.All(teamId, cancellationToken),
            Experiments = read,
            Totals = totals,
            OpenTasks = await tasks.Open(teamId, null, cancellationToken),
            Learnings = await learnings.Latest(teamId, LearningsShown, cancellationToken),
            Feedback = recentFeedback,
            PipelineCheckIns = await pipeline.Latest(teamId, now, 2, cancellationToken),
            Now = now,
        });
        return Render(summary, teamSettings.For(teamId), words, northStarTrend);
    }

    public static HomeView Render(HomeSummary home, TeamSettings settings, Wording words, SlackImage? northStarTrend = null)
    {
        if (home.IsEmptyWorkspace) return Welcome(settings, words);
        var blocks = new List<Block>();
        NorthStar(home, blocks, words, northStarTrend);
        KeyResults(home, blocks, words);
        Running(home, blocks, settings.Currency, words);
        MyTasks(home, blocks, words);
        NeedsAttention(home, blocks, words);
        LeadFeedback(home, blocks, words);
        Pipeline(home, blocks, settings, words);
        Scoreboard(home, blocks, words);
        Boards(home, blocks, settings.Currency, words);
        Learnings(home, blocks, words);
        return new HomeView(blocks);
    }

    /// <summary>A first-time team sees how to start instead of a page of empty sections.</summary>
    public static HomeView Welcome(TeamSettings settings, Wording words) => new(
    [
        new HeaderBlock(words.Text(HomeText.WelcomeHeader)),
        new SectionBlock(words.Text(HomeText.WelcomeIntro)),
        new SectionBlock(words.Text(HomeText.WelcomeSteps)),
        HomeActions(words),
        new ContextBlock((settings.ReportDay is { } day ? words.Text(HomeText.WelcomeReportDay, ("day", words.DayName(day))) : words.Text(HomeText.WelcomeReport)) +
                         (settings.CheckInDay is { } checkIn ? words.Text(HomeText.WelcomeCheckIn, ("day", words.DayName(checkIn))) : "") +
                         words.Text(HomeText.WelcomeSettings)),
    ]);

    private static ActionsBlock HomeActions(Wording words) =>
        new([HomeNewExperimentButton.For(words)]) { BlockId = "home_actions" };

    /// <summary>The home without its pictures: what it shows when Slack will not take them.</summary>
    public static HomeView WithoutImages(HomeView home) => home with { Blocks = home.Blocks.Where(b => b is not ImageBlock).ToList() };

    private static void NorthStar(HomeSummary home, List<Block> blocks, Wording words, SlackImage? trend)
    {
        blocks.Add(new HeaderBlock(words.Text(HomeText.NorthStarHeader)));
        string text;
        if (home.Objective is not { } objective)
        {
            text = words.Text(OkrText.NoObjective);
        }
        else
        {
            var period = string.IsNullOrWhiteSpace(objective.Period) ? "" : $"  _{MrkdwnText.Escape(objective.Period)}_";
            text = $"*{MrkdwnText.Escape(MrkdwnText.Truncate(objective.Title, 500))}*{period}";
            if (home.Pace is { } pace) text += $"\n{OkrMessages.PeriodContext(objective, pace, words)}";
            text += home.NorthStar is { } main
                ? "\n" + words.Text(HomeText.MainGoal, ("progress", MrkdwnText.Escape(Fraction(main, words)))) + $"  `{Progress.Bar(main.Percent)}` {words.Percent(main.Percent)}"
                : "\n" + words.Text(HomeText.NoKeyResults);
        }
        blocks.Add(new SectionBlock(text));
        if (trend is not null && home.NorthStar is not null) blocks.Add(trend.Block("home_north_star_trend"));
        blocks.Add(HomeActions(words));
    }

    /// <summary>Each key result with History; the viewer's own carry Check in too.</summary>
    private static void KeyResults(HomeSummary home, List<Block> blocks, Wording words)
    {
        if (home.KeyResults.Count == 0) return;
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.KeyResultsHeader)));
        foreach (var line in home.KeyResults.Take(KeyResultsShown))
        {
            var kr = line.KeyResult;
            var text = $"*{kr.ShortId}* {Title(kr.Name)}\n`{Progress.Bar(line.Percent)}` {words.Percent(line.Percent)} · {MrkdwnText.Escape(Fraction(line, words))} · {Confidence(kr.Confidence, words)} · {MrkdwnText.User(kr.OwnerId)}";
            if (home.Pace?.For(kr.Id) is { } pace) text += $"\n:calendar: {MrkdwnText.Escape(words.Pace(pace, home.Today))}";
            // The KPI's definition rides in the same section: the home keeps to its 100 blocks however many key results there are.
            if (OkrMessages.KpiOf(kr, home.Kpis) is { } kpi) text += $"\n{KpiMessages.DefinitionLine(kpi, words)}";
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(text, BlockKitLimits.SectionText)));
            blocks.Add(OkrMessages.Buttons(kr, words, withCheckIn: kr.OwnerId == home.ViewerId));
        }
        if (home.KeyResults.Count > KeyResultsShown)
            blocks.Add(new ContextBlock(words.Text(HomeText.KeyResultsMore, ("more", words.More(home.KeyResults.Count - KeyResultsShown, Counted.KeyResult)))));
    }

    /// <summary>The viewer's own running experiments first, each with Conclude; everyone else's in one list.</summary>
    private static void Running(HomeSummary home, List<Block> blocks, Currency currency, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.RunningHeader, ("count", home.Running.Count))));
        if (home.Running.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(home.BacklogCount > 0 ? HomeText.NothingRunning : HomeText.NothingAtAll)));
            return;
        }
        string End(Experiment e) => e.EndDate < home.Today
            ? words.Text(HomeText.EndedConclude, ("end", words.Date(e.EndDate, home.Today)))
            : words.Text(HomeText.Ends, ("end", words.Date(e.EndDate, home.Today)));
        string Money(Experiment e) => e.HasMoney ? $" · {MrkdwnText.Escape(words.Spend(e, currency))}" : "";
        var mine = home.Running.Where(e => e.OwnerId == home.ViewerId).Take(MyRunningShown).ToList();
        foreach (var e in mine)
            blocks.Add(new SectionBlock($"*{e.ShortId}* {Title(e.Name)} · {words.Text(HomeText.Yours)} · {End(e)}{Money(e)}") { BlockId = $"experiment_{e.ShortId}", Accessory = ConcludeExperimentButton.For(e, words) });
        var others = home.Running.Except(mine).ToList();
        if (others.Count == 0) return;
        var lines = others.Take(RunningShown).Select(e => $"• *{e.ShortId}* {Title(e.Name)} · {MrkdwnText.User(e.OwnerId)} · {End(e)}{Money(e)}");
        blocks.Add(new SectionBlock(List(lines, others.Count, words.Text(HomeText.RunningMore), words)));
    }

    private static void MyTasks(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.MyTasksHeader, ("count", home.MyTasks.Count))));
        if (home.MyTasks.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(HomeText.NothingOnPlate)));
            return;
        }
        foreach (var task in home.MyTasks.Take(MyTasksShown))
        {
            var text = words.Text(HomeText.MyTaskLine, ("id", task.ShortId), ("title", Title(task.Title)), ("due", words.Date(task.DueDate, home.Today)));
            if (task.IsOverdue(home.Today)) text += words.Text(HomeText.Overdue);
            if (task.Blocker is { } blocker) text += words.Text(HomeText.BlockedLine, ("blocker", Blocker(blocker, words)));
            blocks.Add(new SectionBlock(text) { BlockId = $"task_{task.ShortId}" });
            blocks.Add(new ActionsBlock([TaskDoneButton.For(task, words), TaskBlockButton.For(task, words), TaskPostponeButton.For(task, words)]) { BlockId = $"task_actions_{task.ShortId}" });
        }
        if (home.MyTasks.Count > MyTasksShown)
            blocks.Add(new ContextBlock(words.Text(HomeText.MyTasksMore, ("count", home.MyTasks.Count - MyTasksShown))));
    }

    private static void NeedsAttention(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.AttentionHeader, ("count", home.NeedsAttention.Count))));
        if (home.NeedsAttention.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(HomeText.NoAttention)));
            return;
        }
        var lines = home.NeedsAttention.Take(AttentionShown).Select(t =>
        {
            var line = $"• *{t.ShortId}* {Title(t.Title)} · {MrkdwnText.User(t.OwnerId)}";
            if (t.IsOverdue(home.Today)) line += words.Text(HomeText.AttentionDue, ("due", words.Date(t.DueDate, home.Today)));
            if (t.Blocker is { } blocker) line += $" · :no_entry: {Blocker(blocker, words)}";
            return line;
        });
        blocks.Add(new SectionBlock(List(lines, home.NeedsAttention.Count, words.Text(HomeText.AttentionMore), words)));
    }

    /// <summary>What sales said about the leads of recently rated experiments, as the weekly report summarises it.</summary>
    private static void LeadFeedback(HomeSummary home, List<Block> blocks, Wording words)
    {
        if (home.LeadFeedback.Count == 0) return;
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.FeedbackHeader)));
        var lines = home.LeadFeedback.Take(FeedbackShown).Select(f => $"• *{f.Experiment.ShortId}* {Title(f.Experiment.Name)}: {WeeklyReportMessages.FeedbackSummary(f, words)}");
        blocks.Add(new SectionBlock(List(lines, home.LeadFeedback.Count, words.Text(HomeText.FeedbackMore), words)));
    }

    /// <summary>Pipeline velocity as last checked in, with what moved it; a nudge to check in before the first time.</summary>
    private static void Pipeline(HomeSummary home, List<Block> blocks, TeamSettings settings, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(PipelineText.HomeHeader)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(home.Pipeline is { } move
            ? PipelineMessages.Line(move, settings.Currency, settings.Zone, words)
            : words.Text(PipelineText.HomeEmpty), BlockKitLimits.SectionText))
        {
            BlockId = "pipeline",
            Accessory = PipelineCheckInButton.For(words) with { Style = null },
        });
    }

    /// <summary>The success and fail boards of the last 90 days, each group cut short; <c>/experiment board</c> has them in full.</summary>
    private static void Boards(HomeSummary home, List<Block> blocks, Currency currency, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(MoneyText.HomeBoardsHeader, [("count", home.Board.Count), .. ExperimentMessages.BoardDays(words)])));
        blocks.AddRange(ExperimentMessages.BoardBlocks(home.Board, currency, words, BoardShown));
        if (home.Board.Count > 0) blocks.Add(new ContextBlock(words.Text(MoneyText.HomeBoardsFooter)));
    }

    private static void Scoreboard(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.ScoreboardHeader)));
        var winRate = home.WinRate.Percent is { } percent
            ? words.Text(HomeText.WinRate, ("percent", words.Percent(percent)), ("worked", home.WinRate.Worked),
                ("concluded", words.Count(home.WinRate.Concluded, Counted.ConcludedExperiment)), ("concludedNumber", home.WinRate.Concluded))
            : words.Text(HomeText.WinRateNone);
        var velocity = words.Text(HomeText.Velocity, ("velocity", home.Velocity), ("weeks", words.Count(ExperimentRates.VelocityWeeks, Counted.Week)));
        blocks.Add(new SectionBlock { Fields = [new Mrkdwn(winRate), new Mrkdwn(velocity)] });

        var funnel = new StringBuilder(words.Text(HomeText.FunnelTitle, ("ideas", words.Count(home.BacklogCount, Counted.Idea))));
        var most = home.FunnelSpread.Select(s => s.Count).DefaultIfEmpty(0).Max();
        foreach (var (stage, count) in home.FunnelSpread)
        {
            var bar = Progress.Bar(most == 0 ? 0 : count * 100 / most);
            funnel.Append($"\n`{bar}` {words.Number(count)} {words.Label(stage)}");
        }
        blocks.Add(new SectionBlock(funnel.ToString()));
    }

    private static void Learnings(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(words.Text(HomeText.LearningsHeader)));
        if (home.Learnings.Count == 0)
        {
            blocks.Add(new SectionBlock(words.Text(HomeText.NoLearnings)));
            return;
        }
        var lines = home.Learnings.Take(LearningsShown).Select(l =>
            $"• *{l.ShortId}* {MrkdwnText.Escape(MrkdwnText.Truncate(l.Text.ReplaceLineEndings(" "), LearningMax))} · {MrkdwnText.User(l.CreatedBy)}");
        blocks.Add(new SectionBlock(List(lines, home.Learnings.Count, "", words)));
        blocks.Add(new ContextBlock(words.Text(HomeText.LearningsSearch)));
    }

    /// <summary>Lines that fit one section; the rest is counted in a closing "…and N more" line.</summary>
    private static string List(IEnumerable<string> lines, int total, string where, Wording words)
    {
        var text = new StringBuilder();
        var shown = 0;
        foreach (var line in lines)
        {
            if (text.Length + line.Length + 1 > ListBudget) break;
            if (shown > 0) text.Append('\n');
            text.Append(line);
            shown++;
        }
        if (total > shown) text.Append(words.Text(HomeText.ListMore, ("count", total - shown), ("where", where)));
        return text.ToString();
    }

    /// <summary>e.g. <c>26/100 new leads</c>.</summary>
    private static string Fraction(KeyResultLine line, Wording words) => words.Progress(line.KeyResult.Current, line.KeyResult.Target, line.KeyResult.Unit);

    private static string Title(string text) => MrkdwnText.Escape(MrkdwnText.Truncate(text.ReplaceLineEndings(" "), TitleMax));

    private static string Blocker(TaskBlock blocker, Wording words)
    {
        var note = string.IsNullOrWhiteSpace(blocker.Note) ? "" : $": {MrkdwnText.Escape(MrkdwnText.Truncate(blocker.Note.ReplaceLineEndings(" "), TitleMax))}";
        return $"{words.InSentence(blocker.Reason)}{note}";
    }

    private static string Confidence(KrConfidence? confidence, Wording words) =>
        confidence is { } c ? $"{OkrMessages.Icon(c)} {words.Label(c)}" : words.Text(OkrText.NoCheckInYet);
}
