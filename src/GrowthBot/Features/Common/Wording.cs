using System.Globalization;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;

namespace GrowthBot.Features.Common;

/// <summary>Things messages count; each has its words for every plural category in each language's <see cref="Wording"/>.</summary>
public enum Counted
{
    Task,
    OpenTask,
    OverdueTask,
    BlockedTask,
    Blocker,
    Day,
    Week,
    Experiment,
    ConcludedExperiment,
    SimilarExperiment,
    KeyResult,
    Idea,
    Match,
    Postponement,
    Learning,
    CheckIn,
    Reply,
    Kpi,
}

/// <summary>CLDR's cardinal plural categories: English uses One and Other; Russian adds Few and Many.</summary>
public enum PluralCategory
{
    One,
    Few,
    Many,
    Other,
}

/// <summary>
/// How GrowthBot writes what depends on the reader's language: counts with the right plural, numbers, quantities with
/// their unit, percentages, day names, calendar dates, times of day and greetings. Every message takes these from
/// here, never from string concatenation of its own, so a second language is a second <see cref="Wording"/> (its
/// culture, its plural rule, its words for <see cref="Counted"/>) rather than a hunt through the code.
/// One object per reader: today everyone reads <see cref="English"/>.
/// </summary>
public sealed partial class Wording
{
    private readonly Func<decimal, PluralCategory> _plural;
    private readonly IReadOnlyDictionary<Counted, IReadOnlyDictionary<PluralCategory, string>> _nouns;

