namespace GrowthBot.Charts.Tests;

/// <summary>Where the gallery test leaves its pictures for a person to look at: TestResults/charts at the repository root.</summary>
internal static class ChartFiles
{
    public static string Folder { get; } = Create();

    public static string Write(string name, ChartImage image)
    {
        var path = Path.Combine(Folder, name + ".png");
        File.WriteAllBytes(path, image.Png);
        File.WriteAllText(Path.Combine(Folder, name + ".alt.txt"), image.AltText);
        return path;
    }

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrowthBot.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "charts");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
