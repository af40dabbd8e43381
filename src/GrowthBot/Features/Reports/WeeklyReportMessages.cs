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

    /// <summary>The channel post, in the team's language (<see cref="ReportContext.Words"/>).</summary>
    public static Message Report(WeeklyReport report, ReportContext context)
    {
        var words = context.Words;
        var today = Periods.LocalDate(report.Now, context.Zone);
        var since = Since(report, context.Zone, words);
        var opening = words.Text(ReportText.Opening, ("since", since));
        var goal = report.MainGoal is { } main ? words.Text(ReportText.MainGoal, ("goal", MrkdwnText.Escape(Numbers(main, words)))) : null;
        var pace = report.MainGoal is { } first && report.Pace?.For(first.KeyResult.Id) is { } p ? $"\n:calendar: {MrkdwnText.Escape(words.Pace(p, today, report.PaceWeek))}." : "";
        var blocks = new List<Block> { new SectionBlock(MrkdwnText.Truncate((goal is null ? opening : $"{opening} *{goal}*") + pace, Section)) };
        if (report.Pace is { HasEnded: true } ended) Review(report, ended, context, blocks);

        if (report.Concluded.Count == 0)
            blocks.Add(new SectionBlock(words.Text(ReportText.NoneConcluded, ("since", since))));
        foreach (var e in report.Concluded.Take(MaxConcluded))
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(Concluded(e, context), Section)));
        if (report.Concluded.Count > MaxConcluded)
            blocks.Add(new ContextBlock(words.Text(ReportText.MoreConcluded, ("more", words.More(report.Concluded.Count - MaxConcluded, Counted.ConcludedExperiment)))));

        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List(words.Text(ReportText.RunningTitle), report.Running, r => Running(r, today, context),
            words.Text(ReportText.NothingRunning), words), Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(List(words.Text(ReportText.NextUpTitle), report.NextUp, e => $"{Name(e)} · ICE {words.IceScore(e.Ice)}",
            words.Text(ReportText.BacklogEmpty), words), Section)));
        if (Money(report, since, context) is { } money) blocks.Add(new SectionBlock(MrkdwnText.Truncate(money, Section)));
        if (report.Pipeline is { } pipeline)
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(words.Text(ReportText.PipelineLine, ("line", PipelineMessages.Line(pipeline, context.Currency, context.Zone, words))), Section)));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate(Bottlenecks(report, words), Section)));
        if (report.SalesFeedback.Count > 0 || report.SalesOnTheReport.Count > 0)
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(SalesFeedback(report, words), Section)));
        if (report.OtherComments.Count > 0)
            blocks.Add(new SectionBlock(MrkdwnText.Truncate(OtherComments(report.OtherComments, words), Section)));
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
        var text = new StringBuilder($"*{Name(e)}* ({words.Label(e.Stage)}). {Outcome(e, words)}\n");
        text.Append(words.Text(ReportText.HypothesisLine, ("text", Sentence(e.Hypothesis)))).Append('\n');
        if (e.Metric.Length > 0) text.Append(words.Text(ReportText.MetricLine, ("text", Sentence(e.Metric)))).Append('\n');
        text.Append(Conclusion(e, words)).Append('\n');
        var (owner, start, end) = (("owner", (object?)MrkdwnText.User(e.OwnerId)), ("start", (object?)words.Date(e.StartDate, today)), ("end", (object?)words.Date(e.EndDate, today)));
        text.Append(e.ConcludedAt is { } at
            ? words.Text(ReportText.RanAndConcluded, owner, start, end, ("concluded", words.Date(Periods.LocalDate(at, zone), today)))
            : words.Text(ReportText.Ran, owner, start, end));
        return new Message(MrkdwnText.Truncate(words.Text(ReportText.DetailFallback, ("experiment", $"{e.ShortId} {e.Name}")), 150),
            [new SectionBlock(MrkdwnText.Truncate(text.ToString(), Section))]);
    }

    /// <summary>
    /// The thread reply asking the configured people about the leads, with each experiment's current ratings
    /// ("Good 2 · Mixed 1") and Good / Mixed / Poor and a reason to choose. Rebuilt with new counts after each click.
    /// </summary>
    public static Message Ask(IReadOnlyList<Experiment> experiments, IReadOnlyList<string> people, string? userGroup, IReadOnlyDictionary<long, RatingCounts> counts, Wording words)
    {
        var mentions = new List<string>();
        if (userGroup is not null) mentions.Add(MrkdwnText.UserGroup(userGroup));
        mentions.AddRange(people.Select(MrkdwnText.User));
        var how = experiments.Count == 1
            ? words.Text(ReportText.AskHowOne)
            : words.Text(ReportText.AskHowMany, ("example", experiments[0].ShortId));
        var question = words.Text(ReportText.AskQuestion, ("who", string.Join(" ", mentions)), ("experiments", Names(experiments, words)), ("how", how));
        var blocks = new List<Block> { new SectionBlock(MrkdwnText.Truncate(question, Section)) };
        foreach (var e in experiments.Take(MaxAsked))
        {
            blocks.Add(new SectionBlock(MrkdwnText.Truncate($"*{Name(e)}*: {AskedAbout(e, words)}", Section)));
            blocks.Add(new ContextBlock(Counts(counts.GetValueOrDefault(e.Id), words)) { BlockId = $"lead_quality_counts_{e.ShortId}" });
            blocks.Add(new ActionsBlock([
                LeadQualityButton.For(e, LeadQuality.Good, words), LeadQualityButton.For(e, LeadQuality.Mixed, words), LeadQualityButton.For(e, LeadQuality.Poor, words),
                LeadQualityReasonSelect.For(e, words),
            ]) { BlockId = $"lead_quality_{e.ShortId}" });
        }
        return new Message(MrkdwnText.Truncate(words.Text(ReportText.AskFallback, ("ids", string.Join(", ", experiments.Select(e => e.ShortId)))), Section), blocks);
    }

    /// <summary>
    /// The thread reply when nobody is set to judge lead quality: it asks the growth leads (mentioned, when they are
    /// configured) to choose the people, with a button that opens the settings. Nobody is called "Sales" unmentioned.
    /// </summary>
    public static Message NobodyToAsk(IReadOnlyList<Experiment> experiments, IReadOnlyList<string> leads, Wording words)
    {
        var names = ("experiments", (object?)Names(experiments, words));
        var text = leads.Count > 0
            ? words.Text(ReportText.NobodyToAskLeads, ("leads", string.Join(" ", leads.Select(MrkdwnText.User))), names)
            : words.Text(ReportText.NobodyToAsk, names);
        return new Message(MrkdwnText.Truncate(text, Section),
            [new SectionBlock(MrkdwnText.Truncate(text, Section)), new ActionsBlock([OpenSettingsButton.For(words.Text(ReportText.ChooseRatersButton))])]);
    }

    /// <summary>Key-result progress bars with each one's week against its period, posted on their own after the report (or inside it).</summary>
    public static Message OkrProgress(WeeklyReport report, ReportContext context) =>
        new(context.Words.Text(ReportText.KeyResultsNow, ("list", string.Join(", ", report.KeyResults.Select(k => $"{k.KeyResult.ShortId} {context.Words.Percent(k.Percent)}")))),
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
        var who = context.Leads.Count > 0 ? string.Join(" ", context.Leads.Take(10).Select(MrkdwnText.User)) : words.Text(ReportText.GrowthLeads);
        var over = words.Text(ReportText.ReviewOver, ("period", MrkdwnText.Escape(pace.Objective.Period)),
            ("start", words.Date(pace.Period.Start, pace.Today)), ("end", words.Date(pace.Period.End, pace.Today)));
        var ask = words.Text(pace.Period.Kind switch
        {
            PeriodKind.Quarter => ReportText.ReviewAskQuarter,
            PeriodKind.Month => ReportText.ReviewAskMonth,
            _ => ReportText.ReviewAskPeriod,
        }, ("who", who));
        blocks.Add(new SectionBlock(MrkdwnText.Truncate($"{over}\n{string.Join("\n", results)}\n{ask}", Section)) { BlockId = "okr_review" });
        blocks.Add(new ActionsBlock([Okrs.SetNextPeriodButton.For(words)]) { BlockId = "okr_review_actions" });
    }

    /// <summary>The charts in the report's thread: the North Star's trend and weekly pace and the experiment scoreboard, as pictures.</summary>
    public static Message Charts(IReadOnlyList<ChartInSlack> charts, Wording words) =>
        ChartMessages.Pictures(ChartsText(charts.Select(c => c.Chart), words), [new SectionBlock(words.Text(ReportText.ChartsTitle))], charts, "report_chart");

    /// <summary>The same charts' numbers as text, under the main goal's progress bar: what the thread shows when Slack would not take the pictures.</summary>
    public static Message ChartsAsText(IReadOnlyList<TeamChart> charts, KeyResultProgress? mainGoal, Wording words)
    {
        var intro = words.Text(ReportText.ChartsAsTextIntro);
        if (mainGoal is not null) intro += "\n" + ProgressLine(mainGoal, words);
        return ChartMessages.Text(ChartsText(charts, words), [new SectionBlock(MrkdwnText.Truncate(intro, Section))], charts);
    }

    private static string ChartsText(IEnumerable<TeamChart> charts, Wording words) =>
        words.Text(ReportText.ChartsFallback, ("titles", string.Join(", ", charts.Where(c => c.Result.HasImage).Select(c => c.Title))));

    /// <summary>What sales said about one experiment's leads: <c>2 good, 1 mixed (Wrong persona) · “last reply”</c>. The App Home shows it too.</summary>
    public static string FeedbackSummary(LeadFeedbackSummary f, Wording words)
    {
        var counts = new List<string>();
        if (f.Good > 0) counts.Add(words.Plural(ReportText.GoodCount, f.Good));
        if (f.Mixed > 0) counts.Add(words.Plural(ReportText.MixedCount, f.Mixed));
        if (f.Poor > 0) counts.Add(words.Plural(ReportText.PoorCount, f.Poor));
        var reasons = f.Reasons.Count > 0 ? $" ({string.Join(", ", f.Reasons.Select(r => words.Label(r)))})" : "";
        var reply = f.Replies.Count > 0 ? $" · {Quoted(f.Replies[^1], words)}" : "";
        return $"{(counts.Count > 0 ? string.Join(", ", counts) : words.Text(ReportText.CommentsOnly))}{reasons}{reply}";
    }

    /// <summary>The context line added under the preview, which only its reader sees, in their own language.</summary>
    public static string PreviewNote(WeeklyReport report, bool salesConfigured, Wording words)
    {
        var thread = ThreadParts(report, salesConfigured, words);
        return thread.Count > 0
            ? words.Text(ReportText.PreviewNoteWithThread, ("parts", words.List(thread)))
            : words.Text(ReportText.PreviewNote);
    }

    public static string OnlyLeadsPost(string whoCan, Wording words) => words.Text(ReportText.OnlyLeadsPost, ("who", whoCan));

    public static string NotPosted(string channel, string? error, Wording words) =>
        words.Text(ReportText.NotPosted, ("channel", MrkdwnText.Channel(channel)), ("error", error ?? "busy"));

    public static string BeingPosted(string channel, Wording words) => words.Text(ReportText.BeingPosted, ("channel", MrkdwnText.Channel(channel)));

    public static string Posted(string channel, string link, Wording words) => words.Text(ReportText.Posted, ("channel", MrkdwnText.Channel(channel)), ("link", link));

    public static string JustPosted(string channel, string link, Wording words) => words.Text(ReportText.JustPosted, ("channel", MrkdwnText.Channel(channel)), ("link", link));

    public static string RatingNoted(Experiment e, LeadQuality quality, Wording words) =>
        words.Text(ReportText.RatingNoted, ("quality", words.Label(quality)), ("id", e.ShortId), ("name", MrkdwnText.Escape(e.Name)));

    public static string ReasonNoted(Experiment e, LeadQualityReason reason, Wording words) =>
        words.Text(ReportText.ReasonNoted, ("reason", words.Label(reason)), ("id", e.ShortId), ("name", MrkdwnText.Escape(e.Name)));

    /// <summary>To someone who clicked but was not asked: their click is not a rating, their words are welcome.</summary>
    public static string NotAsked(IReadOnlyList<string> people, string? userGroup, Wording words)
    {
        var asked = new List<string>();
        if (userGroup is not null) asked.Add(MrkdwnText.UserGroup(userGroup));
        asked.AddRange(people.Take(5).Select(MrkdwnText.User));
        return asked.Count > 0 ? words.Text(ReportText.NotAskedWhom, ("whom", string.Join(" ", asked))) : words.Text(ReportText.NotAsked);
    }

    public static string NotAskedAbout(string shortId, Wording words) => words.Text(ReportText.NotAskedAbout, ("id", shortId));

    public static string NoLongerExists(string shortId, Wording words) => words.Text(ReportText.NoLongerExists, ("id", shortId));

    private static string Since(WeeklyReport report, TimeZoneInfo zone, Wording words)
    {
        var period = report.Period;
        var (start, end) = (TimeZoneInfo.ConvertTime(period.Start, zone), TimeZoneInfo.ConvertTime(period.End, zone));
        var (startDay, endDay) = (DateOnly.FromDateTime(start.DateTime), DateOnly.FromDateTime(end.DateTime));
        var since = period.IsFirst ? words.Text(ReportText.InLast7Days)
            : startDay == endDay ? words.Text(ReportText.SinceTimeToday, ("time", TimeOnly.FromDateTime(start.DateTime)))
            : words.Text(startDay.Year == endDay.Year ? ReportText.SinceDate : ReportText.SinceDateWithYear, ("date", startDay));
        // A report made up late still ends where it was due; say so, as it leaves out what happened since.
        return report.Now - period.End > CatchUpPolicy.OnTime
            ? words.Text(ReportText.SinceUpTo, ("since", since), ("date", endDay), ("time", TimeOnly.FromDateTime(end.DateTime)))
            : since;
    }

    /// <summary>What the people asked read about an experiment: its measured result, or that it still runs.</summary>
    private static string AskedAbout(Experiment e, Wording words) => e.Status == ExperimentStatus.Concluded
        ? Sentence(e.Result)
        : e.Metric.Length > 0 ? words.Text(ReportText.StillRunningMetric, ("metric", Sentence(e.Metric))) : words.Text(ReportText.StillRunning);

    private static string Name(Experiment e) => $"{e.ShortId} {MrkdwnText.Escape(e.Name)}";

    private static string Names(IReadOnlyList<Experiment> experiments, Wording words)
    {
        var names = string.Join(", ", experiments.Take(MaxAsked).Select(e => $"*{Name(e)}*"));
        return experiments.Count > MaxAsked ? words.Text(ReportText.NamesAndMore, ("names", names), ("count", experiments.Count - MaxAsked)) : names;
    }

    private static string Concluded(Experiment e, ReportContext context) =>
        $"*{Name(e)}*: {Sentence(e.Hypothesis)} {Outcome(e, context.Words)}\n{Conclusion(e, context.Words)}" +
        (e.HasMoney ? "\n" + context.Words.Text(ReportText.SpendLine, ("spend", MrkdwnText.Escape(context.Words.Spend(e, context.Currency)))) : "");

    /// <summary>
    /// The period's spend and the blended cost per result of the main goal, with the change from the previous report's;
    /// null when the team records no money at all.
    /// </summary>
    private static string? Money(WeeklyReport report, string since, ReportContext context)
    {
        if (!report.TracksMoney) return null;
        var (words, currency) = (context.Words, context.Currency);
        var text = words.Text(ReportText.SpentSince, ("since", since), ("amount", words.Money(report.PeriodSpend, currency)));
        if (report.Blended is not { } blended || report.MainGoal is not { } main) return text;
        var kr = main.KeyResult;
        var growth = MrkdwnText.Escape(words.Quantity(blended.Growth, kr.Unit));
        if (blended.PerResult is not { } cost)
            return $"{text} {words.Text(ReportText.BlendedNone, ("kr", $"{kr.ShortId} {MrkdwnText.Escape(kr.Name)}"), ("growth", growth))}";
        text += " " + words.Text(ReportText.BlendedCost, ("cost", words.Money(cost, currency)), ("spend", words.Money(blended.Spend, currency)), ("growth", growth), ("kr", kr.ShortId));
        if (report.PreviousBlended?.PerResult is not { } before) return text + ".";
        var change = cost - before;
        if (change == 0) return text + words.Text(ReportText.BlendedSame);
        text += words.Text(change > 0 ? ReportText.BlendedUp : ReportText.BlendedDown, ("change", words.Money(Math.Abs(change), currency)), ("before", words.Money(before, currency)));
        return text + (before != 0 ? $" ({(change > 0 ? "+" : "")}{words.Percent(Math.Round(change * 100m / before, 1))})." : ".");
    }

    private static string Outcome(Experiment e, Wording words) => words.Text(e.Outcome switch
    {
        Domain.Experiments.Outcome.Worked => ReportText.OutcomeWorked,
        Domain.Experiments.Outcome.DidNotWork => ReportText.OutcomeDidNotWork,
        _ => ReportText.OutcomeInconclusive,
    });

    /// <summary>Result, learning and decision on lines of their own, then the next step the team chose.</summary>
    private static string Conclusion(Experiment e, Wording words)
    {
        var lines = new List<string> { words.Text(ReportText.ResultLine, ("text", Sentence(e.Result))), words.Text(ReportText.LearningLine, ("text", Sentence(e.Learning))) };
        if (e.Decision is { } decision) lines.Add(words.Text(ReportText.DecisionLine, ("decision", words.Label(decision))));
        if (e.NextStep is { Length: > 0 } next) lines.Add(words.Text(ReportText.NextStepLine, ("text", Sentence(next))));
        return string.Join("\n", lines);
    }

    private static string Running(RunningExperiment r, DateOnly today, ReportContext context)
    {
        var words = context.Words;
        var days = words.Text(r.PastEnd ? ReportText.RunningPastEnd : ReportText.RunningDays,
            ("day", r.Day), ("days", r.Days), ("end", words.Date(r.Experiment.EndDate, today)));
        var tasks = r.Tasks.Total == 0
            ? words.Text(ReportText.NoTasksYet)
            : words.Text(ReportText.TasksDoneOpen, ("done", words.Count(r.Tasks.Done, Counted.Task)), ("doneNumber", r.Tasks.Done), ("open", r.Tasks.Open));
        var blocked = r.Tasks.Blocked > 0 ? ", " + words.Text(ReportText.TasksBlocked, ("blocked", r.Tasks.Blocked)) : "";
        var money = r.Experiment.HasMoney ? $" · {MrkdwnText.Escape(words.Spend(r.Experiment, context.Currency))}" : "";
        return $"*{Name(r.Experiment)}*: {days} · {tasks}{blocked}{money}.";
    }

    private static string List<T>(string title, IReadOnlyList<T> items, Func<T, string> line, string empty, Wording words)
    {
        if (items.Count == 0) return $"{title}\n{empty}";
        var text = title + "\n" + string.Join("\n", items.Take(MaxListed).Select(e => "• " + line(e)));
        return items.Count > MaxListed ? text + "\n" + words.Text(ReportText.ListMore, ("count", items.Count - MaxListed)) : text;
    }

    private static string Bottlenecks(WeeklyReport report, Wording words)
    {
        var blockerCount = report.BlockersByReason.Sum(b => b.Count);
        var blockers = blockerCount == 0
            ? words.Text(ReportText.NoNewBlockers)
            : $"{words.Count(blockerCount, Counted.Blocker)} ({string.Join(", ", report.BlockersByReason.Select(b => $"{words.Label(b.Reason)}: {words.Number(b.Count)}"))})";
        var postponed = report.Postponements == 0
            ? words.Text(ReportText.NoPostponements)
            : $"{words.Count(report.Postponements, Counted.Postponement)} ({string.Join(", ", report.PostponementsByPerson.Take(5).Select(p => $"{MrkdwnText.User(p.OwnerId)}: {words.Number(p.Count)}"))})";
        return words.Text(ReportText.Bottlenecks, ("blockers", blockers), ("postponements", postponed));
    }

    private static string SalesFeedback(WeeklyReport report, Wording words) =>
        words.Text(ReportText.SalesSaidTitle) + "\n" + string.Join("\n",
            report.SalesFeedback.Take(MaxListed).Select(f => $"• *{Name(f.Experiment)}*: {FeedbackSummary(f, words)}")
                .Concat(report.SalesOnTheReport.TakeLast(MaxComments).Select(c => "• " + words.Text(ReportText.AboutWholeReport, ("quote", Quote(c, words))))));

    private static string OtherComments(IReadOnlyList<ReportComment> comments, Wording words) =>
        words.Text(ReportText.OthersSaidTitle) + "\n" + string.Join("\n", comments.TakeLast(MaxComments).Select(c =>
        {
            var (user, quote) = (("user", (object?)MrkdwnText.User(c.Comment.CreatedBy)), ("quote", (object?)Quoted(c.Comment.Text, words)));
            return "• " + (c.Experiment is { } e ? words.Text(ReportText.CommentByAbout, user, ("experiment", e.ShortId), quote) : words.Text(ReportText.CommentBy, user, quote));
        }));

    private static string Quote(ThreadComment c, Wording words) =>
        words.Text(ReportText.QuoteBy, ("quote", Quoted(c.Text, words)), ("user", MrkdwnText.User(c.CreatedBy)));

    /// <summary>What someone wrote, shortened and in the language's quotation marks: “…”, ”…”, «…».</summary>
    private static string Quoted(string text, Wording words) => words.Text(ReportText.Quoted, ("text", MrkdwnText.Escape(MrkdwnText.Truncate(text, 200))));

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
        var title = report.ObjectiveTitle is { } o ? words.Text(ReportText.KeyResultsFor, ("objective", MrkdwnText.Escape(o))) : words.Text(ReportText.KeyResultsTitle);
        return title + "\n" + string.Join("\n", lines);
    }

    private static string Footer(WeeklyReport report, ReportContext context)
    {
        var words = context.Words;
        var text = words.Text(ReportText.WinRateFooter, ("recent", words.WinRate(report.WinRateLast4Weeks)), ("all", words.WinRate(report.WinRateAllTime)));
        var thread = ThreadParts(report, context.SalesConfigured, words);
        return thread.Count > 0 ? $"{text} {words.Text(ReportText.InTheThread, ("parts", words.List(thread)))}" : text;
    }

    private static List<string> ThreadParts(WeeklyReport report, bool salesConfigured, Wording words)
    {
        var parts = new List<string>();
        if (report.Concluded.Count > 0) parts.Add(words.Plural(ReportText.ThreadDetails, report.Concluded.Count));
        if (report.AskAbout.Count > 0) parts.Add(words.Text(salesConfigured ? ReportText.ThreadSalesQuestion : ReportText.ThreadLeadsQuestion));
        return parts;
    }

    private static string? HomeLink(ReportContext context) => context.AppId is { Length: > 0 } app
        ? context.Words.Text(ReportText.HomeLink, ("url", $"slack://app?team={context.TeamId}&id={app}&tab=home"))
        : null;

    private static string Counts(RatingCounts counts, Wording words) => counts.Total == 0 ? words.Text(ReportText.NoRatingsYet) : CountsText(counts, words);

    /// <summary>e.g. <c>Good 2 · Mixed 1</c>: only the ratings given, named as their buttons are.</summary>
    private static string CountsText(RatingCounts counts, Wording words) => string.Join(" · ",
        new[] { (LeadQuality.Good, counts.Good), (LeadQuality.Mixed, counts.Mixed), (LeadQuality.Poor, counts.Poor) }
            .Where(c => c.Item2 > 0).Select(c => $"{words.Label(c.Item1)} {words.Number(c.Item2)}"));

    /// <summary>What a person typed, escaped, ending as a sentence ends.</summary>
    private static string Sentence(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return "—";
        var escaped = MrkdwnText.Escape(trimmed);
        return ".!?…".Contains(trimmed[^1]) ? escaped : escaped + ".";
    }
}
