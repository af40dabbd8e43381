using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text;

namespace GrowthBot.Resources;

/// <summary>
/// Marks an enum whose members are the keys of one resource file: <c>[Texts("Tasks")] enum TaskText</c> reads
/// <c>Resources/Tasks.resx</c> (English) and its <c>Tasks.fi.resx</c>, <c>.sv</c>, <c>.ru</c>, <c>.tr</c> siblings. A key is the
/// member's name; a plural key is the member's name plus <c>_one</c>, <c>_few</c>, <c>_many</c>, <c>_other</c> (see
/// <see cref="Texts.PluralKey"/>). Tests check that the enum and every language's file hold the same keys.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class TextsAttribute(string resources) : Attribute
{
    /// <summary>The resource file's name without extension, under <c>Resources/</c>.</summary>
    public string Resources { get; } = resources;

    /// <summary>
    /// Key families: each member <c>M</c> has a key <c>{prefix}M</c> per prefix. Nearly every enum has the one family "";
    /// <see cref="Counted"/> has "" (<c>"3 tasks"</c>) and "More" (<c>"3 more tasks"</c>).
    /// </summary>
    public string[] Families { get; init; } = [""];
}

/// <summary>A text a resource file lacks: a bug the resource tests catch, never something a person should read.</summary>
public sealed class MissingTextException(string message) : Exception(message);

/// <summary>
/// The resource files behind the <see cref="TextsAttribute"/> enums, looked up with an explicit culture (never the
/// thread's: a job writes to many people in their own languages), and the placeholders inside them: <c>{name}</c>, or
/// <c>{name:format}</c> with a .NET format such as <c>{first:dddd}</c>; <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public static class Texts
{
    /// <summary>The suffix of a plural key's text for <paramref name="category"/>: <c>Tasks_one</c>, <c>Tasks_few</c>, …</summary>
    public static string PluralKey(string key, PluralCategory category) => $"{key}_{category.ToString().ToLowerInvariant()}";

    private static readonly ConcurrentDictionary<string, ResourceManager> Managers = new();
    private static readonly ConcurrentDictionary<Type, TextsAttribute> Attributes = new();

    /// <summary>The resource file <paramref name="resources"/> (<c>Tasks</c> for <c>Resources/Tasks.resx</c>).</summary>
    public static ResourceManager Manager(string resources) =>
        Managers.GetOrAdd(resources, name => new ResourceManager($"GrowthBot.Resources.{name}", typeof(Texts).Assembly));

    /// <summary>How the keys of <paramref name="keys"/> are stored; throws when the enum is not marked <see cref="TextsAttribute"/>.</summary>
    public static TextsAttribute Of(Type keys) => Attributes.GetOrAdd(keys, type =>
        type.GetCustomAttribute<TextsAttribute>() ?? throw new InvalidOperationException($"{type.Name} is not marked [Texts(…)], so it names no resource file."));

    /// <summary>Every enum that names a resource file's keys.</summary>
    public static IReadOnlyList<Type> KeyEnums { get; } =
        typeof(Texts).Assembly.GetTypes().Where(t => t.IsEnum && t.GetCustomAttribute<TextsAttribute>() is not null).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>, falling back to English only where a translation is missing.</summary>
    public static string Lookup(string resources, string key, CultureInfo culture)
    {
        Observed.Value?.Invoke(resources, key);
        return Manager(resources).GetString(key, culture) is { Length: > 0 } text
            ? text
            : throw new MissingTextException($"Resources/{resources}.resx has no text '{key}'.");
    }

    /// <summary>
    /// Lets a test see which keys a piece of code looked up (on this async flow only), so the tests that render every
    /// message can tell which texts nothing rendered.
    /// </summary>
    public static IDisposable Observe(Action<string, string> seen)
    {
        var before = Observed.Value;
        Observed.Value = (resources, key) =>
        {
            before?.Invoke(resources, key);
            seen(resources, key);
        };
        return new Restore(() => Observed.Value = before);
    }

    private static readonly AsyncLocal<Action<string, string>?> Observed = new();

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>The placeholders of a text: <c>{task}</c> and <c>{due:d MMM}</c> give <c>task</c> and <c>due</c>.</summary>
    public static IReadOnlyList<string> Placeholders(string text)
    {
        var names = new List<string>();
        Scan(text, (name, _) => names.Add(name), _ => { });
        return names;
    }

    /// <summary>Fills the placeholders of <paramref name="template"/>; a placeholder without its argument is a bug and throws.</summary>
    public static string Fill(string template, Func<string, string?, string?> argument)
    {
        var text = new StringBuilder(template.Length + 32);
        Scan(template, (name, format) => text.Append(argument(name, format) ?? throw new FormatException($"The text \"{template}\" needs {{{name}}}, which was not given.")),
            literal => text.Append(literal));
        return text.ToString();
    }

    private static void Scan(string template, Action<string, string?> placeholder, Action<char> literal)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{' || c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                literal(c);
                i++;
                continue;
            }
            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                literal(c);
                continue;
            }
            var inside = template[(i + 1)..close];
            var colon = inside.IndexOf(':');
            placeholder(colon < 0 ? inside : inside[..colon], colon < 0 ? null : inside[(colon + 1)..]);
            i = close;
        }
    }
}
