using System.Collections.Concurrent;
using System.Globalization;
using GrowthBot.Domain.Common;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Feedback;
using GrowthBot.Domain.Learnings;
using GrowthBot.Domain.Money;
using GrowthBot.Domain.Okrs;
using GrowthBot.Domain.Tasks;
using GrowthBot.Slack.BlockKit;

namespace GrowthBot.Resources;

/// <summary>Things messages count; each has its words for every plural category of every language in <c>Resources/Counted.resx</c>.</summary>
[Texts("Counted", Families = ["", "More"])]
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
    Kpi,
    Reply,
}

/// <summary>How an enum value is named: on its own (an option, a label), inside a sentence, or explained.</summary>
public enum LabelForm
{
    /// <summary>"Waiting on someone": options, buttons, "Status: Running".</summary>
    Label,
    /// <summary>"waiting on someone": inside running text ("blocked (waiting on someone)"); translators write its case.</summary>
    InSentence,
    /// <summary>"Acquisition: getting people to find us".</summary>
    Description,
}

/// <summary>
/// Everything GrowthBot writes, in one reader's language: the texts of the resource files (one key per text, with named
/// placeholders and a text per plural category), counts, numbers, quantities, percentages, weekday names, calendar dates,
/// times, greetings, the domain's enums and problems. One object per language (<see cref="For(Language)"/>); which one a
/// reader gets is <c>Readers</c>' answer: a person's own language for DMs, modals, ephemeral replies and the App Home,
/// the team's for channel posts. Messages take one of these and never build sentences from fragments of their own.
/// </summary>
public sealed partial class Wording
{
    private static readonly ConcurrentDictionary<Language, Wording> All = new();

    private Wording(Language language) => Language = language;

    /// <summary>The wording of <paramref name="language"/>.</summary>
    public static Wording For(Language language) => All.GetOrAdd(language, l => new Wording(l));

    /// <summary>British English, the default language and the neutral resources. In a handler it marks a text not yet converted to the reader's language.</summary>
    public static Wording English => For(Language.English);

    public Language Language { get; }

    /// <summary>The culture numbers, percentages, weekday and month names follow (<c>en-GB</c>, <c>fi-FI</c>, …).</summary>
    public CultureInfo Culture => Language.Culture;

    /// <summary>The enums whose values people read, and the forms each is named in (<c>Resources/Labels.resx</c>).</summary>
    public static readonly IReadOnlyList<(Type Enum, LabelForm Form)> Labelled =
    [
        (typeof(ExperimentStatus), LabelForm.Label), (typeof(ExperimentStatus), LabelForm.InSentence),
        (typeof(Outcome), LabelForm.Label), (typeof(Outcome), LabelForm.InSentence),
        (typeof(Decision), LabelForm.Label), (typeof(Decision), LabelForm.InSentence),
        (typeof(FunnelStage), LabelForm.Label), (typeof(FunnelStage), LabelForm.Description),
        (typeof(BlockReason), LabelForm.Label), (typeof(BlockReason), LabelForm.InSentence),
        (typeof(LearningKind), LabelForm.Label),
        (typeof(KrConfidence), LabelForm.Label),
        (typeof(LeadQuality), LabelForm.Label),
        (typeof(LeadQualityReason), LabelForm.Label), (typeof(LeadQualityReason), LabelForm.InSentence),
    ];

    /// <summary>The key of an enum value's name in <c>Labels.resx</c>: <c>BlockReason_Budget</c>, <c>BlockReason_Budget_InSentence</c>.</summary>
    public static string LabelKey(Type type, string member, LabelForm form) =>
        form == LabelForm.Label ? $"{type.Name}_{member}" : $"{type.Name}_{member}_{form}";

    /// <summary>The text of <paramref name="key"/> with its placeholders filled: <c>Text(TaskText.Done, ("task", "T3"))</c>.</summary>
    public string Text<TKey>(TKey key, params ReadOnlySpan<(string Name, object? Value)> args) where TKey : struct, Enum =>
        Fill(Texts.Lookup(Texts.Of(typeof(TKey)).Resources, key.ToString(), Culture), args);

