using System.Text.RegularExpressions;
using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests;

/// <summary>
/// The host project's folders are layers, and a layer only uses the layers below it, so no folder cycle can
/// creep back. Read from the source (usings and qualified names, outside comments and strings), because a
/// reference to a constant leaves no trace in the compiled code.
/// </summary>
[NoDatabase]
public partial class LayeringTests
{
    /// <summary>Bottom up. Features' areas (Experiments, Tasks, …) share a rank: they may use each other, but not in a circle.</summary>
    private static readonly string[] Layers =
    [
        "GrowthBot.Resources",
        "GrowthBot.Storage",
        "GrowthBot.Common",
        "GrowthBot.Delivery",
        "GrowthBot.Features.Common",
        "GrowthBot.Features.*",
        "GrowthBot.Features",
        "GrowthBot.Jobs",
        "GrowthBot.Hosting",
        "",
    ];

    private static readonly string[] Folders = ["Resources", "Storage", "Common", "Delivery", "Features", "Jobs", "Hosting"];

    [Fact]
    public void Every_source_file_lives_in_the_folder_its_namespace_names()
    {
        var misplaced = SourceFiles()
            .Where(f => f.Namespace != ExpectedNamespace(f.RelativePath))
            .Select(f => $"{f.RelativePath} declares '{f.Namespace}'").ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void A_layer_uses_only_the_layers_below_it()
    {
        var upward = SourceFiles()
            .SelectMany(f => f.References.Select(r => (File: f, Reference: r)))
            .Where(x => Rank(x.Reference) > Rank(x.File.Namespace))
            .Select(x => $"{x.File.RelativePath} ({x.File.Namespace}) uses {x.Reference}").Distinct().ToList();

        Assert.Empty(upward);
    }

    [Fact]
    public void Feature_areas_do_not_use_each_other_in_a_circle()
    {
        var uses = SourceFiles()
            .Where(f => Layer(f.Namespace) == "GrowthBot.Features.*")
            .SelectMany(f => f.References.Where(r => Layer(r) == "GrowthBot.Features.*" && Area(r) != Area(f.Namespace)).Select(r => (From: Area(f.Namespace), To: Area(r))))
            .Distinct().ToLookup(e => e.From, e => e.To);

        var circles = uses.Select(g => g.Key).Select(area => Circle(area, area, uses, [])).Where(c => c is not null).ToList();

        Assert.Empty(circles);
    }

    [Fact]
    public void The_check_sees_usings_qualified_names_and_nothing_in_comments_or_strings()
    {
        const string code = """
            using GrowthBot.Storage;
            using static GrowthBot.Features.Experiments.ExperimentForm;
            namespace GrowthBot.Jobs;
            // Features.Home.HomeTab is only mentioned here
            class X { string s = "Hosting.StartupChecks"; object o = Features.Reports.WeeklyReportMessages.Report; Type t = typeof(GrowthBot.Delivery.PostPacer); }
            class Y { object o = Common.Thing.Value; TimeSpan t = TimeSpan.FromSeconds(1); }
            """;
        var known = Known(["GrowthBot.Storage", "GrowthBot.Common", "GrowthBot.Delivery", "GrowthBot.Features.Experiments", "GrowthBot.Features.Home", "GrowthBot.Features.Reports", "GrowthBot.Hosting", "GrowthBot.Jobs"]);

        Assert.Equal(["GrowthBot.Common", "GrowthBot.Delivery", "GrowthBot.Features.Experiments", "GrowthBot.Features.Reports", "GrowthBot.Storage"],
            References(code, known).Order(StringComparer.Ordinal).ToList());
    }

    private static string? Circle(string start, string at, ILookup<string, string> uses, HashSet<string> seen)
    {
        foreach (var next in uses[at])
        {
            if (next == start) return $"{at} → {start}";
            if (seen.Add(next) && Circle(start, next, uses, seen) is { } rest) return $"{at} → {rest}";
        }
        return null;
    }

    private static string Layer(string ns)
    {
        if (ns.StartsWith("GrowthBot.Features.", StringComparison.Ordinal) && !ns.StartsWith("GrowthBot.Features.Common", StringComparison.Ordinal))
            return "GrowthBot.Features.*";
        return Layers.Where(l => l.Length > 0 && !l.EndsWith('*') && (ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal)))
            .OrderByDescending(l => l.Length).FirstOrDefault() ?? ns;
    }

