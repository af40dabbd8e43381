using GrowthBot.Resources;
using System.Globalization;
using System.Text;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Pipeline;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Reports;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Domain.Tasks;
using GrowthBot.Features.Charts;
using GrowthBot.Features.Common;
using GrowthBot.Features.Pipeline;
using GrowthBot.Features.Settings;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Features.Reports;

/// <summary>What the report needs beyond its data to be rendered: the team's zone and settings, and the app to link to.</summary>
/// <param name="SalesConfigured">Whether sales people or a user group are set to judge lead quality.</param>
/// <param name="AppId">The app's id for the link to its Home tab; null while unknown (the link is left out).</param>
/// <param name="Words">How numbers, counts and dates are written for the channel.</param>
public sealed record ReportContext(string TeamId, TimeZoneInfo Zone, bool WithKeyResults, bool SalesConfigured, string? AppId, Wording Words)
{
    /// <summary>The team's currency, for spend, cost per result and pipeline velocity.</summary>
    public Currency Currency { get; init; } = Currency.Euro;
    /// <summary>Who is asked to set the next period once the objective's period is over (the growth leads, or the admins acting as leads).</summary>
    public IReadOnlyList<string> Leads { get; init; } = [];
}

/// <summary>
/// Every word of the weekly report and its thread: the channel post (reads like a person's summary of the period),
/// the details and the lead-quality question in its thread, the key-result progress post, and what people are told
/// when they preview, post or rate. All texts are here, none in the logic that decides what to post.
/// </summary>
public static class WeeklyReportMessages
{
    private const int MaxConcluded = 8;
    private const int MaxListed = 10;
    private const int MaxComments = 5;
    /// <summary>Each experiment asked about takes three blocks (result, counts, buttons): 15 fit a message's 50.</summary>
    public const int MaxAsked = 15;
    private const int Section = BlockKitLimits.SectionText;

