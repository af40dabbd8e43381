using System.Globalization;
using Xunit.Abstractions;

namespace GrowthBot.Charts.Tests;

/// <summary>
/// Renders every chart, in its usual and its awkward cases and in each language the app speaks, to
/// TestResults/charts/*.png (with the alt text beside each) so a person can look at them.
/// </summary>
public class ChartGalleryTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_chart_renders_to_a_file_a_person_can_look_at()
    {
        var thisWeek = new TrendPoint(new(2026, 11, 15), 47);
        var charts = new (string Name, ChartResult Result)[]
        {
            ("trend", KeyResultTrendChart.Render(Samples.Trend(thisWeek), English.Trend(), English.Format)),
            ("trend-one-point", KeyResultTrendChart.Render(Samples.Trend() with { CheckIns = [new(new(2026, 10, 7), 3)] }, English.Trend(), English.Format)),
            ("trend-lower-is-better", KeyResultTrendChart.Render(new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 8.5, 5,
                [new(new(2026, 10, 5), 8.4), new(new(2026, 10, 19), 7.9), new(new(2026, 11, 2), 7.1), new(new(2026, 11, 9), 7.3)], Samples.Today,
                new(new(2026, 11, 15), 7.0)), English.Trend("Churn", "% of customers"), English.Format)),
            ("trend-huge", KeyResultTrendChart.Render(new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 0, 1e12,
                [new(new(2026, 10, 5), 1e11), new(new(2026, 10, 26), 2.5e11), new(new(2026, 11, 9), 4.2e11)], Samples.Today), English.Trend("Revenue", "€"), English.Format)),
            ("trend-negative", KeyResultTrendChart.Render(new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, -20, 10,
                [new(new(2026, 10, 5), -25), new(new(2026, 10, 19), -12.5), new(new(2026, 11, 2), -3)], Samples.Today), English.Trend("Net promoter score", "NPS"), English.Format)),
            ("trend-all-equal", KeyResultTrendChart.Render(new KeyResultTrend(Samples.PeriodStart, Samples.PeriodEnd, 50, 50,
                [new(new(2026, 10, 5), 50), new(new(2026, 10, 19), 50)], Samples.Today), English.Trend(), English.Format)),
            ("trend-daily-year", KeyResultTrendChart.Render(new KeyResultTrend(new(2026, 1, 1), new(2026, 12, 31), 1000, 5000,
                Enumerable.Range(0, 300).Select(d => new TrendPoint(new DateOnly(2026, 1, 1).AddDays(d), 1000 + d * 9 + 300 * Math.Sin(d / 9.0))).ToArray(),
                new(2026, 10, 27)), English.Trend("Monthly active users", "users"), English.Format)),
            ("pace", WeeklyPaceChart.Render(Samples.Pace(), English.Pace(), English.Format)),
            ("pace-lower-is-better-negative", WeeklyPaceChart.Render(new WeeklyPace(
                [new(new(2026, 10, 5), -2, -1), new(new(2026, 10, 12), 1, -1), new(new(2026, 10, 19), -3.5, -1.5), new(new(2026, 10, 26), null, -2)], LowerIsBetter: true),
                English.Pace("Net change in churned accounts", "accounts"), English.Format)),
            ("pace-huge", WeeklyPaceChart.Render(new WeeklyPace(
                Enumerable.Range(0, 13).Select(i => new PaceWeek(Samples.PeriodStart.AddDays(7 * i), i < 7 ? 6.5e10 + i * 1e10 : null, 7.7e10)).ToList(), false),
                English.Pace("Revenue per week", "€"), English.Format)),
            ("scoreboard", ExperimentScoreboardChart.Render(Samples.Scoreboard(), English.Scoreboard(), English.Format)),
            ("scoreboard-one-week", ExperimentScoreboardChart.Render(new ExperimentScoreboard(new(2026, 11, 9), [new(new(2026, 11, 9), 1, 0, 0)]), English.Scoreboard(), English.Format)),
            ("scoreboard-busy", ExperimentScoreboardChart.Render(new ExperimentScoreboard(new(2026, 11, 9),
                Enumerable.Range(0, 12).Select(i => new ScoreboardWeek(new DateOnly(2026, 11, 9).AddDays(-7 * i), 10 + i, 20 - i, 3 * i)).ToList()), English.Scoreboard(), English.Format)),
        };
        var localized = new (string Name, ChartResult Result)[]
        {
            ("trend-fi", KeyResultTrendChart.Render(Samples.Trend(thisWeek), Words("fi-FI", "Uudet liidit", "liidiä", "Kirjattu", "Lähtötaso → tavoite", "Tämän viikon tavoite"), ChartFormat.For(CultureInfo.GetCultureInfo("fi-FI")))),
            ("trend-sv", KeyResultTrendChart.Render(Samples.Trend(thisWeek), Words("sv-SE", "Nya leads", "leads", "Incheckat", "Utgångsläge → mål", "Veckans mål"), ChartFormat.For(CultureInfo.GetCultureInfo("sv-SE")))),
            ("trend-ru", KeyResultTrendChart.Render(Samples.Trend(thisWeek), Words("ru-RU", "Новые лиды", "лидов", "Отмечено", "Старт → цель", "Цель этой недели"), ChartFormat.For(CultureInfo.GetCultureInfo("ru-RU")))),
            ("trend-tr", KeyResultTrendChart.Render(Samples.Trend(thisWeek), Words("tr-TR", "Yeni müşteri adayları", "aday", "Girilen değer", "Başlangıç → hedef", "Bu haftanın hedefi (ığüşöçİ)"), ChartFormat.For(CultureInfo.GetCultureInfo("tr-TR")))),
        };

        foreach (var (name, result) in charts.Concat(localized))
        {
            var image = Png.AssertSlackReady(result);
            var path = ChartFiles.Write(name, image);
            output.WriteLine($"{path} ({image.Png.Length / 1024.0:F1} KB): {image.AltText}");
        }
    }

    private static KeyResultTrendText Words(string culture, string title, string unit, string checkedIn, string plan, string thisWeek)
    {
        var format = ChartFormat.For(CultureInfo.GetCultureInfo(culture));
        return new KeyResultTrendText(title, unit, checkedIn, plan, thisWeek,
            f => $"{title}: {format.Number(f.Latest.Value)} / {format.Number(f.Target)} ({format.Date(f.First.Date)} – {format.Date(f.Latest.Date)})");
    }
}