    private static int Rank(string ns)
    {
        var rank = Array.IndexOf(Layers, Layer(ns));
        Assert.True(rank >= 0, $"'{ns}' belongs to no layer: add its folder to {nameof(Layers)}.");
        return rank;
    }

    private static string Area(string ns) => string.Join('.', ns.Split('.').Take(3));

    private static string ExpectedNamespace(string relativePath)
    {
        var folders = Path.GetDirectoryName(relativePath)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        return folders.Length == 0 ? "" : "GrowthBot." + string.Join('.', folders);
    }

    private sealed record SourceFile(string RelativePath, string Namespace, IReadOnlyList<string> References);

    private static IReadOnlyList<SourceFile> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrowthBot.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var root = Path.Combine(dir!.FullName, "src", "GrowthBot");
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(path => path.Split(Path.DirectorySeparatorChar)[0] is not ("bin" or "obj"))
            .Select(path => (Path: path, Code: File.ReadAllText(Path.Combine(root, path))))
            .Select(f => (f.Path, f.Code, Namespace: NamespaceDeclaration().Match(f.Code) is { Success: true } m ? m.Groups[1].Value : ""))
            .ToList();
        var known = Known(sources.Select(f => f.Namespace));
        var files = sources.Select(f => new SourceFile(f.Path, f.Namespace, References(f.Code, known))).ToList();
        Assert.Contains(files, f => f.Namespace == "GrowthBot.Jobs");
        var unknown = files.Select(f => f.RelativePath.Split(Path.DirectorySeparatorChar)).Where(p => p.Length > 1 && !Folders.Contains(p[0])).Select(p => p[0]).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"Folders that are no layer: {string.Join(", ", unknown)}; add them to {nameof(Layers)}.");
        return files;
    }

    /// <summary>
    /// The <paramref name="known"/> namespaces a piece of code refers to: by using directives or by dotted names, resolved
    /// as C# does, from the innermost enclosing namespace outwards (so <c>Home.HomeTab</c> inside
    /// <c>GrowthBot.Features.Tasks</c> is <c>GrowthBot.Features.Home</c>).
    /// </summary>
    private static IReadOnlyList<string> References(string code, IReadOnlySet<string> known)
    {
        var bare = Comments().Replace(Strings().Replace(code, "\"\""), "");
        var within = NamespaceDeclaration().Match(bare) is { Success: true } declaration ? declaration.Groups[1].Value : "";
        var enclosing = Enumerable.Range(0, within.Split('.').Length + 1).Select(n => string.Join('.', within.Split('.').Take(within.Length == 0 ? 0 : n)))
            .Distinct().OrderByDescending(prefix => prefix.Length).ToList();
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match chain in DottedName().Matches(bare))
        {
            var parts = chain.Value.Split('.');
            foreach (var prefix in enclosing)
            {
                var candidate = prefix.Length == 0 ? parts[0] : $"{prefix}.{parts[0]}";
                if (!known.Contains(candidate)) continue;
                foreach (var part in parts.Skip(1))
                {
                    if (!known.Contains($"{candidate}.{part}")) break;
                    candidate = $"{candidate}.{part}";
                }
                if (candidate != within && candidate.Contains('.')) references.Add(candidate);
                break;
            }
        }
        return references.ToList();
    }

    /// <summary>Every namespace the files declare, and each of its parents.</summary>
    private static HashSet<string> Known(IEnumerable<string> namespaces) =>
        namespaces.Where(ns => ns.Length > 0).SelectMany(ns => Enumerable.Range(1, ns.Split('.').Length).Select(n => string.Join('.', ns.Split('.').Take(n)))).ToHashSet();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    /// <summary>Raw, verbatim and regular string literals (interpolation holes are code, but none of ours names a layer).</summary>
    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Comments();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.\w+)+")]
    private static partial Regex DottedName();
}
