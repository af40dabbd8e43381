using System.Globalization;
using GrowthBot.Domain.Experiments;

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
public sealed class Wording
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