    private Wording(CultureInfo culture, Func<decimal, PluralCategory> plural, IReadOnlyDictionary<Counted, IReadOnlyDictionary<PluralCategory, string>> nouns)
    {
        Culture = culture;
        _plural = plural;
        _nouns = nouns;
        var missing = Enum.GetValues<Counted>().Where(c => !nouns.TryGetValue(c, out var forms) || !forms.ContainsKey(PluralCategory.Other)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{culture.Name} has no words for {string.Join(", ", missing)}.");
    }

    /// <summary>British English: day before month ("Mon 14 Dec"), 24-hour times, "26%".</summary>
    public static Wording English { get; } = new(CultureInfo.GetCultureInfo("en-GB"),
        count => count == 1 ? PluralCategory.One : PluralCategory.Other,
        new Dictionary<Counted, IReadOnlyDictionary<PluralCategory, string>>
        {
            [Counted.Task] = OneOther("task", "tasks"),
            [Counted.OpenTask] = OneOther("open task", "open tasks"),
            [Counted.OverdueTask] = OneOther("overdue task", "overdue tasks"),
            [Counted.BlockedTask] = OneOther("blocked task", "blocked tasks"),
            [Counted.Blocker] = OneOther("blocker", "blockers"),
            [Counted.Day] = OneOther("day", "days"),
            [Counted.Week] = OneOther("week", "weeks"),
            [Counted.Experiment] = OneOther("experiment", "experiments"),
            [Counted.ConcludedExperiment] = OneOther("concluded experiment", "concluded experiments"),
            [Counted.SimilarExperiment] = OneOther("similar experiment", "similar experiments"),
            [Counted.KeyResult] = OneOther("key result", "key results"),
            [Counted.Idea] = OneOther("idea", "ideas"),
            [Counted.Match] = OneOther("match", "matches"),
            [Counted.Postponement] = OneOther("postponement", "postponements"),
            [Counted.Learning] = OneOther("learning", "learnings"),
            [Counted.CheckIn] = OneOther("check-in", "check-ins"),
            [Counted.Reply] = OneOther("reply", "replies"),
            [Counted.Kpi] = OneOther("KPI", "KPIs"),
        });

    public CultureInfo Culture { get; }

    /// <summary>The plural category of <paramref name="count"/> in this language: the one place plurals are chosen.</summary>
    public PluralCategory Plural(decimal count) => _plural(count);

    /// <summary>The words for <paramref name="what"/> that go with <paramref name="count"/>: "task" or "tasks".</summary>
    public string Noun(decimal count, Counted what)
    {
        var forms = _nouns[what];
        return forms.TryGetValue(Plural(count), out var form) ? form : forms[PluralCategory.Other];
    }

    /// <summary>A count with its noun: "1 task", "3 blocked tasks".</summary>
    public string Count(decimal count, Counted what) => $"{Number(count)} {Noun(count, what)}";

    /// <summary>What a shortened list leaves out: "3 more key results".</summary>
    public string More(decimal count, Counted what) => $"{Number(count)} more {Noun(count, what)}";

    /// <summary>A number as people read it: "1,250", "12.5", at most two decimals.</summary>
    public string Number(decimal value)
    {
        var text = value.ToString("#,0.##", Culture);
        // A small negative rounded to zero must not read "-0".
        return text == Culture.NumberFormat.NegativeSign + "0" ? 0.ToString(Culture) : text;
    }

    /// <summary>A number with the unit the team typed for it: "26 new leads", "8%", or the bare number without one.</summary>
    public string Quantity(decimal value, string unit) => unit.Trim() switch
    {
        "" => Number(value),
        "%" => Percent(value),
        var other => $"{Number(value)} {other}",
    };

    /// <summary>Where a key result stands against its target: "26/100 new leads", "8%/5%".</summary>
    public string Progress(decimal current, decimal target, string unit) => unit.Trim() switch
    {
        "" => $"{Number(current)}/{Number(target)}",
        "%" => $"{Percent(current)}/{Percent(target)}",
        var other => $"{Number(current)}/{Number(target)} {other}",
    };

    /// <summary>A percentage as the language writes it: "26%", "12.5%" (at most two decimals).</summary>
    public string Percent(decimal percent)
    {
        var rounded = Math.Round(percent, 2, MidpointRounding.AwayFromZero);
        var decimals = rounded == Math.Round(rounded) ? 0 : rounded * 10 == Math.Round(rounded * 10) ? 1 : 2;
        return (rounded / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
    }

    /// <summary>
    /// An amount in <paramref name="currency"/> with its symbol: "€800", "€41.67", "1,250 kr". Whole amounts show no cents;
    /// others show two decimals. A negative amount (a corrected spend) keeps its sign in front: "-€50".
    /// </summary>
    public string Money(decimal amount, Currency currency)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var number = Math.Abs(rounded).ToString(rounded == Math.Round(rounded) ? "#,0" : "#,0.00", Culture);
        var sign = rounded < 0 ? Culture.NumberFormat.NegativeSign : "";
        return currency.SymbolFirst ? $"{sign}{currency.Symbol}{number}" : $"{sign}{number} {currency.Symbol}";
    }

    /// <summary>A change in money with its direction: "+€5", "-€12.50".</summary>
    public string MoneyChange(decimal change, Currency currency) => change > 0 ? "+" + Money(change, currency) : Money(change, currency);

    /// <summary>
    /// A count of what an experiment's results are (<paramref name="unit"/>, typed by the team in the singular, "lead"):
    /// "1 lead", "12 leads", "3 results" when no unit was given.
    /// </summary>
    public string Results(int count, string unit) => $"{Number(count)} {(count == 1 ? ResultUnit(unit) : PluralOf(ResultUnit(unit)))}";

    /// <summary>The unit's plural: "leads", "results".</summary>
    public string ResultUnits(string unit) => PluralOf(ResultUnit(unit));

    /// <summary>The unit one result is counted in: the team's word, or "result".</summary>
    public string ResultUnit(string unit) => string.IsNullOrWhiteSpace(unit) ? "result" : unit.Trim();

    /// <summary>
    /// What an experiment cost and brought: "€500 of €800 spent · 12 leads · €41.67 per lead". Parts without numbers are
    /// left out ("€500 spent", "no results counted yet").
    /// </summary>
    public string Spend(Experiment e, Currency currency)
    {
        var parts = new List<string> { e.Budget is { } budget ? $"{Money(e.Spent, currency)} of {Money(budget, currency)} spent" : $"{Money(e.Spent, currency)} spent" };
        if (e.Results is { } results) parts.Add(Results(results, e.ResultUnit));
        if (e.CostPerResult is { } cost) parts.Add($"{Money(cost, currency)} per {ResultUnit(e.ResultUnit)}");
        return string.Join(" · ", parts);
    }

    /// <summary>The English plural of a word the team typed: lead → leads, company → companies, box → boxes; "leads" is taken as plural already.</summary>
    private static string PluralOf(string word)
    {
        if (word.Length == 0) return word;
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal)) return word;
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal)) return word + "es";
        if (lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2])) return word[..^1] + "ies";
        return word + "s";
    }

    /// <summary>"38% (3 of 8)", or that nothing was concluded yet.</summary>
    public string WinRate(WinRate rate) =>
        rate.Percent is { } p ? $"{Percent(p)} ({Number(rate.Worked)} of {Number(rate.Concluded)})" : "no experiments concluded yet";

    /// <summary>"once", "twice", "3 times".</summary>
    public string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{Number(count)} times",
    };

    /// <summary>How long ago a date was, in days: "today", "yesterday", "3 days ago".</summary>
    public string DaysAgo(int days) => days switch
    {
        0 => "today",
        1 => "yesterday",
        < 0 => $"in {Count(-days, Counted.Day)}",
        _ => $"{Count(days, Counted.Day)} ago",
    };

    /// <summary>"Monday".</summary>
    public string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    /// <summary>
    /// A set of weekdays: "Monday to Friday" or "Sunday to Thursday" for a run of three or more (the week wraps round),
    /// otherwise listed Monday first ("Monday, Wednesday and Friday").
    /// </summary>
    public string Days(IEnumerable<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        if (set.Count == 7) return "every day";
        if (set.Count >= 3)
            foreach (var first in set.Where(d => !set.Contains((DayOfWeek)(((int)d + 6) % 7))))
                if (Enumerable.Range(0, set.Count).All(i => set.Contains((DayOfWeek)(((int)first + i) % 7))))
                    return $"{DayName(first)} to {DayName((DayOfWeek)(((int)first + set.Count - 1) % 7))}";
        return List(set.OrderBy(d => ((int)d + 6) % 7).Select(DayName));
    }

    /// <summary>
    /// A calendar date (a due date, an end date) written out, so every reader sees that date whatever their time zone:
    /// "Mon 14 Dec", with the year when it is not <paramref name="today"/>'s year.
    /// </summary>
    public string Date(DateOnly date, DateOnly today) => date.ToString(date.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", Culture);

    /// <summary>A period's name from its dates: "Q4 2026", "November 2026", or its first and last day ("Thu 1 Oct – Sun 15 Nov 2026").</summary>
    public string PeriodName(OkrPeriod period) => period.Kind switch
    {
        PeriodKind.Quarter => $"Q{(period.Start.Month + 2) / 3} {period.Start.Year}",
        PeriodKind.Month => period.Start.ToString("MMMM yyyy", Culture),
        _ => $"{Date(period.Start, period.End)} – {period.End.ToString("ddd d MMM yyyy", Culture)}",
    };

    /// <summary>"quarter", "month" or "period": what "quarter 26/100" calls the whole period.</summary>
    public string PeriodKindName(PeriodKind kind) => kind switch
    {
        PeriodKind.Quarter => "quarter",
        PeriodKind.Month => "month",
        _ => "period",
    };

    /// <summary>
    /// A key result's week against its period: "This week 6/8 leads · quarter 26/100, on pace" (or "behind by 4", "target
    /// reached"); before the period "The quarter starts Thu 1 Oct"; after it "Quarter ended: 96/100 leads, 4 short".
    /// <paramref name="week"/> names another of the period's weeks to report ("Last week 6/8 leads", for Monday's report).
    /// </summary>
    public string Pace(KeyResultPace pace, DateOnly today, DateOnly? week = null)
    {
        var kr = pace.KeyResult;
        var whole = PeriodKindName(pace.Period.Kind);
        switch (pace.Status)
        {
            case PaceStatus.NotStarted:
                return $"The {whole} starts {Date(pace.Period.Start, today)}";
            case PaceStatus.Ended:
                var result = pace.Reached ? "target reached" : $"{Number(Math.Abs(kr.Target - kr.Current))} short";
                return $"{char.ToUpperInvariant(whole[0])}{whole[1..]} ended: {Progress(kr.Current, kr.Target, kr.Unit)}, {result}";
        }
        var shown = (week is { } monday ? pace.Week(monday) : null) ?? pace.ThisWeek!;
        var label = shown.WeekStart == pace.ThisWeek!.WeekStart ? "This week"
            : shown.WeekStart == pace.ThisWeek.WeekStart.AddDays(-7) ? "Last week"
            : $"Week of {Date(shown.WeekStart, today)}";
        var status = pace.Status switch
        {
            PaceStatus.Reached => "target reached",
            PaceStatus.Behind => $"behind by {Number(pace.Behind)}",
            _ => "on pace",
        };
        var direction = pace.LowerIsBetter ? "down " : "";
        return $"{label} {direction}{Progress(shown.Done ?? 0, shown.Target, kr.Unit)} · {whole} {Progress(kr.Current, kr.Target, "")}, {status}";
    }

    /// <summary>A day named in full with its date, "Monday 9 Nov" (the year when it is not <paramref name="today"/>'s), e.g. where a report's period starts.</summary>
    public string FullDate(DateOnly date, DateOnly today) => date.ToString(date.Year == today.Year ? "dddd d MMM" : "dddd d MMM yyyy", Culture);

    /// <summary>A time of day: "09:00".</summary>
    public string Time(TimeOnly time) => time.ToString("HH:mm", Culture);

    /// <summary>A greeting that fits the reader's own time of day: "Good morning" before noon, "Good afternoon" until six.</summary>
    public string Greeting(TimeOnly localTime) => localTime.Hour switch
    {
        >= 5 and < 12 => "Good morning",
        >= 12 and < 18 => "Good afternoon",
        >= 18 and < 23 => "Good evening",
        _ => "Hello",
    };

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}",
        };
    }

    private static IReadOnlyDictionary<PluralCategory, string> OneOther(string one, string other) =>
        new Dictionary<PluralCategory, string> { [PluralCategory.One] = one, [PluralCategory.Other] = other };
}
