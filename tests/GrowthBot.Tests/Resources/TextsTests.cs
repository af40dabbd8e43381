using System.Collections;
using System.Globalization;
using System.Resources;
using GrowthBot.Domain.Common;
using GrowthBot.Resources;

namespace GrowthBot.Tests.Resources;

/// <summary>Every text GrowthBot can show exists, non-empty, in every language it speaks, with placeholders the code fills.</summary>
public class TextsTests
{
    public static TheoryData<string> Languages() => [.. Language.All.Select(l => l.Code)];

    /// <summary>The texts one resource file holds for one language only (not what it would fall back to).</summary>
    private static Dictionary<string, string> Own(string resources, Language language)
    {
        var culture = language == Language.English ? CultureInfo.InvariantCulture : language.Culture;
        var set = Texts.Manager(resources).GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        if (set is null && language != Language.English)
            set = Texts.Manager(resources).GetResourceSet(CultureInfo.GetCultureInfo(language.Code), createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"Resources/{resources}.{language.Code}.resx is missing.");
        return set!.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }

    /// <summary>Each resource file's keys as the code asks for them: enum keys with their plural categories, labels, problem codes.</summary>
    private static IEnumerable<(string Resources, string Key, bool Plural)> Expected()
    {
        var english = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in Texts.KeyEnums)
        {
            var attribute = Texts.Of(type);
            var texts = english.TryGetValue(attribute.Resources, out var t) ? t : english[attribute.Resources] = Own(attribute.Resources, Language.English);
            foreach (var family in attribute.Families)
                foreach (var member in Enum.GetNames(type))
                {
                    var key = family + member;
                    yield return (attribute.Resources, key, !texts.ContainsKey(key) && texts.ContainsKey(Texts.PluralKey(key, PluralCategory.Other)));
                }
        }
        foreach (var (type, form) in Wording.Labelled)
            foreach (var member in Enum.GetNames(type))
                yield return ("Labels", Wording.LabelKey(type, member, form), false);
        foreach (var code in Enum.GetNames<ProblemCode>())
            yield return ("Problems", code, false);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_the_code_asks_for_exists_and_is_not_empty(string code)
    {
        var language = Language.Find(code)!;
        var files = new Dictionary<string, Dictionary<string, string>>();
        var missing = new List<string>();
        foreach (var (resources, key, plural) in Expected())
        {
            var own = files.TryGetValue(resources, out var f) ? f : files[resources] = Own(resources, language);
            IEnumerable<string> keys = plural ? language.Categories.Select(c => Texts.PluralKey(key, c)) : [key];
            missing.AddRange(keys.Where(k => !own.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Select(k => $"{resources}.{code}: {k}"));
        }
        Assert.True(missing.Count == 0, "Missing or empty:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_file_holds_a_text_nothing_asks_for(string code)
    {
        var language = Language.Find(code)!;
        var expected = Expected().SelectMany(e => e.Plural
            ? Language.All.SelectMany(l => l.Categories).Distinct().Select(c => (e.Resources, Key: Texts.PluralKey(e.Key, c)))
            : [(e.Resources, e.Key)]).ToHashSet();
        var stray = expected.Select(e => e.Resources).Distinct()
            .SelectMany(r => Own(r, language).Keys.Where(k => !expected.Contains((r, k))).Select(k => $"{r}.{code}: {k}")).ToList();
        Assert.True(stray.Count == 0, "Texts nothing asks for:\n" + string.Join("\n", stray));
    }

    /// <summary>
    /// A translation may only use placeholders the code gives: the English text's, plus <c>{xNumber}</c>, the bare number of a
    /// counted <c>{x}</c>, for languages whose grammar puts the noun elsewhere.
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_use_only_placeholders_the_code_fills(string code)
    {
        var language = Language.Find(code)!;
        var wrong = new List<string>();
        foreach (var resources in Expected().Select(e => e.Resources).Distinct())
        {
            var english = Own(resources, Language.English);
            foreach (var (key, text) in Own(resources, language))
            {
                var source = english.TryGetValue(key, out var e) ? e : english.GetValueOrDefault(key.Split('_')[0] + "_other", "");
                var allowed = Texts.Placeholders(source).SelectMany(p => new[] { p, p + "Number" }).Append("count").ToHashSet();
                wrong.AddRange(Texts.Placeholders(text).Where(p => !allowed.Contains(p)).Select(p => $"{resources}.{code}: {key} uses {{{p}}}"));
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(21, PluralCategory.One)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(0, PluralCategory.Many)]
    [InlineData(111, PluralCategory.Many)]
    public void Russian_counts_take_one_few_or_many(int count, PluralCategory category) =>
        Assert.Equal(category, Language.Russian.PluralOf(count));

    [Fact]
    public void Counts_read_as_a_native_writes_them()
    {
        Assert.Equal("1 задача", Wording.For(Language.Russian).Count(1, Counted.Task));
        Assert.Equal("3 задачи", Wording.For(Language.Russian).Count(3, Counted.Task));
        Assert.Equal("5 задач", Wording.For(Language.Russian).Count(5, Counted.Task));
        Assert.Equal("2 tehtävää", Wording.For(Language.Finnish).Count(2, Counted.Task));
        Assert.Equal("%38", Wording.For(Language.Turkish).Percent(38));
        Assert.Equal("7,3", Wording.For(Language.Swedish).Number(7.3m));
    }
}