    /// <summary>The channel post.</summary>
    public static Message Report(WeeklyReport report, ReportContext context)
    {
        var words = context.Words;
        var today = Periods.LocalDate(report.Now, context.Zone);
        var opening = $"Hi all! Here's what happened in growth {Since(report, context.Zone, words)}.";
        var goal = report.MainGoal is { } main ? $"Main goal: {MrkdwnText.Escape(Numbers(main, words))}." : null;
        var pace = report.MainGoal is { } first && report.Pace?.For(first.KeyResult.Id) is { } p ? $"\n:calendar: {MrkdwnText.Escape(words.Pace(p, today, report.PaceWeek))}." : "";
        var blocks = new List<Block> { new SectionBlock(MrkdwnText.Truncate((goal is null ? opening : $"{opening} *{goal}*") + pace, Section)) };
        if (report.Pace is { HasEnded: true } ended) Review(report, ended, context, blocks);

        if (report.Concluded.Count == 0)
            blocks.Add(new SectionBlock($"No experiment was concluded {Since(report, context.Zone, words)}."));
        foreach (var e in report.Concluded.Take(MaxConcluded))
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(Concluded(e, context), Section)));
        if (report.Concluded.Count > MaxConcluded)
            blocks.Add(new ContextBlock($"…and {words.More(report.Concluded.Count - MaxConcluded, Counted.ConcludedExperiment)}: see `/experiment list`."));

        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List("*Running now*", report.Running, r => Running(r, today, context), "Nothing is running: time to start the next idea.", words), Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List("*Next up* (best ICE first)", report.NextUp, e => $"{Name(e)} · ICE {e.Ice.ScoreText}", "The backlog is empty: log ideas with `/experiment new`.", words), Section)));
        if (Money(report, context) is { } money) blocks.Add(new SectionBlock(MrkdwnText.Truncate(money, Section)));
        if (report.Pipeline is { } pipeline) blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*Pipeline velocity:* {PipelineMessages.Line(pipeline, context.Currency, context.Zone, words)}", Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(Bottlenecks(report, words), Section)));
        if (report.SalesFeedback.Count > 0 || report.SalesOnTheReport.Count > 0)
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(SalesFeedback(report, words), Section)));
        if (report.OtherComments.Count > 0)
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(OtherComments(report.OtherComments), Section)));
        if (context.WithKeyResults && report.KeyResults.Count > 0) blocks.Add(new SectionBlock(MrkdwnText.Truncate(Progress(report, today, words), Section)));
        blocks.Add(new ContextBlock(MrkdwnText.Truncate(Footer(report, context), BlockKitLimits.SectionText)));
        if (HomeLink(context) is { } home) blocks.Add(new ContextBlock(home));

        return new Message(MrkdwnText.Truncate(goal is null ? opening : $"{opening} {goal}", Section), blocks);
    }

    /// <summary>Whether the report's thread gets anything: details of concluded experiments, or a question about leads.</summary>
    public static bool HasThread(WeeklyReport report) => report.Concluded.Count > 0 || report.AskAbout.Count > 0;

    /// <summary>A thread reply with everything about one concluded experiment.</summary>
    public static Message Detail(Experiment e, TimeZoneInfo zone, DateOnly today, Wording words)
    {
        var text = new StringBuilder($"*{Name(e)}* ({e.Stage}). {Outcome(e)}\n");
        text.Append($"*Hypothesis:* {Sentence(e.Hypothesis)}\n");
        if (e.Metric.Length > 0) text.Append($"*Metric:* {Sentence(e.Metric)}\n");
        text.Append(Conclusion(e)).Append('\n');
        text.Append($"Owner: {MrkdwnText.User(e.OwnerId)}. It ran from {words.Date(e.StartDate, today)} to {words.Date(e.EndDate, today)}");
        if (e.ConcludedAt is { } at) text.Append($" and was concluded on {words.Date(Periods.LocalDate(at, zone), today)}");
        text.Append('.');
        return new Message(MrkdwnText.Truncate($"{e.ShortId} {e.Name}: details", 150), [new SectionBlock(MrkdwnText.Truncate(text.ToString(), Section))]);
    }

    /// <summary>
    /// The thread reply asking the configured people about the leads, with each experiment's current ratings
    /// ("Good 2 · Mixed 1") and Good / Mixed / Poor and a reason to choose. Rebuilt with new counts after each click.
    /// </summary>
    public static Message Ask(IReadOnlyList<Experiment> experiments, IReadOnlyList<string> people, string? userGroup, IReadOnlyDictionary<long, RatingCounts> counts)
    {
        var mentions = new List<string>();
        if (userGroup is not null) mentions.Add(MrkdwnText.UserGroup(userGroup));
        mentions.AddRange(people.Select(MrkdwnText.User));
        var how = experiments.Count == 1
            ? "Click a rating below, or just reply in this thread."
            : "Click a rating below, or reply in this thread (name the experiment, like " + experiments[0].ShortId + ", when your reply is about one of them).";
        var question = $"{string.Join(" ", mentions)}, could you quickly check the quality of the leads from {Names(experiments)}, so we know we're on the right track? {how}";
        var blocks = new List<Block> { new SectionBlock(MrkdwnText.Truncate(question, Section)) };
        foreach (var e in experiments.Take(MaxAsked))
        {
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{Name(e)}*: {AskedAbout(e)}", Section)));
            blocks.Add(new ContextBlock(Counts(counts.GetValueOrDefault(e.Id))) { BlockId = $"lead_quality_counts_{e.ShortId}" });
            blocks.Add(new ActionsBlock([
                LeadQualityButton.For(e, LeadQuality.Good), LeadQualityButton.For(e, LeadQuality.Mixed), LeadQualityButton.For(e, LeadQuality.Poor),
                LeadQualityReasonSelect.For(e),
            ]) { BlockId = $"lead_quality_{e.ShortId}" });
        }
        return new Message(MrkdwnText.Truncate($"How good were the leads from {string.Join(", ", experiments.Select(e => e.ShortId))}?", Section), blocks);
    }

    /// <summary>
    /// The thread reply when nobody is set to judge lead quality: it asks the growth leads (mentioned, when they are
    /// configured) to choose the people, with a button that opens the settings. Nobody is called "Sales" unmentioned.
    /// </summary>
    public static Message NobodyToAsk(IReadOnlyList<Experiment> experiments, IReadOnlyList<string> leads)
    {
        var who = leads.Count > 0 ? string.Join(" ", leads.Select(MrkdwnText.User)) + ", nobody" : "Nobody";
        var text = $"{who} is set to judge the quality of leads yet, so I asked no one about {Names(experiments)}. " +
                   "Choose the sales people or their user group in the settings, and the next report will ask them.";
        return new Message(MrkdwnText.Truncate(text, Section),
            [new SectionBlock(MrkdwnText.Truncate(text, Section)), new ActionsBlock([OpenSettingsButton.For("Choose who rates leads")])]);
    }

    /// <summary>Key-result progress bars with each one's week against its period, posted on their own after the report (or inside it).</summary>
    public static Message OkrProgress(WeeklyReport report, ReportContext context) =>
        new($"Key results now: {string.Join(", ", report.KeyResults.Select(k => $"{k.KeyResult.ShortId} {context.Words.Percent(k.Percent)}"))}.",
            [new SectionBlock(MrkdwnText.Truncate(Progress(report, Periods.LocalDate(report.Now, context.Zone), context.Words), Section))]);

    /// <summary>
    /// The monthly or quarterly review, once the objective's period is over: each key result's result, and the growth
    /// leads asked to set the next period, with the button that opens <c>/okr set</c> for it.
    /// </summary>
    private static void Review(WeeklyReport report, OkrPace pace, ReportContext context, List<Block> blocks)
    {
        var words = context.Words;
        var results = pace.KeyResults.Take(MaxListed).Select(k =>
            $"• *{k.KeyResult.ShortId}* {MrkdwnText.Escape(MrkdwnText.Truncate(k.KeyResult.Name, 100))}: {MrkdwnText.Escape(words.Pace(k, pace.Today))}");
        var who = context.Leads.Count > 0 ? string.Join(" ", context.Leads.Take(10).Select(MrkdwnText.User)) + ", please" : "Growth leads, please";
        var text = $":checkered_flag: *{MrkdwnText.Escape(pace.Objective.Period)} is over* ({words.Date(pace.Period.Start, pace.Today)} – {words.Date(pace.Period.End, pace.Today)}). " +
                   $"Its result:\n{string.Join("\n", results)}\n{who} set the next {words.PeriodKindName(pace.Period.Kind)}'s objective and key results with `/okr set`.";
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(text, Section)) { BlockId = "okr_review" });
        blocks.Add(new ActionsBlock([Okrs.SetNextPeriodButton.For(words)]) { BlockId = "okr_review_actions" });
    }

    /// <summary>The charts in the report's thread: the North Star's trend and weekly pace and the experiment scoreboard, as pictures.</summary>
    public static Message Charts(IReadOnlyList<ChartInSlack> charts) =>
        ChartMessages.Pictures(ChartsText(charts.Select(c => c.Chart)), [new SectionBlock(":bar_chart: *The period in pictures*")], charts, "report_chart");

    /// <summary>The same charts' numbers as text, under the main goal's progress bar: what the thread shows when Slack would not take the pictures.</summary>
    public static Message ChartsAsText(IReadOnlyList<TeamChart> charts, KeyResultProgress? mainGoal, Wording words)
    {
        var intro = ":bar_chart: Slack could not show this report's charts just now, so here are their numbers.";
        if (mainGoal is not null) intro += "\n" + ProgressLine(mainGoal, words);
        return ChartMessages.Text(ChartsText(charts), [new SectionBlock(MrkdwnText.Truncate(intro, Section))], charts);
    }

    private static string ChartsText(IEnumerable<TeamChart> charts) => $"Charts: {string.Join(", ", charts.Where(c => c.Result.HasImage).Select(c => c.Title))}";

    /// <summary>What sales said about one experiment's leads: <c>2 good, 1 mixed (Wrong persona) · “last reply”</c>. The App Home shows it too.</summary>
    public static string FeedbackSummary(LeadFeedbackSummary f, Wording words)
    {
        var counts = new List<string>();
        if (f.Good > 0) counts.Add($"{words.Number(f.Good)} good");
        if (f.Mixed > 0) counts.Add($"{words.Number(f.Mixed)} mixed");
        if (f.Poor > 0) counts.Add($"{words.Number(f.Poor)} poor");
        var reasons = f.Reasons.Count > 0 ? $" ({string.Join(", ", f.Reasons.Select(r => words.Label(r)))})" : "";
        var reply = f.Replies.Count > 0 ? $" · “{MrkdwnText.Escape(MrkdwnText.Truncate(f.Replies[^1], 200))}”" : "";
        return $"{(counts.Count > 0 ? string.Join(", ", counts) : "comments")}{reasons}{reply}";
    }

    /// <summary>The context line added under the preview, which only its reader sees.</summary>
    public static string PreviewNote(WeeklyReport report, bool salesConfigured)
    {
        var thread = ThreadParts(report, salesConfigured);
        return "Preview: only you see this. It is what `/growth report now` would post now" +
               (thread.Count > 0 ? $"; its thread would hold {string.Join(" and ", thread)}." : ".");
    }

    public static string OnlyLeadsPost(string whoCan) => $"Only {whoCan} can post the report. `/growth report` shows you a preview.";

    public const string NoReportChannel = "There is no report channel yet: choose one with `/growth settings`.";

    public const string PreviewOrPost = "`/growth report` previews the report; `/growth report now` posts it.";

    public static string NotPosted(string channel, string? error) =>
        $"I couldn't post the report to {MrkdwnText.Channel(channel)} (`{error ?? "busy"}`). If I'm not in that channel, `/invite @GrowthBot` there; I keep trying meanwhile.";

    public static string BeingPosted(string channel) => $"A report is being posted to {MrkdwnText.Channel(channel)} right now; it will be there in a moment.";

    public static string Posted(string channel, string link) => $"Posted the report to {MrkdwnText.Channel(channel)}: {link}";

    public static string JustPosted(string channel, string link) =>
        $"A report went out to {MrkdwnText.Channel(channel)} a moment ago, so I didn't post another: {link}";

    public static string RatingNoted(Experiment e, LeadQuality quality) =>
        $"Thanks! Noted *{quality}* leads for *{e.ShortId}* {MrkdwnText.Escape(e.Name)}. Click another rating to change it; pick a reason too if you like, or reply in the thread.";

    public static string ReasonNoted(Experiment e, LeadQualityReason reason) =>
        $"Thanks! Noted “{Wording.English.Label(reason)}” for *{e.ShortId}* {MrkdwnText.Escape(e.Name)}.";

    /// <summary>To someone who clicked but was not asked: their click is not a rating, their words are welcome.</summary>
    public static string NotAsked(IReadOnlyList<string> people, string? userGroup)
    {
        var asked = new List<string>();
        if (userGroup is not null) asked.Add(MrkdwnText.UserGroup(userGroup));
        asked.AddRange(people.Take(5).Select(MrkdwnText.User));
        var whom = asked.Count > 0 ? $" ({string.Join(" ", asked)})" : "";
        return $"Thanks for looking! Only the people asked to judge these leads{whom} count as ratings, so I didn't count this click. " +
               "If you know something about these leads, reply in the thread: it is kept as a comment on the report.";
    }

    public const string CouldNotCheckGroup = "I couldn't check the user group that judges these leads just now, so I didn't count this click. Please try again in a minute.";

    public const string UnreadableButton = "Sorry, I couldn't read that button. Please reply in the thread instead.";

    public const string UnreadableChoice = "Sorry, I couldn't read that choice. Please reply in the thread instead.";

    public const string UnknownReport = "I can't find the report this question belongs to any more, so I couldn't note that. Please reply in its thread instead.";

    public static string NotAskedAbout(string shortId) => $"{shortId} isn't one of the experiments this report asked about.";

    public static string NoLongerExists(string shortId) => $"{shortId} no longer exists.";

    private static string Since(WeeklyReport report, TimeZoneInfo zone, Wording words)
    {
        var period = report.Period;
        var (start, end) = (TimeZoneInfo.ConvertTime(period.Start, zone), TimeZoneInfo.ConvertTime(period.End, zone));
        var (startDay, endDay) = (DateOnly.FromDateTime(start.DateTime), DateOnly.FromDateTime(end.DateTime));
        var since = period.IsFirst ? "in the last 7 days"
            : startDay == endDay ? $"since {words.Time(TimeOnly.FromDateTime(start.DateTime))} today"
            : $"since {words.FullDate(startDay, endDay)}";
        // A report made up late still ends where it was due; say so, as it leaves out what happened since.
        return report.Now - period.End > CatchUpPolicy.OnTime
            ? $"{since} up to {words.FullDate(endDay, endDay)} {words.Time(TimeOnly.FromDateTime(end.DateTime))}"
            : since;
    }

    /// <summary>What the people asked read about an experiment: its measured result, or that it still runs.</summary>
    private static string AskedAbout(Experiment e) => e.Status == ExperimentStatus.Concluded
        ? Sentence(e.Result)
        : e.Metric.Length > 0 ? $"Still running. Metric: {Sentence(e.Metric)}" : "Still running.";

    private static string Name(Experiment e) => $"{e.ShortId} {MrkdwnText.Escape(e.Name)}";

    private static string Names(IReadOnlyList<Experiment> experiments) =>
        string.Join(", ", experiments.Take(MaxAsked).Select(e => $"*{Name(e)}*")) + (experiments.Count > MaxAsked ? $" and {experiments.Count - MaxAsked} more" : "");

    private static string Concluded(Experiment e, ReportContext context) =>
        $"*{Name(e)}*: {Sentence(e.Hypothesis)} {Outcome(e)}\n{Conclusion(e)}" +
        (e.HasMoney ? $"\n*Spend:* {MrkdwnText.Escape(context.Words.Spend(e, context.Currency))}" : "");

    /// <summary>
    /// The period's spend and the blended cost per result of the main goal, with the change from the previous report's;
    /// null when the team records no money at all.
    /// </summary>
    private static string? Money(WeeklyReport report, ReportContext context)
    {
        if (!report.TracksMoney) return null;
        var (words, currency) = (context.Words, context.Currency);
        var text = $"*Spent {Since(report, context.Zone, words)}:* {words.Money(report.PeriodSpend, currency)} on experiments.";
        if (report.Blended is not { } blended || report.MainGoal is not { } main) return text;
        var kr = main.KeyResult;
        var growth = words.Quantity(blended.Growth, kr.Unit);
        if (blended.PerResult is not { } cost)
            return $"{text} *Blended cost per result:* none, as {kr.ShortId} {MrkdwnText.Escape(kr.Name)} did not grow ({MrkdwnText.Escape(growth)}).";
        text += $" *Blended cost per result:* {words.Money(cost, currency)} ({words.Money(blended.Spend, currency)} ÷ {MrkdwnText.Escape(growth)} on {kr.ShortId})";
        if (report.PreviousBlended?.PerResult is { } before)
        {
            var change = cost - before;
            text += change == 0 ? $", the same as in the previous report." :
                $", {(change > 0 ? "up" : "down")} {words.Money(Math.Abs(change), currency)} from {words.Money(before, currency)} in the previous report" +
                (before != 0 ? $" ({(change > 0 ? "+" : "")}{words.Percent(Math.Round(change * 100m / before, 1))})." : ".");
        }
        else text += ".";
        return text;
    }


    private static string Outcome(Experiment e) => e.Outcome switch
    {
        Domain.Experiments.Outcome.Worked => ":white_check_mark: It worked.",
        Domain.Experiments.Outcome.DidNotWork => ":x: It did not work, and that is a learning too.",
        _ => ":grey_question: The result was inconclusive.",
    };

    /// <summary>Result, learning and decision on lines of their own, then the next step the team chose.</summary>
    private static string Conclusion(Experiment e)
    {
        var lines = new List<string> { $"*Result:* {Sentence(e.Result)}", $"*Learning:* {Sentence(e.Learning)}" };
        if (e.Decision is { } decision) lines.Add($"*Decision:* {Wording.English.Label(decision)}.");
        if (e.NextStep is { Length: > 0 } next) lines.Add($"*Next step:* {Sentence(next)}");
        return string.Join("\n", lines);
    }

    private static string Running(RunningExperiment r, DateOnly today, ReportContext context)
    {
        var words = context.Words;
        var days = r.PastEnd
            ? $"day {words.Number(r.Day)} of {words.Number(r.Days)}, past its end date ({words.Date(r.Experiment.EndDate, today)})"
            : $"day {words.Number(r.Day)} of {words.Number(r.Days)}, ends {words.Date(r.Experiment.EndDate, today)}";
        var tasks = r.Tasks.Total == 0 ? "no tasks yet" : $"{words.Count(r.Tasks.Done, Counted.Task)} done, {words.Number(r.Tasks.Open)} open";
        var blocked = r.Tasks.Blocked > 0 ? $", {words.Number(r.Tasks.Blocked)} blocked" : "";
        var money = r.Experiment.HasMoney ? $" · {MrkdwnText.Escape(words.Spend(r.Experiment, context.Currency))}" : "";
        return $"*{Name(r.Experiment)}*: {days} · {tasks}{blocked}{money}.";
    }

    private static string List<T>(string title, IReadOnlyList<T> items, Func<T, string> line, string empty, Wording words)
    {
        if (items.Count == 0) return $"{title}\n{empty}";
        var text = title + "\n" + string.Join("\n", items.Take(MaxListed).Select(e => "• " + line(e)));
        return items.Count > MaxListed ? text + $"\n…and {words.Number(items.Count - MaxListed)} more." : text;
    }

    private static string Bottlenecks(WeeklyReport report, Wording words)
    {
        var blockerCount = report.BlockersByReason.Sum(b => b.Count);
        var blockers = blockerCount == 0
            ? "no new blockers"
            : $"{words.Count(blockerCount, Counted.Blocker)} ({string.Join(", ", report.BlockersByReason.Select(b => $"{words.Label(b.Reason)}: {words.Number(b.Count)}"))})";
        var postponed = report.Postponements == 0
            ? "no postponements"
            : $"{words.Count(report.Postponements, Counted.Postponement)} ({string.Join(", ", report.PostponementsByPerson.Take(5).Select(p => $"{MrkdwnText.User(p.OwnerId)}: {words.Number(p.Count)}"))})";
        return $"*Bottlenecks:* {blockers} and {postponed}.";
    }

    private static string SalesFeedback(WeeklyReport report, Wording words) =>
        "*What sales said about the leads*\n" + string.Join("\n",
            report.SalesFeedback.Take(MaxListed).Select(f => $"• *{Name(f.Experiment)}*: {FeedbackSummary(f, words)}")
                .Concat(report.SalesOnTheReport.TakeLast(MaxComments).Select(c => $"• About the whole report: {Quote(c)}")));

    private static string OtherComments(IReadOnlyList<ReportComment> comments) =>
        "*Also said in the report threads*\n" + string.Join("\n", comments.TakeLast(MaxComments).Select(c =>
            $"• {MrkdwnText.User(c.Comment.CreatedBy)}{(c.Experiment is { } e ? $" about *{e.ShortId}*" : "")}: “{MrkdwnText.Escape(MrkdwnText.Truncate(c.Comment.Text, 200))}”"));

    private static string Quote(ThreadComment c) => $"“{MrkdwnText.Escape(MrkdwnText.Truncate(c.Text, 200))}” ({MrkdwnText.User(c.CreatedBy)})";

    /// <summary>e.g. <c>26/100 new leads</c>.</summary>
    private static string Numbers(KeyResultProgress k, Wording words) => words.Progress(k.KeyResult.Current, k.KeyResult.Target, k.KeyResult.Unit);

    private static string ProgressLine(KeyResultProgress k, Wording words) =>
        $"`{Domain.Okrs.Progress.Bar(k.Percent)}` {words.Percent(k.Percent)} · *{k.KeyResult.ShortId}* {MrkdwnText.Escape(k.KeyResult.Name)}: {MrkdwnText.Escape(Numbers(k, words))}";

    /// <summary>Each key result's bar and numbers, its week against its period, and what its KPI counts.</summary>
    private static string Progress(WeeklyReport report, DateOnly today, Wording words)
    {
        var lines = report.KeyResults.Take(MaxListed).Select(k =>
        {
            var line = ProgressLine(k, words);
            if (report.Pace?.For(k.KeyResult.Id) is { } pace) line += $"\n      {MrkdwnText.Escape(words.Pace(pace, today, report.PaceWeek))}";
            if (Okrs.OkrMessages.KpiOf(k.KeyResult, report.Kpis) is { } kpi)
                line += $"\n      _{kpi.ShortId} {MrkdwnText.Escape(MrkdwnText.Truncate(kpi.Name, 60))}: {MrkdwnText.Escape(MrkdwnText.Truncate(kpi.Definition.ReplaceLineEndings(" "), 150))}_";
            return line;
        });
        var title = report.ObjectiveTitle is { } o ? $"*Key results* for _{MrkdwnText.Escape(o)}_" : "*Key results*";
        return title + "\n" + string.Join("\n", lines);
    }

    private static string Footer(WeeklyReport report, ReportContext context)
    {
        var words = context.Words;
        var text = $"Win rate: {words.WinRate(report.WinRateLast4Weeks)} in the last 4 weeks · {words.WinRate(report.WinRateAllTime)} all time.";
        var thread = ThreadParts(report, context.SalesConfigured);
        return thread.Count > 0 ? $"{text} In the thread: {string.Join(" and ", thread)}." : text;
    }

    private static List<string> ThreadParts(WeeklyReport report, bool salesConfigured)
    {
        var parts = new List<string>();
        if (report.Concluded.Count > 0) parts.Add(report.Concluded.Count == 1 ? "the details of the concluded experiment" : "the details of the concluded experiments");
        if (report.AskAbout.Count > 0) parts.Add(salesConfigured ? "the lead-quality question for sales" : "a question for the growth leads about who judges the leads");
        return parts;
    }

    private static string? HomeLink(ReportContext context) => context.AppId is { Length: > 0 } app
        ? $"<slack://app?team={context.TeamId}&id={app}&tab=home|Open GrowthBot's Home tab> for key results, your open tasks and every blocker."
        : null;

    private static string Counts(RatingCounts counts) => counts.Total == 0 ? "No ratings yet." : CountsText(counts);

    /// <summary>e.g. <c>Good 2 · Mixed 1</c>: only the ratings given.</summary>
    private static string CountsText(RatingCounts counts) => string.Join(" · ",
        new[] { ("Good", counts.Good), ("Mixed", counts.Mixed), ("Poor", counts.Poor) }.Where(c => c.Item2 > 0).Select(c => $"{c.Item1} {c.Item2}"));

    /// <summary>What a person typed, escaped, ending as a sentence ends.</summary>
    private static string Sentence(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return "—";
        var escaped = MrkdwnText.Escape(trimmed);
        return ".!?…".Contains(trimmed[^1]) ? escaped : escaped + ".";
    }
}
