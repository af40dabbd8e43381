using GrowthBot.Resources;
using System.Text;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Home;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Features.Experiments;
using GrowthBot.Features.Okrs;
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
    ExperimentStore experiments, TaskStore tasks, OkrStore okrs, LearningStore learnings, FeedbackStore feedback, TeamSettingsService teamSettings, TeamClock clock)
{
    public const int KeyResultsShown = 6;
    public const int RunningShown = 10;
    /// <summary>The viewer's own running experiments, each with its Conclude button.</summary>
    public const int MyRunningShown = 5;
    public const int MyTasksShown = 8;
    public const int AttentionShown = 15;
    public const int LearningsShown = 5;
    public const int FeedbackShown = 5;

    /// <summary>How far back sales' lead-quality feedback is summarised: a quarter, the usual OKR period.</summary>
    public static readonly TimeSpan FeedbackFor = TimeSpan.FromDays(90);

    /// <summary>Room for list lines in one section; the rest of the 3000 characters is kept for the "and N more" line.</summary>
    private const int ListBudget = BlockKitLimits.SectionText - 200;
    private const int TitleMax = 150;
    private const int LearningMax = 280;

    /// <summary>The home of <paramref name="userId"/> as it is now.</summary>
    public async Task<HomeView> For(string teamId, string userId, CancellationToken cancellationToken)
    {
        var okr = await okrs.Current(teamId, cancellationToken);
        var now = clock.UtcNow;
        var summary = HomeSummary.Build(new HomeInputs
        {
            ViewerId = userId,
            Today = clock.Today(teamId),
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Experiments = await experiments.All(teamId, cancellationToken),
            OpenTasks = await tasks.Open(teamId, null, cancellationToken),
            Learnings = await learnings.Latest(teamId, LearningsShown, cancellationToken),
            Feedback = await feedback.Between(teamId, now - FeedbackFor, now.AddTicks(1), cancellationToken),
        });
        return Render(summary, teamSettings.For(teamId), Wording.English);
    }

    public static HomeView Render(HomeSummary home, TeamSettings settings, Wording words)
    {
        if (home.IsEmptyWorkspace) return Welcome(settings, words);
        var blocks = new List<Block>();
        NorthStar(home, blocks, words);
        KeyResults(home, blocks, words);
        Running(home, blocks, words);
        MyTasks(home, blocks, words);
        NeedsAttention(home, blocks, words);
        LeadFeedback(home, blocks, words);
        Scoreboard(home, blocks, words);
        Learnings(home, blocks, words);
        return new HomeView(blocks);
    }

    /// <summary>A first-time team sees how to start instead of a page of empty sections.</summary>
    public static HomeView Welcome(TeamSettings settings, Wording words) => new(
    [
        new HeaderBlock("Welcome to GrowthBot :wave:"),
        new SectionBlock("GrowthBot runs your team's weekly growth-experiment loop right here in Slack. Once you start, this tab is your team's dashboard: North Star progress, running experiments, your tasks, blockers, the win rate and the latest learnings."),
        new SectionBlock("""
            *Get started in three steps*
            1. *Set direction:* a growth lead runs `/okr set` to name the North Star objective and its key results (owner, baseline, target).
            2. *Log ideas:* anyone runs `/experiment new` (or the button below) with a hypothesis, funnel stage and ICE score.
            3. *Plan the work:* `/task new E1` gives an experiment tasks with owners and due dates, and `/experiment start E1` starts it.
            """),
        HomeActions(),
        new ContextBlock((settings.ReportDay is { } day ? $"Every {words.DayName(day)} the weekly report goes to the growth channel" : "The weekly report goes to the growth channel") +
                         (settings.CheckInDay is { } checkIn ? $", and every {words.DayName(checkIn)} key-result owners are asked for their numbers" : "") +
                         "; `/growth settings` chooses where and when."),
    ]);

    private static ActionsBlock HomeActions() =>
        new([HomeNewExperimentButton.For()]) { BlockId = "home_actions" };

    private static void NorthStar(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new HeaderBlock(":star: North Star"));
        string text;
        if (home.Objective is not { } objective)
        {
            text = "No objective yet. A growth lead sets the North Star and its key results with `/okr set`.";
        }
        else
        {
            var period = string.IsNullOrWhiteSpace(objective.Period) ? "" : $"  _{MrkdwnText.Escape(objective.Period)}_";
            text = $"*{MrkdwnText.Escape(MrkdwnText.Truncate(objective.Title, 500))}*{period}";
            text += home.NorthStar is { } main
                ? $"\n*Main goal: {MrkdwnText.Escape(Fraction(main, words))}*  `{Progress.Bar(main.Percent)}` {words.Percent(main.Percent)}"
                : "\nNo key results yet: add them with `/okr set`.";
        }
        blocks.Add(new SectionBlock(text));
        blocks.Add(HomeActions());
    }

    /// <summary>Each key result with History; the viewer's own carry Check in too.</summary>
    private static void KeyResults(HomeSummary home, List<Block> blocks, Wording words)
    {
        if (home.KeyResults.Count == 0) return;
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":dart: Key results"));
        foreach (var line in home.KeyResults.Take(KeyResultsShown))
        {
            var kr = line.KeyResult;
            blocks.Add(new SectionBlock(
                $"*{kr.ShortId}* {Title(kr.Name)}\n`{Progress.Bar(line.Percent)}` {words.Percent(line.Percent)} · {MrkdwnText.Escape(Fraction(line, words))} · {Confidence(kr.Confidence)} · {MrkdwnText.User(kr.OwnerId)}"));
            blocks.Add(OkrMessages.Buttons(kr, withCheckIn: kr.OwnerId == home.ViewerId));
        }
        if (home.KeyResults.Count > KeyResultsShown)
            blocks.Add(new ContextBlock($"…and {words.More(home.KeyResults.Count - KeyResultsShown, Counted.KeyResult)}: `/okr` shows them all."));
    }

    /// <summary>The viewer's own running experiments first, each with Conclude; everyone else's in one list.</summary>
    private static void Running(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":test_tube: Running experiments ({words.Number(home.Running.Count)})"));
        if (home.Running.Count == 0)
        {
            blocks.Add(new SectionBlock(home.BacklogCount > 0
                ? "Nothing running. Start the best idea of the backlog with `/experiment start`; `/experiment list` ranks them by ICE."
                : "Nothing running and no ideas yet. Log one with `/experiment new`."));
            return;
        }
        string End(Experiment e) => e.EndDate < home.Today
            ? $":hourglass: ended {words.Date(e.EndDate, home.Today)}, time to conclude"
            : $"ends {words.Date(e.EndDate, home.Today)}";
        var mine = home.Running.Where(e => e.OwnerId == home.ViewerId).Take(MyRunningShown).ToList();
        foreach (var e in mine)
            blocks.Add(new SectionBlock($"*{e.ShortId}* {Title(e.Name)} · yours · {End(e)}") { BlockId = $"experiment_{e.ShortId}", Accessory = ConcludeExperimentButton.For(e) });
        var others = home.Running.Except(mine).ToList();
        if (others.Count == 0) return;
        var lines = others.Take(RunningShown).Select(e => $"• *{e.ShortId}* {Title(e.Name)} · {MrkdwnText.User(e.OwnerId)} · {End(e)}");
        blocks.Add(new SectionBlock(List(lines, others.Count, ": `/experiment list` shows them all.", words)));
    }

    private static void MyTasks(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":clipboard: Your open tasks ({words.Number(home.MyTasks.Count)})"));
        if (home.MyTasks.Count == 0)
        {
            blocks.Add(new SectionBlock("Nothing on your plate. :tada:"));
            return;
        }
        foreach (var task in home.MyTasks.Take(MyTasksShown))
        {
            var text = $"*{task.ShortId}* {Title(task.Title)} · due {words.Date(task.DueDate, home.Today)}";
            if (task.IsOverdue(home.Today)) text += " · :alarm_clock: overdue";
            if (task.Blocker is { } blocker) text += $"\n:no_entry: Blocked: {Blocker(blocker)}";
            blocks.Add(new SectionBlock(text) { BlockId = $"task_{task.ShortId}" });
            blocks.Add(new ActionsBlock([TaskDoneButton.For(task, words), TaskBlockButton.For(task, words), TaskPostponeButton.For(task, words)]) { BlockId = $"task_actions_{task.ShortId}" });
        }
        if (home.MyTasks.Count > MyTasksShown)
            blocks.Add(new ContextBlock($"…and {words.Number(home.MyTasks.Count - MyTasksShown)} more: `/task list mine` shows them all."));
    }

    private static void NeedsAttention(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":rotating_light: Blocked and overdue ({words.Number(home.NeedsAttention.Count)})"));
        if (home.NeedsAttention.Count == 0)
        {
            blocks.Add(new SectionBlock("No blocked or overdue tasks. :white_check_mark:"));
            return;
        }
        var lines = home.NeedsAttention.Take(AttentionShown).Select(t =>
        {
            var line = $"• *{t.ShortId}* {Title(t.Title)} · {MrkdwnText.User(t.OwnerId)}";
            if (t.IsOverdue(home.Today)) line += $" · :alarm_clock: due {words.Date(t.DueDate, home.Today)}";
            if (t.Blocker is { } blocker) line += $" · :no_entry: {Blocker(blocker)}";
            return line;
        });
        blocks.Add(new SectionBlock(List(lines, home.NeedsAttention.Count, ": `/task list` shows them all.", words)));
    }

    /// <summary>What sales said about the leads of recently rated experiments, as the weekly report summarises it.</summary>
    private static void LeadFeedback(HomeSummary home, List<Block> blocks, Wording words)
    {
        if (home.LeadFeedback.Count == 0) return;
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":handshake: Lead quality from sales"));
        var lines = home.LeadFeedback.Take(FeedbackShown).Select(f => $"• *{f.Experiment.ShortId}* {Title(f.Experiment.Name)}: {WeeklyReportMessages.FeedbackSummary(f, words)}");
        blocks.Add(new SectionBlock(List(lines, home.LeadFeedback.Count, ": `/experiment show <id>` shows each one's.", words)));
    }

    private static void Scoreboard(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":bar_chart: Scoreboard"));
        var winRate = home.WinRate.Percent is { } percent
            ? $"*Win rate*\n{words.Percent(percent)} ({words.Number(home.WinRate.Worked)} of {words.Count(home.WinRate.Concluded, Counted.ConcludedExperiment)} worked)"
            : "*Win rate*\nNo experiment concluded yet.";
        var velocity = $"*Velocity*\n{words.Number(home.Velocity)} concluded per week (last {words.Count(ExperimentRates.VelocityWeeks, Counted.Week)})";
        blocks.Add(new SectionBlock { Fields = [new Mrkdwn(winRate), new Mrkdwn(velocity)] });

        var funnel = new StringBuilder($"*Backlog by funnel stage* ({words.Count(home.BacklogCount, Counted.Idea)})");
        var most = home.FunnelSpread.Select(s => s.Count).DefaultIfEmpty(0).Max();
        foreach (var (stage, count) in home.FunnelSpread)
        {
            var bar = Progress.Bar(most == 0 ? 0 : count * 100 / most);
            funnel.Append($"\n`{bar}` {words.Number(count)} {stage}");
        }
        blocks.Add(new SectionBlock(funnel.ToString()));
    }

    private static void Learnings(HomeSummary home, List<Block> blocks, Wording words)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":bulb: Latest learnings"));
        if (home.Learnings.Count == 0)
        {
            blocks.Add(new SectionBlock("No learnings yet. Log one with `/learning new`: experiments that failed teach the most."));
            return;
        }
        var lines = home.Learnings.Take(LearningsShown).Select(l =>
            $"• *{l.ShortId}* {MrkdwnText.Escape(MrkdwnText.Truncate(l.Text.ReplaceLineEndings(" "), LearningMax))} · {MrkdwnText.User(l.CreatedBy)}");
        blocks.Add(new SectionBlock(List(lines, home.Learnings.Count, "", words)));
        blocks.Add(new ContextBlock("`/learning search <words>` finds older learnings and concluded experiments."));
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
        if (total > shown) text.Append($"\n…and {words.Number(total - shown)} more{where}");
        return text.ToString();
    }

    /// <summary>e.g. <c>26/100 new leads</c>.</summary>
    private static string Fraction(KeyResultLine line, Wording words) => words.Progress(line.KeyResult.Current, line.KeyResult.Target, line.KeyResult.Unit);

    private static string Title(string text) => MrkdwnText.Escape(MrkdwnText.Truncate(text.ReplaceLineEndings(" "), TitleMax));

    private static string Blocker(TaskBlock blocker)
    {
        var note = string.IsNullOrWhiteSpace(blocker.Note) ? "" : $": {MrkdwnText.Escape(MrkdwnText.Truncate(blocker.Note.ReplaceLineEndings(" "), TitleMax))}";
        return $"{Wording.English.InSentence(blocker.Reason)}{note}";
    }

    private static string Confidence(KrConfidence? confidence) =>
        confidence is { } c ? $"{OkrMessages.Icon(c)} {Wording.English.Label(c)}" : "_no check-in yet_";
}
