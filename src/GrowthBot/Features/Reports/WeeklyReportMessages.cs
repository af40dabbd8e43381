using GrowthBot.Resources;
using System.Text;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Common;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Reports;

/// <summary>
/// The weekly report as Slack messages: one compact post for the channel, per-experiment details and the
/// lead-quality ask for its thread, and the key-result progress post.
/// </summary>
public static class WeeklyReportMessages
{
    private const int MaxConcluded = 8;
    private const int MaxListed = 10;
    private const int Section = BlockKitLimits.SectionText;

    /// <summary>The channel post: reads like a person's Monday summary.</summary>
    public static Message Report(WeeklyReport report, bool withKeyResults, Wording words)
    {
        var blocks = new List<Block>();
        var goal = report.MainGoal is { } main ? $" *Main goal: {MrkdwnText.Escape(Numbers(main, words))}.*" : "";
        var opening = $"Hi all! Here's what happened in growth last week.{goal}";
        blocks.Add(new SectionBlock(opening));

        if (report.Concluded.Count == 0)
            blocks.Add(new SectionBlock("No experiment was concluded last week."));
        foreach (var e in report.Concluded.Take(MaxConcluded))
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(Concluded(e), Section)));
        if (report.Concluded.Count > MaxConcluded)
            blocks.Add(new ContextBlock($"…and {words.More(report.Concluded.Count - MaxConcluded, Counted.ConcludedExperiment)} (details in the thread)."));

        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List("*Running now*", report.Running, e => $"{Name(e)}, ends {words.Date(e.EndDate, report.To)}", "Nothing is running: time to start the next idea.", words), Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List("*Next up* (best ICE first)", report.NextUp, e => $"{Name(e)} · ICE {e.Ice.ScoreText}", "The backlog is empty: log ideas with `/experiment new`.", words), Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(Bottlenecks(report, words), Section)));
        if (report.Feedback.Count > 0) blocks.Add(new SectionBlock(MrkdwnText.Truncate(Feedback(report.Feedback, words), Section)));
        if (withKeyResults && report.KeyResults.Count > 0) blocks.Add(new SectionBlock(MrkdwnText.Truncate(Progress(report, words), Section)));
        blocks.Add(new ContextBlock(
            $"Win rate: {words.WinRate(report.WinRateLast4Weeks)} in the last 4 weeks · {words.WinRate(report.WinRateAllTime)} all time. Details and the lead-quality question are in the thread."));

        var text = $"Hi all! Here's what happened in growth last week.{(report.MainGoal is { } m ? $" Main goal: {MrkdwnText.Escape(Numbers(m, words))}." : "")}";
        return new Message(MrkdwnText.Truncate(text, Section), blocks);
    }

    /// <summary>A thread reply with everything about one concluded experiment.</summary>
    public static Message Detail(Experiment e, DateOnly today, Wording words)
    {
        var text = new StringBuilder($"*{Name(e)}* ({e.Stage}) · {Wording.English.Label(e.Outcome)}\n");
        text.Append($"*Hypothesis:* {MrkdwnText.Escape(e.Hypothesis)}\n");
        if (e.Metric.Length > 0) text.Append($"*Metric:* {MrkdwnText.Escape(e.Metric)}\n");
        text.Append($"*Result:* {MrkdwnText.Escape(e.Result)}\n*Learning:* {MrkdwnText.Escape(e.Learning)}\n*Decision:* {Wording.English.Label(e.Decision)}\n");
        text.Append($"Owner {MrkdwnText.User(e.OwnerId)} · ran {words.Date(e.StartDate, today)} – {words.Date(e.EndDate, today)}");
        var body = MrkdwnText.Truncate(text.ToString(), Section);
        return new Message(MrkdwnText.Truncate($"{e.ShortId} {e.Name}: details", 150), [new SectionBlock(body)]);
    }

    /// <summary>The thread reply asking sales about the leads, with Good / Mixed / Poor and a reason per experiment.</summary>
    public static Message Ask(IReadOnlyList<Experiment> experiments, IReadOnlyList<string> people, string? userGroup)
    {
        var mentions = new List<string>();
        if (userGroup is not null) mentions.Add(MrkdwnText.UserGroup(userGroup));
        mentions.AddRange(people.Select(MrkdwnText.User));
        var who = mentions.Count > 0 ? string.Join(" ", mentions) + ", could" : "Sales, could";
        var names = string.Join(", ", experiments.Select(e => $"*{e.ShortId}* {MrkdwnText.Escape(e.Name)}"));
        var question = $"{who} you quickly check the quality of the leads from {names}, so we know we're on the right track? Click below or just reply in this thread (mention E-ids if it's about one experiment).";
        var blocks = new List<Block> { new SectionBlock(MrkdwnText.Truncate(question, Section)) };
        foreach (var e in experiments.Take(15))
        {
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{Name(e)}*: {MrkdwnText.Escape(e.Result)}", Section)));
            blocks.Add(new ActionsBlock([
                LeadQualityButton.For(e, LeadQuality.Good), LeadQualityButton.For(e, LeadQuality.Mixed), LeadQualityButton.For(e, LeadQuality.Poor),
                LeadQualityReasonSelect.For(e),
            ]) { BlockId = $"lead_quality_{e.ShortId}" });
        }
        return new Message(MrkdwnText.Truncate($"Sales: how good were the leads from {string.Join(", ", experiments.Select(e => e.ShortId))}?", Section), blocks);
    }

    /// <summary>Key-result progress bars, posted on their own after the report (or inside it).</summary>
    public static Message OkrProgress(string? objective, IReadOnlyList<KeyResultProgress> keyResults, Wording words)
    {
        var report = new WeeklyReport { ObjectiveTitle = objective, KeyResults = keyResults };
        return new Message($"Key results this week: {string.Join(", ", keyResults.Select(k => $"{k.KeyResult.ShortId} {words.Percent(k.Percent)}"))}",
            [new SectionBlock(MrkdwnText.Truncate(Progress(report, words), Section))]);
    }

    /// <summary>e.g. <c>26/100 new leads</c>.</summary>
    private static string Numbers(KeyResultProgress k, Wording words) => words.Progress(k.KeyResult.Current, k.KeyResult.Target, k.KeyResult.Unit);

    private static string Name(Experiment e) => $"{e.ShortId} {MrkdwnText.Escape(e.Name)}";

    private static string Concluded(Experiment e)
    {
        var outcome = e.Outcome switch
        {
            Outcome.Worked => ":white_check_mark: worked",
            Outcome.DidNotWork => ":x: didn't work (a learning, not a failure)",
            _ => ":grey_question: inconclusive",
        };
        return $"Last week we tested *{Name(e)}*: {MrkdwnText.Escape(e.Hypothesis)} It {outcome}. " +
               $"*Result:* {MrkdwnText.Escape(e.Result)} *Learning:* {MrkdwnText.Escape(e.Learning)} *Decision:* {Wording.English.Label(e.Decision)}.";
    }

    private static string List(string title, IReadOnlyList<Experiment> items, Func<Experiment, string> line, string empty, Wording words)
    {
        if (items.Count == 0) return $"{title}\n{empty}";
        var text = title + "\n" + string.Join("\n", items.Take(MaxListed).Select(e => "• " + line(e)));
        return items.Count > MaxListed ? text + $"\n…and {words.Number(items.Count - MaxListed)} more" : text;
    }

    private static string Bottlenecks(WeeklyReport report, Wording words)
    {
        var blockers = report.BlockersByReason.Count == 0
            ? "no new blockers"
            : string.Join(", ", report.BlockersByReason.Select(b => $"{words.Number(b.Count)} {Wording.English.InSentence(b.Reason)}"));
        var postponed = report.Postponements == 0
            ? "no postponements"
            : $"{words.Count(report.Postponements, Counted.Postponement)} ({string.Join(", ", report.PostponementsByPerson.Take(5).Select(p => $"{MrkdwnText.User(p.OwnerId)} {words.Number(p.Count)}"))})";
        return $"*Bottlenecks of the week:* blockers: {blockers}; {postponed}.";
    }

    private static string Feedback(IReadOnlyList<LeadFeedbackSummary> feedback, Wording words)
    {
        var lines = feedback.Take(MaxListed).Select(f => $"• {Name(f.Experiment)}: {FeedbackSummary(f, words)}");
        return "*What sales said about the leads*\n" + string.Join("\n", lines);
    }

    /// <summary>What sales said about one experiment's leads: <c>2 good, 1 mixed (Wrong persona) · “last reply”</c>. The App Home shows it too.</summary>
    public static string FeedbackSummary(LeadFeedbackSummary f, Wording words)
    {
        var counts = new List<string>();
        if (f.Good > 0) counts.Add($"{words.Number(f.Good)} good");
        if (f.Mixed > 0) counts.Add($"{words.Number(f.Mixed)} mixed");
        if (f.Poor > 0) counts.Add($"{words.Number(f.Poor)} poor");
        var reasons = f.Reasons.Count > 0 ? $" ({string.Join(", ", f.Reasons.Select(r => Wording.English.Label(r)))})" : "";
        var reply = f.Replies.Count > 0 ? $" · “{MrkdwnText.Escape(MrkdwnText.Truncate(f.Replies[^1], 200))}”" : "";
        return $"{(counts.Count > 0 ? string.Join(", ", counts) : "comments")}{reasons}{reply}";
    }

    private static string Progress(WeeklyReport report, Wording words)
    {
        var lines = report.KeyResults.Take(MaxListed).Select(k =>
            $"`{Domain.Okrs.Progress.Bar(k.Percent)}` {words.Percent(k.Percent)} · *{k.KeyResult.ShortId}* {MrkdwnText.Escape(k.KeyResult.Name)}: {MrkdwnText.Escape(Numbers(k, words))}");
        var title = report.ObjectiveTitle is { } o ? $"*Key results* for _{MrkdwnText.Escape(o)}_" : "*Key results*";
        return title + "\n" + string.Join("\n", lines);
    }
}
