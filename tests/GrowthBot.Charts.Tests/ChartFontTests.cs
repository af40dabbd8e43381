using System.Globalization;
using ScottPlot;

namespace GrowthBot.Charts.Tests;

public class ChartFontTests
{
    [Theory]
    [InlineData("en", "New leads → target, week's")]
    [InlineData("fi", "Yhteydenotot: ÄäÖöÅå, tämän viikon tavoite")]
    [InlineData("sv", "Veckans mål: Åå Ää Öö")]
    [InlineData("ru", "Новые лиды, цель этой недели: ЁёЙйЪъЭэЮюЯя")]
    [InlineData("tr", "Bu haftanın hedefi: ĞğİıŞşÇçÖöÜü")]
    public void The_embedded_font_has_every_letter_of_each_language_the_app_speaks(string language, string text)
    {
        Assert.True(ChartFont.Regular.ContainsGlyphs(text), language);
        Assert.True(ChartFont.Bold.ContainsGlyphs(text), language);
        // …and the dates and numbers the formatter writes in that language.
        var format = ChartFormat.For(CultureInfo.GetCultureInfo(language));
        var written = string.Concat(Enumerable.Range(1, 12).Select(m => format.Date(new DateOnly(2026, m, 28)))) + format.Number(-1234567.89);
        Assert.True(ChartFont.Regular.ContainsGlyphs(written), written);
    }

    [Fact]
    public void Charts_ask_for_the_embedded_font_by_a_name_only_it_answers()
    {
        KeyResultTrendChart.Render(Samples.Trend(), English.Trend(), English.Format);

        Assert.Equal(ChartFont.Name, Fonts.Default);
        Assert.Same(ChartFont.Regular, Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false));
        Assert.Same(ChartFont.Bold, Fonts.GetTypeface(ChartFont.Name, bold: true, italic: false));
        Assert.Equal("DejaVu Sans", ChartFont.Regular.FamilyName);
        Assert.Equal("DejaVu Sans", ChartFont.Bold.FamilyName);
        Assert.True(ChartFont.Bold.FontWeight >= 700);
    }

    [Fact]
    public void The_fonts_licence_ships_inside_the_assembly_and_beside_it()
    {
        using var stream = typeof(ChartFormat).Assembly.GetManifestResourceStream(ChartFont.LicenseResource);
        Assert.NotNull(stream);
        var licence = new StreamReader(stream).ReadToEnd();
        Assert.Contains("Bitstream Vera Fonts Copyright", licence);
        Assert.Contains("Arev Fonts Copyright", licence);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "licenses", "LICENSE-DejaVu.txt")));
    }
}
