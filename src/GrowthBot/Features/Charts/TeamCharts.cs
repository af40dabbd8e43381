using GrowthBot.Resources;
using GrowthBot.Charts;
using GrowthBot.Common;
using GrowthBot.Delivery;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Scheduling;
using GrowthBot.Features.Common;
using GrowthBot.Storage;

namespace GrowthBot.Features.Charts;

/// <summary>A team's chart as drawn, with the name and title its upload gets; <see cref="Result"/> may hold no picture.</summary>
public sealed record TeamChart(string FileName, string Title, ChartResult Result);

/// <summary>A drawn chart and, when Slack took it, the uploaded file that shows it.</summary>
public sealed record ChartInSlack(TeamChart Chart, SlackImage? Image);

/// <summary>
/// Draws a team's charts from its stored numbers, in the team's time zone: a key result's trend and weekly pace
/// against its <see cref="KeyResultPlan"/>, and the experiment scoreboard of the last 12 weeks; and puts the drawn ones
/// into Slack (<see cref="SlackImages"/>). Drawing never throws; a chart without a picture is logged when it failed.
/// </summary>
public sealed class TeamCharts(OkrStore okrs, ExperimentStore experiments, TeamClock clock, SlackImages images, ILogger<TeamCharts> logger)
{
    /// <summary>The weekly report's charts: the North Star key result's trend and weekly pace, and the experiment scoreboard.</summary>
    public async Task<IReadOnlyList<TeamChart>> ForReport(string teamId, Wording words, CancellationToken cancellationToken)
    {
        var charts = new List<TeamChart>();
        if (await okrs.Current(teamId, cancellationToken) is { KeyResults: [var northStar, ..] } okr)
        {
            // Both charts from one read of the key result's check-ins and the objective's pace.
            var numbers = await Numbers(teamId, okr.Objective, northStar, okr, cancellationToken);
            charts.Add(Trend(northStar, numbers, words));
            charts.Add(Pace(northStar, numbers, words));
        }
        charts.Add(await Scoreboard(teamId, words, cancellationToken));
        return charts;
    }

    /// <summary>The trend of the North Star key result (the current objective's first), or null when there is none.</summary>
    public async Task<(TeamChart Chart, KeyResult KeyResult)?> NorthStarTrend(string teamId, Wording words, CancellationToken cancellationToken) =>
        await okrs.Current(teamId, cancellationToken) is { KeyResults: [var northStar, ..] } okr
            ? (await Trend(teamId, okr.Objective, northStar, words, cancellationToken), northStar)
            : null;

    /// <summary>The check-ins of <paramref name="kr"/> against the straight line from baseline to target (and this week's target, once set).</summary>
    public async Task<TeamChart> Trend(string teamId, Objective objective, KeyResult kr, Wording words, CancellationToken cancellationToken) =>
        Trend(kr, await Numbers(teamId, objective, kr, null, cancellationToken), words);

    /// <summary>The period's weeks of <paramref name="kr"/>: what each week added against the week's target.</summary>
    public async Task<TeamChart> Pace(string teamId, Objective objective, KeyResult kr, Wording words, CancellationToken cancellationToken) =>
        Pace(kr, await Numbers(teamId, objective, kr, null, cancellationToken), words);

    private TeamChart Trend(KeyResult kr, ChartNumbers numbers, Wording words)
    {
        var (today, plan, checkIns) = numbers;
        var thisWeek = plan.WeeklyTargetsSet && plan.ThisWeek(today) is { } week ? new TrendPoint(week.Day, (double)week.Value) : (TrendPoint?)null;
        var data = new KeyResultTrend(plan.Start, plan.End, (double)kr.Baseline, (double)kr.Target,
            checkIns.Select(c => new TrendPoint(c.Day, (double)c.Value)).ToList(), today, thisWeek);
        var text = words.TrendText(kr, plan);
        return Drawn($"{kr.ShortId}-trend.png", text.Title, KeyResultTrendChart.Render(data, text, words.ChartFormat));
    }

    private TeamChart Pace(KeyResult kr, ChartNumbers numbers, Wording words)
    {
        var (today, plan, checkIns) = numbers;
        var actuals = plan.Actuals(checkIns, today).ToDictionary(a => a.WeekStart, a => a.Change);
        var weeks = plan.Weeks.Select(w => new GrowthBot.Charts.PaceWeek(w.WeekStart,
            actuals.GetValueOrDefault(w.WeekStart) is { } actual ? (double)actual : null, (double)w.Target)).ToList();
        // Nothing checked in this period yet: target marks alone are no picture of pace, so there is no chart.
        var drawn = actuals.Values.Any(a => a is not null) ? weeks : [];
        var text = words.PaceText(kr, Periods.WeekStart(today));
        return Drawn($"{kr.ShortId}-per-week.png", text.Title, WeeklyPaceChart.Render(new WeeklyPace(drawn, kr.Target < kr.Baseline), text, words.ChartFormat));
    }

