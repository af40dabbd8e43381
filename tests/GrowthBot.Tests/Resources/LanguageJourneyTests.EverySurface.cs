using GrowthBot.Tests.Fixtures;

namespace GrowthBot.Tests.Resources;

public partial class LanguageJourneyTests
{
    /// <summary>
    /// What the walk's seeds wrote in English as a person would have typed it (<c>Seed</c>), and the names the bot's texts
    /// give as examples (the zone hint's "New York"): not the bot's words.
    /// </summary>
    private static readonly string[] Seeded =
        ["CMOs of 100-person companies answer InMail.", "CMOs answer InMail", "need a seat", "Grow new business", "New leads", "new leads", "Closed deals", "deals", "New York"];

    private static string WithoutSeeded(string text) => Seeded.Aggregate(text, (t, seeded) => t.Replace(seeded, "Zeta", StringComparison.Ordinal));

    /// <summary>
    /// Every message, modal, DM and Home view the bot renders (the walk that proves every id has a handler: the App Home,
    /// every command and its modals, tasks, KPIs, the ICP, money, the pipeline, nudges, the due DM, both weekly reports
    /// with their sales thread and charts, the check-ins, the end of a period) in a team whose language is
    /// <paramref name="language"/> and whose people's Slack says en-US: nothing it reads is English beyond commands,
    /// ids and what people typed.
    /// </summary>
    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    [InlineData("ru")]
    [InlineData("tr")]
    public async Task Every_surface_the_bot_renders_speaks_the_team_language(string language)
    {
        await using var app = await GrowthBotApp.Start();
        await SaveSettings(app, language);

        await EverySurface.Walk(app);

        var read = app.Sent.Select(Shown).Select(WithoutSeeded).Where(t => t.Trim().Length > 0).ToList();
        Assert.Contains(read, t => t.Contains("Zeta 3", StringComparison.Ordinal));
        var english = read.Select(t => (Text: t, Words: English(t))).Where(x => x.Words.Count > 0).ToList();
        Assert.True(english.Count == 0, $"{english.Count} payloads with English:\n" + string.Join("\n\n", english.Select(x => $"[{string.Join(", ", x.Words)}] {x.Text}")));
    }
}
