using System.Text.Json.Nodes;
using GrowthBot.Domain.Experiments;
using GrowthBot.Domain.Okrs;
using GrowthBot.Storage;
using GrowthBot.Tests.Fixtures;
using GrowthBot.Tests.Jobs;

namespace GrowthBot.Tests.Features.Charts;

/// <summary>A team six weeks into its quarter: KR1 New leads checked in weekly, experiments concluded over the weeks.</summary>
public static class ChartSeeds
{
    /// <summary>KR1's check-ins: 2, 5, 9, 14, 19 and 26 new leads, on the Thursdays from 8 Oct to 12 Nov.</summary>
    public static readonly (DateOnly Day, decimal Value)[] Leads =
    [
        (new(2026, 10, 8), 2), (new(2026, 10, 15), 5), (new(2026, 10, 22), 9), (new(2026, 10, 29), 14), (new(2026, 11, 5), 19), (new(2026, 11, 12), 26),
    ];

    public static async Task<OkrSnapshot> Quarter(GrowthBotApp app)
    {
        var okr = await app.Service<OkrStore>().SetObjective(GrowthBotApp.TeamId, "Grow new business", "Q4 2026",
            [new KeyResultDraft("New leads", 0, 100, "new leads", GrowthBotApp.Alice), new KeyResultDraft("Closed deals", 0, 10, "deals", GrowthBotApp.Bob)],
            GrowthBotApp.Lead, new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        foreach (var (day, value) in Leads)
            await app.Service<OkrStore>().AddCheckIn(GrowthBotApp.TeamId, okr.KeyResults[0].Id, value, KrConfidence.OnTrack, "",
                GrowthBotApp.Alice, new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        await Seed.Concluded(app, "LinkedIn InMail to CMOs", Outcome.Worked, "One lead", okr.KeyResults[0].Id, at: new DateTimeOffset(2026, 10, 21, 12, 0, 0, TimeSpan.Zero));
        await Seed.Concluded(app, "Cold calls", Outcome.DidNotWork, "Nobody picked up", at: new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero));
        await Seed.Concluded(app, "Webinar", Outcome.Worked, "Three leads", okr.KeyResults[0].Id, at: Seed.LastThursday, bringsLeads: true);
        return okr;
    }

    /// <summary>The image blocks of a message or view, as sent.</summary>
    public static IReadOnlyList<JsonNode> Images(JsonNode? blocks) =>
        (blocks as JsonArray ?? []).Where(b => b?["type"]?.GetValue<string>() == "image").Select(b => b!).ToList();

    public static string AltText(JsonNode image) => image["alt_text"]!.GetValue<string>();

    public static string FileId(JsonNode image) => image["slack_file"]!["id"]!.GetValue<string>();

    /// <summary>Keeps a chart the bot uploaded in TestResults/charts, with its alt text beside it, for a person to look at.</summary>
    public static string Keep(FakeFile file, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrowthBot.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "charts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        File.WriteAllBytes(path, file.Bytes!);
        File.WriteAllText(Path.Combine(folder, name + ".alt.txt"), file.AltText ?? "");
        return path;
    }
}