    /// <summary>
    /// The text of plural key <paramref name="key"/> for <paramref name="count"/> (given to the text as <c>{count}</c>): the
    /// language's plural rule picks <c>Key_one</c>, <c>Key_few</c>, <c>Key_many</c> or <c>Key_other</c>.
    /// </summary>
    public string Plural<TKey>(TKey key, decimal count, params ReadOnlySpan<(string Name, object? Value)> args) where TKey : struct, Enum =>
        PluralText(Texts.Of(typeof(TKey)).Resources, key.ToString(), count, args);

    /// <summary>The plural category of <paramref name="count"/> in this language: the one place plurals are chosen.</summary>
    public PluralCategory Category(decimal count) => Language.PluralOf(count);

    /// <summary>A count with its noun, standing on its own (a label, a list): "1 task", "3 blocked tasks".</summary>
    public string Count(decimal count, Counted what) => PluralText("Counted", what.ToString(), count, []);

    /// <summary>What a shortened list leaves out: "3 more key results".</summary>
    public string More(decimal count, Counted what) => PluralText("Counted", "More" + what, count, []);

    /// <summary>A number as people read it: "1,250", "12.5" in English, "1 250" and "12,5" in Finnish; at most two decimals.</summary>
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
        var other => Text(CommonText.Quantity, ("value", Number(value)), ("unit", other)),
    };

    /// <summary>Where a key result stands against its target: "26/100 new leads", "8%/5%".</summary>
    public string Progress(decimal current, decimal target, string unit) => unit.Trim() switch
    {
        "" => $"{Number(current)}/{Number(target)}",
        "%" => $"{Percent(current)}/{Percent(target)}",
        var other => Text(CommonText.Progress, ("current", Number(current)), ("target", Number(target)), ("unit", other)),
    };

    /// <summary>A percentage as the language writes it: "26%", "26 %" in Finnish, "%26" in Turkish (at most two decimals).</summary>
    public string Percent(decimal percent)
    {
        var rounded = Math.Round(percent, 2, MidpointRounding.AwayFromZero);
        var decimals = rounded == Math.Round(rounded) ? 0 : rounded * 10 == Math.Round(rounded * 10) ? 1 : 2;
        return (rounded / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
    }

    /// <summary>An ICE score as this language writes the number: "7.3", "7,3".</summary>
    public string IceScore(IceScore ice) => Number(ice.Score);

    /// <summary>"ICE = (8 + 7 + 6) ÷ 3 = 7", the score with how it was reached; only the number's form depends on the language.</summary>
    public string IceFormula(IceScore ice) => $"ICE = ({Number(ice.Impact)} + {Number(ice.Confidence)} + {Number(ice.Ease)}) ÷ 3 = {IceScore(ice)}";

    /// <summary>A card field: its label in bold over its value.</summary>
    public string Field(string label, string value) => Text(CommonText.FieldLabel, ("label", label), ("value", value));

    /// <summary>"*Label:* value" on one line.</summary>
    public string LabelledLine(string label, string value) => Text(CommonText.LabelledLine, ("label", label), ("value", value));

    /// <summary>"_…and 3 more tasks_": what a shortened list leaves out, as its last line.</summary>
    public string AndMore(decimal count, Counted what) => Text(CommonText.AndMore, ("more", More(count, what)));

    /// <summary>"38% (3 of 8)", or that nothing was concluded yet.</summary>
    public string WinRate(WinRate rate) =>
        rate.Percent is { } p
            ? Text(CommonText.WinRate, ("percent", Percent(p)), ("worked", rate.Worked), ("concluded", rate.Concluded))
            : Text(CommonText.NoneConcluded);

    /// <summary>"once", "twice", "3 times".</summary>
    public string Times(int count) => count == 2 ? Text(CommonText.Twice) : Plural(CommonText.Times, count);

    /// <summary>How long ago a date was, in days: "today", "yesterday", "3 days ago", "in 2 days".</summary>
    public string DaysAgo(int days) => days switch
    {
        0 => Text(CommonText.Today),
        1 => Text(CommonText.Yesterday),
        < 0 => Plural(CommonText.InDays, -days),
        _ => Plural(CommonText.DaysAgo, days),
    };

    /// <summary>"Monday", "maanantai": as .NET names it in this language (lower case in Finnish, Swedish and Russian).</summary>
    public string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    /// <summary>
    /// A set of weekdays: "Monday to Friday" ("ma–pe") or "Sunday to Thursday" for a run of three or more (the week wraps
    /// round), otherwise listed Monday first ("Monday, Wednesday and Friday").
    /// </summary>
    public string Days(IEnumerable<DayOfWeek> days)
    {
        var set = days.ToHashSet();
        if (set.Count == 7) return Text(CommonText.EveryDay);
        if (set.Count >= 3)
            foreach (var first in set.Where(d => !set.Contains((DayOfWeek)(((int)d + 6) % 7))))
                if (Enumerable.Range(0, set.Count).All(i => set.Contains((DayOfWeek)(((int)first + i) % 7))))
                    return Text(CommonText.DayRange, ("first", InAWeek(first)), ("last", InAWeek((DayOfWeek)(((int)first + set.Count - 1) % 7))));
        return List(set.OrderBy(d => ((int)d + 6) % 7).Select(DayName));
    }

    /// <summary>A date that falls on <paramref name="day"/>, so a text can name the weekday in the form it wants (<c>{first:ddd}</c>).</summary>
    private static DateOnly InAWeek(DayOfWeek day) => new DateOnly(2024, 1, 1).AddDays(((int)day + 6) % 7);

    /// <summary>
    /// A calendar date (a due date, an end date) written out, so every reader sees that date whatever their time zone:
    /// "Mon 14 Dec", "ma 14.12."; with the year when it is not <paramref name="today"/>'s year. The patterns are texts too.
    /// </summary>
    public string Date(DateOnly date, DateOnly today) =>
        date.ToString(Text(date.Year == today.Year ? CommonText.DateFormat : CommonText.DateFormatWithYear), Culture);

    /// <summary>A day named in full with its date, "Monday 9 Nov" (the year when it is not <paramref name="today"/>'s), e.g. where a report's period starts.</summary>
    public string FullDate(DateOnly date, DateOnly today) =>
        date.ToString(Text(date.Year == today.Year ? CommonText.FullDateFormat : CommonText.FullDateFormatWithYear), Culture);

    /// <summary>
    /// A moment (when something was logged), which Slack shows in the reader's own time zone. Slack words its friendly
    /// form ("yesterday") in the reader's Slack language, mostly English, so other languages get the numeric one.
    /// </summary>
    public string Moment(DateTimeOffset when) => MrkdwnText.Date(when, Text(CommonText.MomentFormat));

    /// <summary>A moment with its time of day, e.g. when a check-in was made.</summary>
    public string MomentWithTime(DateTimeOffset when) => MrkdwnText.Date(when, Text(CommonText.MomentWithTimeFormat));

    /// <summary>A time of day: "09:00", "9.00" in Finnish.</summary>
    public string Time(TimeOnly time) => time.ToString(Text(CommonText.TimeFormat), Culture);

    /// <summary>A greeting that fits the reader's own time of day: "Good morning" before noon, "Good afternoon" until six.</summary>
    public string Greeting(TimeOnly localTime) => Text(localTime.Hour switch
    {
        >= 5 and < 12 => CommonText.GreetingMorning,
        >= 12 and < 18 => CommonText.GreetingAfternoon,
        >= 18 and < 23 => CommonText.GreetingEvening,
        _ => CommonText.GreetingNight,
    });

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => Text(CommonText.ListLast, ("rest", string.Join(Text(CommonText.ListSeparator), all.Take(all.Count - 1))), ("last", all[^1])),
        };
    }

    /// <summary>
    /// An amount in <paramref name="currency"/> with its symbol, in this language's number form: "€800", "€41.67", "1,250 kr" in
    /// English, "800 €" and "41,67 €" in Finnish. Whole amounts show no cents; others show two decimals. The symbol goes first
    /// only where both the language writes currency first (its culture's pattern) and the currency's symbol is a sign written
    /// first ("$", not "kr"). A negative amount (a corrected spend) keeps its sign in front: "-€50", "−50 €".
    /// </summary>
    public string Money(decimal amount, Currency currency)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var number = Math.Abs(rounded).ToString(rounded == Math.Round(rounded) ? "#,0" : "#,0.00", Culture);
        var sign = rounded < 0 ? Culture.NumberFormat.NegativeSign : "";
        var first = currency.SymbolFirst && Culture.NumberFormat.CurrencyPositivePattern is 0 or 2;
        return Text(first ? MoneyText.AmountSymbolFirst : MoneyText.AmountSymbolAfter, ("sign", sign), ("symbol", currency.Symbol), ("amount", number));
    }

    /// <summary>A change in money with its direction: "+€5", "-€12.50".</summary>
    public string MoneyChange(decimal change, Currency currency) => change > 0 ? "+" + Money(change, currency) : Money(change, currency);

    /// <summary>
    /// A count of an experiment's results in the unit the team typed ("lead"): "12 leads" in English, "12 × liidi" in Finnish,
    /// "3 results" / "3 tulosta" when no unit was given. The typed word is never inflected outside English (see
    /// <see cref="ResultUnitWord"/>).
    /// </summary>
    public string Results(int count, string unit) => string.IsNullOrWhiteSpace(unit)
        ? Plural(MoneyText.ResultsNoUnit, count)
        : Plural(MoneyText.Results, count, ("unit", new ResultUnitWord(unit.Trim())));

    /// <summary>The label of the Conclude modal's results field: "Results (number of leads)", "Tulosten määrä (yksikkö: liidi)".</summary>
    public string ResultsField(string unit) => string.IsNullOrWhiteSpace(unit)
        ? Text(MoneyText.ResultsFieldNoUnit)
        : Text(MoneyText.ResultsField, ("unit", new ResultUnitWord(unit.Trim())));

    /// <summary>What one result cost: "€41.67 per lead", "lead başına €41,67", or "per result" without a unit.</summary>
    public string CostPerResult(decimal cost, string unit, Currency currency) => string.IsNullOrWhiteSpace(unit)
        ? Text(MoneyText.PerResult, ("cost", Money(cost, currency)))
        : Text(MoneyText.PerUnit, ("cost", Money(cost, currency)), ("unit", unit.Trim()));

    /// <summary>"€500 spent", "kulut 500 €".</summary>
    public string Spent(decimal spent, Currency currency) => Text(MoneyText.SpentOnly, ("spent", Money(spent, currency)));

    /// <summary>
    /// What an experiment cost and brought: "€500 of €800 spent · 12 leads · €41.67 per lead". Parts without numbers are
    /// left out ("€500 spent").
    /// </summary>
    public string Spend(Experiment e, Currency currency)
    {
        var parts = new List<string>
        {
            e.Budget is { } budget
                ? Text(MoneyText.SpentOfBudget, ("spent", Money(e.Spent, currency)), ("budget", Money(budget, currency)))
                : Spent(e.Spent, currency),
        };
        if (e.Results is { } results) parts.Add(Results(results, e.ResultUnit));
        if (e.CostPerResult is { } cost) parts.Add(CostPerResult(cost, e.ResultUnit, currency));
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// The word a team typed for one result, as a text argument: <c>{unit}</c> gives it as typed; <c>{unit:plural}</c> gives
    /// the English plural (lead → leads, company → companies, box → boxes; "leads" is taken as plural already). Only the
    /// English texts ask for the plural: a Finnish, Swedish, Russian or Turkish word cannot be inflected by a rule, so those
    /// languages count it without inflecting it ("12 × liidi", Turkish "12 lead").
    /// </summary>
    private sealed record ResultUnitWord(string Word) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => format == "plural" ? EnglishPlural(Word) : Word;

        public override string ToString() => Word;

        private static string EnglishPlural(string word)
        {
            if (word.Length == 0) return word;
            var lower = word.ToLowerInvariant();
            if (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal)) return word;
            if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal)) return word + "es";
            if (lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2])) return word[..^1] + "ies";
            return word + "s";
        }
    }

    /// <summary>
    /// A period's name from its dates, as this language writes it: "Q4 2026" ("Q4/2026", "4 квартал 2026 г.", "2026 4. çeyrek"),
    /// "November 2026" ("Marraskuu 2026"), or its first and last day ("Thu 1 Oct – Sun 15 Nov 2026").
    /// </summary>
    public string PeriodName(OkrPeriod period) => period.Kind switch
    {
        PeriodKind.Quarter => Text(PeriodText.QuarterName, ("quarter", ((period.Start.Month + 2) / 3).ToString(CultureInfo.InvariantCulture)),
            ("year", period.Start.Year.ToString(CultureInfo.InvariantCulture))),
        PeriodKind.Month => Capitalised(period.Start.ToString(Text(PeriodText.MonthNameFormat), Culture)),
        _ => $"{Date(period.Start, period.End)} – {period.End.ToString(Text(CommonText.DateFormatWithYear), Culture)}",
    };

    /// <summary>Whether <paramref name="name"/> is what some language would name <paramref name="period"/> from its dates (not typed by a person).</summary>
    public static bool IsGeneratedName(string name, OkrPeriod period) => Language.All.Any(l => For(l).PeriodName(period) == name);

    /// <summary>"quarter", "month" or "period": what "quarter 26/100" calls the whole period.</summary>
    public string PeriodKindName(PeriodKind kind) => Text(kind switch
    {
        PeriodKind.Quarter => PeriodText.KindQuarter,
        PeriodKind.Month => PeriodText.KindMonth,
        _ => PeriodText.KindOther,
    });

    /// <summary>
    /// A key result's week against its period: "This week 6/8 leads · quarter 26/100, on pace" (or "behind by 4", "target
    /// reached"); before the period "The quarter starts Thu 1 Oct"; after it "Quarter ended: 96/100 leads, 4 short".
    /// <paramref name="week"/> names another of the period's weeks to report ("Last week 6/8 leads", for Monday's report).
    /// </summary>
    public string Pace(KeyResultPace pace, DateOnly today, DateOnly? week = null)
    {
        var kr = pace.KeyResult;
        var kind = pace.Period.Kind;
        switch (pace.Status)
        {
            case PaceStatus.NotStarted:
                return Text(kind switch { PeriodKind.Quarter => PeriodText.NotStartedQuarter, PeriodKind.Month => PeriodText.NotStartedMonth, _ => PeriodText.NotStartedOther },
                    ("date", Date(pace.Period.Start, today)));
            case PaceStatus.Ended:
                var result = pace.Reached ? Text(PeriodText.TargetReached) : Text(PeriodText.Short, ("short", Number(Math.Abs(kr.Target - kr.Current))));
                return Text(kind switch { PeriodKind.Quarter => PeriodText.EndedQuarter, PeriodKind.Month => PeriodText.EndedMonth, _ => PeriodText.EndedOther },
                    ("progress", Progress(kr.Current, kr.Target, kr.Unit)), ("result", result));
        }
        var shown = (week is { } monday ? pace.Week(monday) : null) ?? pace.ThisWeek!;
        var label = shown.WeekStart == pace.ThisWeek!.WeekStart ? Text(PeriodText.ThisWeek)
            : shown.WeekStart == pace.ThisWeek.WeekStart.AddDays(-7) ? Text(PeriodText.LastWeek)
            : Text(PeriodText.WeekOf, ("date", Date(shown.WeekStart, today)));
        var status = pace.Status switch
        {
            PaceStatus.Reached => Text(PeriodText.TargetReached),
            PaceStatus.Behind => Text(PeriodText.Behind, ("behind", Number(pace.Behind))),
            _ => Text(PeriodText.OnPace),
        };
        return Text(pace.LowerIsBetter ? PeriodText.PaceLineDown : PeriodText.PaceLine, ("week", label), ("progress", Progress(shown.Done ?? 0, shown.Target, kr.Unit)),
            ("whole", PeriodKindName(kind)), ("total", Progress(kr.Current, kr.Target, "")), ("status", status));
    }

    /// <summary>The first letter in upper case as this language writes it ("maanantai" → "Maanantai", Turkish "i" → "İ").</summary>
    public string Capitalised(string text) =>
        text.Length == 0 ? text : Culture.TextInfo.ToUpper(text[..1]) + text[1..];

    /// <summary>The name of an enum value people read: <c>Label(BlockReason.Budget)</c> is "Budget", "Budjetti", "Бюджет"…</summary>
    public string Label<TEnum>(TEnum value, LabelForm form = LabelForm.Label) where TEnum : struct, Enum =>
        // A value no member names (a damaged row) is shown as it is rather than failing the whole message.
        Enum.IsDefined(value) ? Texts.Lookup("Labels", LabelKey(typeof(TEnum), value.ToString(), form), Culture) : value.ToString();

    /// <summary>The name of an enum value that may be missing; nothing when it is.</summary>
    public string Label<TEnum>(TEnum? value, LabelForm form = LabelForm.Label) where TEnum : struct, Enum => value is { } v ? Label(v, form) : "";

    /// <summary>The name of an enum value inside a sentence: "blocked (waiting on someone)".</summary>
    public string InSentence<TEnum>(TEnum value) where TEnum : struct, Enum => Label(value, LabelForm.InSentence);

    /// <summary>
    /// What the domain found wrong, in words (<c>Resources/Problems.resx</c>). Dates in it are written as calendar dates,
    /// with the year when it is not <paramref name="today"/>'s.
    /// </summary>
    public string Say(Problem problem, DateOnly? today = null) =>
        Fill(Texts.Lookup("Problems", problem.Code.ToString(), Culture), [.. problem.Args], today);

    /// <summary>Validation problems as Slack's inline errors want them: field → sentence.</summary>
    public IReadOnlyDictionary<string, string> Errors(ValidationErrors errors, DateOnly? today = null) =>
        errors.ByField.ToDictionary(e => e.Key, e => Say(e.Value, today));

    private string PluralText(string resources, string key, decimal count, ReadOnlySpan<(string Name, object? Value)> args) =>
        Fill(Texts.Lookup(resources, Texts.PluralKey(key, Category(count)), Culture), [("count", count), .. args]);

    private string Fill(string template, ReadOnlySpan<(string Name, object? Value)> args, DateOnly? today = null)
    {
        var given = args.ToArray();
        return Texts.Fill(template, (name, format) =>
        {
            foreach (var (n, value) in given)
                if (n == name) return Format(value, format, today);
            return null;
        });
    }

    /// <summary>
    /// An argument as this language writes it: numbers through <see cref="Number"/>, calendar dates through <see cref="Date"/>,
    /// enum values by their name in a sentence, text as it is; a format in the placeholder (<c>{day:dddd}</c>) wins.
    /// </summary>
    private string Format(object? value, string? format, DateOnly? today) => value switch
    {
        null => "",
        string s => s,
        IFormattable f when format is not null => f.ToString(format, Culture),
        int or long or decimal or double => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateOnly d => Date(d, today ?? d),
        TimeOnly t => Time(t),
        Enum e => Texts.Lookup("Labels", LabelKey(e.GetType(), e.ToString(), LabelForm.InSentence), Culture),
        _ => Convert.ToString(value, Culture) ?? "",
    };
}
