using System.Globalization;
using System.Text;
using GrowthBot.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Home;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Okrs;
using GrowthBot.Features.Tasks;
using GrowthBot.Slack.BlockKit;
using GrowthBot.Storage;

namespace GrowthBot.Features.Home;

/// <summary>
/// The App Home "God view": North Star, key results, running experiments, your tasks with Done / Blocked,
/// everything blocked or overdue, win rate, velocity, the backlog's funnel spread and the latest learnings.
/// Every list shows its most important items and summarises the rest, so the tab stays within Slack's
/// 100 blocks however busy the team is.
/// </summary>
public sealed class HomeTab(ExperimentStore experiments, TaskStore tasks, OkrStore okrs, LearningStore learnings, TeamClock clock)
{
    public const int KeyResultsShown = 6;
    public const int RunningShown = 10;
    public const int MyTasksShown = 8;
    public const int AttentionShown = 15;
    public const int LearningsShown = 5;

    /// <summary>Room for list lines in one section; the rest of the 3000 characters is kept for the "and N more" line.</summary>
    private const int ListBudget = BlockKitLimits.SectionText - 200;
    private const int TitleMax = 150;
    private const int LearningMax = 280;

    /// <summary>The home of <paramref name="userId"/> as it is now.</summary>
    public async Task<HomeView> For(string teamId, string userId, CancellationToken cancellationToken)
    {
        var okr = await okrs.Current(teamId, cancellationToken);
        var summary = HomeSummary.Build(new HomeInputs
        {
            ViewerId = userId,
            Today = clock.Today(teamId),
            Objective = okr?.Objective,
            KeyResults = okr?.KeyResults ?? [],
            Experiments = await experiments.All(teamId, cancellationToken),
            OpenTasks = await tasks.Open(teamId, null, cancellationToken),
            Learnings = await learnings.Latest(teamId, LearningsShown, cancellationToken),
        });
        return Render(summary);
    }

    public static HomeView Render(HomeSummary home)
    {
        if (home.IsEmptyWorkspace) return Welcome();
        var blocks = new List<Block>();
        NorthStar(home, blocks);
        KeyResults(home, blocks);
        Running(home, blocks);
        MyTasks(home, blocks);
        NeedsAttention(home, blocks);
        Scoreboard(home, blocks);
        Learnings(home, blocks);
        return new HomeView(blocks);
    }