    /// <summary>Experiments concluded per week of the team's calendar, by outcome, the last 12 weeks up to this one.</summary>
    public async Task<TeamChart> Scoreboard(string teamId, Wording words, CancellationToken cancellationToken)
    {
        var zone = clock.Zone(teamId);
        var thisWeek = Periods.WeekStart(clock.Today(teamId));
        // The chart's weeks and one more (the team's calendar may start its week up to a day from UTC's): the chart keeps its
        // own window, and a long history is not read for it.
        var since = clock.UtcNow - TimeSpan.FromDays(7 * (ExperimentScoreboardChart.WeeksShown + 1));
        var concluded = (await experiments.ConclusionsSince(teamId, since, cancellationToken))
            .GroupBy(c => Periods.WeekStart(Periods.LocalDate(c.ConcludedAt, zone)))
            .Select(g => new ScoreboardWeek(g.Key, g.Count(c => c.Outcome == Outcome.Worked), g.Count(c => c.Outcome == Outcome.DidNotWork),
                g.Count(c => c.Outcome == Outcome.Inconclusive)))
            .ToList();
        var text = words.ScoreboardText();
        return Drawn("experiment-scoreboard.png", text.Title, ExperimentScoreboardChart.Render(new ExperimentScoreboard(thisWeek, concluded), text, words.ChartFormat));
    }

    /// <summary>Uploads the charts that have a picture, in order; a chart Slack did not take keeps no image (and is logged).</summary>
    public async Task<IReadOnlyList<ChartInSlack>> Upload(IEnumerable<TeamChart> charts, CancellationToken cancellationToken)
    {
        var uploaded = new List<ChartInSlack>();
        foreach (var chart in charts.Where(c => c.Result.HasImage))
            uploaded.Add(new ChartInSlack(chart, await images.Upload(chart.Result.Image!, chart.FileName, chart.Title, cancellationToken)));
        return uploaded;
    }

    /// <summary>What a key result's charts are drawn from: the team's today, the plan with its weekly targets, and its check-ins by day.</summary>
    private sealed record ChartNumbers(DateOnly Today, KeyResultPlan Plan, IReadOnlyList<DayValue> CheckIns);

    /// <summary><paramref name="current"/>: the team's current objective when the caller has read it already.</summary>
    private async Task<ChartNumbers> Numbers(string teamId, Objective objective, KeyResult kr, OkrSnapshot? current, CancellationToken cancellationToken)
    {
        var today = clock.Today(teamId);
        var zone = clock.Zone(teamId);
        var checkIns = (await okrs.CheckInsOf(teamId, kr.Id, cancellationToken)).Select(c => new DayValue(Periods.LocalDate(c.CreatedAt, zone), c.Value)).ToList();
        var plan = KeyResultPlan.For(kr, objective, today);
        // The team's weekly targets (set with /okr week, or the default of what is left over the weeks left) replace the
        // even shares. Pace amounts are toward the target, the plan's are signed.
        var pace = current is null ? await okrs.Pace(teamId, zone, clock.UtcNow, cancellationToken) : await okrs.Pace(teamId, current, zone, clock.UtcNow, cancellationToken);
        if (pace is not null && pace.Objective.Id == objective.Id && pace.For(kr.Id) is { Weeks.Count: > 0 } krPace)
        {
            decimal Signed(decimal amount) => kr.LowerIsBetter ? -amount : amount;
            var thisWeek = krPace.ThisWeek is { } week
                ? new DayValue(week.WeekStart.AddDays(6) < plan.End ? week.WeekStart.AddDays(6) : plan.End, week.StartValue + Signed(week.Target))
                : (DayValue?)null;
            var targets = krPace.Weeks.ToDictionary(w => w.WeekStart, w => Signed(w.Target));
            // Weeks still to come get this week's default share of what is left, as they would if this week went to plan.
            var share = Signed((krPace.ThisWeek ?? krPace.Weeks[^1]).DefaultTarget);
            foreach (var later in plan.Weeks.Where(w => w.WeekStart > krPace.Weeks[^1].WeekStart)) targets[later.WeekStart] = share;
            plan = plan.WithWeeklyTargets(targets, thisWeek);
        }
        return new ChartNumbers(today, plan, checkIns);
    }

    private TeamChart Drawn(string fileName, string title, ChartResult result)
    {
        if (result.Reason == NoChartReason.RenderFailed)
            logger.LogError(result.Error, "Drawing the chart {File} failed; its text is shown instead", fileName);
        return new TeamChart(fileName, title, result);
    }
}