    /// <summary>A first-time team sees how to start instead of a page of empty sections.</summary>
    public static HomeView Welcome() => new(
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
        new ContextBlock("Every Monday the weekly report goes to the growth channel; `/growth settings` chooses where and when."),
    ]);

    private static ActionsBlock HomeActions() =>
        new([HomeNewExperimentButton.For()]) { BlockId = "home_actions" };

    private static void NorthStar(HomeSummary home, List<Block> blocks)
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
                ? $"\n*Main goal: {MrkdwnText.Escape(main.Fraction)}*  `{Progress.Bar(main.Percent)}` {main.Percent} %"
                : "\nNo key results yet: add them with `/okr set`.";
        }
        blocks.Add(new SectionBlock(text));
        blocks.Add(HomeActions());
    }

    private static void KeyResults(HomeSummary home, List<Block> blocks)
    {
        if (home.KeyResults.Count == 0) return;
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":dart: Key results"));
        foreach (var line in home.KeyResults.Take(KeyResultsShown))
        {
            var kr = line.KeyResult;
            blocks.Add(new SectionBlock(
                $"*{kr.ShortId}* {Title(kr.Name)}\n`{Progress.Bar(line.Percent)}` {line.Percent} % · {MrkdwnText.Escape(line.Fraction)} · {Confidence(kr.Confidence)} · {MrkdwnText.User(kr.OwnerId)}"));
        }
        if (home.KeyResults.Count > KeyResultsShown)
            blocks.Add(new ContextBlock($"…and {home.KeyResults.Count - KeyResultsShown} more key results: `/okr` shows them all."));
    }

    private static void Running(HomeSummary home, List<Block> blocks)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":test_tube: Running experiments ({home.Running.Count})"));
        if (home.Running.Count == 0)
        {
            blocks.Add(new SectionBlock(home.BacklogCount > 0
                ? "Nothing running. Start the best idea of the backlog with `/experiment start`; `/experiment list` ranks them by ICE."
                : "Nothing running and no ideas yet. Log one with `/experiment new`."));
            return;
        }
        var lines = home.Running.Take(RunningShown).Select(e =>
        {
            var end = e.EndDate < home.Today
                ? $":hourglass: ended {MrkdwnText.Date(e.EndDate)}, time to conclude (`/experiment conclude {e.ShortId}`)"
                : $"ends {MrkdwnText.Date(e.EndDate)}";
            return $"• *{e.ShortId}* {Title(e.Name)} · {MrkdwnText.User(e.OwnerId)} · {end}";
        });
        blocks.Add(new SectionBlock(List(lines, home.Running.Count, ": `/experiment list` shows them all.")));
    }

    private static void MyTasks(HomeSummary home, List<Block> blocks)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":clipboard: Your open tasks ({home.MyTasks.Count})"));
        if (home.MyTasks.Count == 0)
        {
            blocks.Add(new SectionBlock("Nothing on your plate. :tada:"));
            return;
        }
        foreach (var task in home.MyTasks.Take(MyTasksShown))
        {
            var text = $"*{task.ShortId}* {Title(task.Title)} · due {MrkdwnText.Date(task.DueDate)}";
            if (task.IsOverdue(home.Today)) text += " · :alarm_clock: overdue";
            if (task.Blocker is { } blocker) text += $"\n:no_entry: Blocked: {Blocker(blocker)}";
            blocks.Add(new SectionBlock(text) { BlockId = $"task_{task.ShortId}" });
            blocks.Add(new ActionsBlock([TaskDoneButton.For(task), TaskBlockButton.For(task)]) { BlockId = $"task_actions_{task.ShortId}" });
        }
        if (home.MyTasks.Count > MyTasksShown)
            blocks.Add(new ContextBlock($"…and {home.MyTasks.Count - MyTasksShown} more: `/task list mine` shows them all."));
    }

    private static void NeedsAttention(HomeSummary home, List<Block> blocks)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock($":rotating_light: Blocked and overdue ({home.NeedsAttention.Count})"));
        if (home.NeedsAttention.Count == 0)
        {
            blocks.Add(new SectionBlock("No blocked or overdue tasks. :white_check_mark:"));
            return;
        }
        var lines = home.NeedsAttention.Take(AttentionShown).Select(t =>
        {
            var line = $"• *{t.ShortId}* {Title(t.Title)} · {MrkdwnText.User(t.OwnerId)}";
            if (t.IsOverdue(home.Today)) line += $" · :alarm_clock: due {MrkdwnText.Date(t.DueDate)}";
            if (t.Blocker is { } blocker) line += $" · :no_entry: {Blocker(blocker)}";
            return line;
        });
        blocks.Add(new SectionBlock(List(lines, home.NeedsAttention.Count, ": `/task list` shows them all.")));
    }

    private static void Scoreboard(HomeSummary home, List<Block> blocks)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(new HeaderBlock(":bar_chart: Scoreboard"));
        var winRate = home.WinRate.Percent is { } percent
            ? $"*Win rate*\n{percent} % ({home.WinRate.Worked} of {home.WinRate.Concluded} concluded experiments worked)"
            : "*Win rate*\nNo experiment concluded yet.";
        var velocity = $"*Velocity*\n{home.Velocity.ToString("0.#", CultureInfo.InvariantCulture)} concluded per week (last {ExperimentRates.VelocityWeeks} weeks)";
        blocks.Add(new SectionBlock { Fields = [new Mrkdwn(winRate), new Mrkdwn(velocity)] });

        var funnel = new StringBuilder($"*Backlog by funnel stage* ({home.BacklogCount} {(home.BacklogCount == 1 ? "idea" : "ideas")})");
        var most = home.FunnelSpread.Select(s => s.Count).DefaultIfEmpty(0).Max();
        foreach (var (stage, count) in home.FunnelSpread)
        {
            var bar = Progress.Bar(most == 0 ? 0 : count * 100 / most);
            funnel.Append(CultureInfo.InvariantCulture, $"\n`{bar}` {count} {stage}");
        }
        blocks.Add(new SectionBlock(funnel.ToString()));
    }

    private static void Learnings(HomeSummary home, List<Block> blocks)
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
        blocks.Add(new SectionBlock(List(lines, home.Learnings.Count, "")));
        blocks.Add(new ContextBlock("`/learning search <words>` finds older learnings and concluded experiments."));
    }

    /// <summary>Lines that fit one section; the rest is counted in a closing "…and N more" line.</summary>
    private static string List(IEnumerable<string> lines, int total, string where)
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
        if (total > shown) text.Append(CultureInfo.InvariantCulture, $"\n…and {total - shown} more{where}");
        return text.ToString();
    }

    private static string Title(string text) => MrkdwnText.Escape(MrkdwnText.Truncate(text.ReplaceLineEndings(" "), TitleMax));

    private static string Blocker(TaskBlock blocker)
    {
        var note = string.IsNullOrWhiteSpace(blocker.Note) ? "" : $": {MrkdwnText.Escape(MrkdwnText.Truncate(blocker.Note.ReplaceLineEndings(" "), TitleMax))}";
        return $"{blocker.Reason.Label().ToLowerInvariant()}{note}";
    }

    private static string Confidence(KrConfidence? confidence) =>
        confidence is { } c ? $"{OkrMessages.Icon(c)} {c.Label()}" : "_no check-in yet_";
}
