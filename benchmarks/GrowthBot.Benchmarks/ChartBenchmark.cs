using System.Diagnostics;
using System.Globalization;
using GrowthBot.Charts;

namespace GrowthBot.Benchmarks;

/// <summary>
/// Chart rendering in-process, through the charts project's public API: each chart's p50 / p99 on a busy but
/// realistic input (a quarter of daily check-ins, thirteen weeks of pace, twelve weeks of outcomes), and the
/// resident memory before and after a thousand more renders (native Skia memory that leaked would show there, not
/// in the managed heap).
/// </summary>
internal static class ChartBenchmark
{
    private const double LimitMs = 100;
    private const long GrowthLimitBytes = 8 * 1024 * 1024;

    public static async Task<List<Row>> Run(bool quick, Action<string> log)
    {
        var charts = Charts();
        var rows = new List<Row>();
        foreach (var (name, render) in charts)
        {
            var iterations = quick ? 100 : 300;
            // CPU time as well: on a shared machine the wall time also counts waiting for a core.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var r = await BuildBenchmark.Measure(warmup: 20, iterations, () => Task.FromResult(Png(render)));
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (iterations + 20);
            log($"chart {name}: p50 {r.P50:F2} p99 {r.P99:F2} ms, cpu {cpuMs:F1} ms per render");
            rows.Add(new Row($"Chart render ({name}, 800×400 PNG + alt text), p50 / p99 (CPU per render)",
                $"{r.P50:F1} / {r.P99:F1} ms ({cpuMs:F1} ms)", $"p99 < {LimitMs:F0} ms", r.P99 < LimitMs));
        }

        const int renders = 1000;
        var before = Settled();
        for (var i = 0; i < renders; i++) Png(charts[i % charts.Count].Render);
        var after = Settled();
        var growth = after.Resident - before.Resident;
        log($"charts: {renders} renders, RSS {Mb(before.Resident)} → {Mb(after.Resident)}, managed heap {Mb(before.Managed)} → {Mb(after.Managed)}");
        rows.Add(new Row($"Resident memory growth across {renders} chart renders (after a warm-up)",
            $"{Mb(before.Resident)} → {Mb(after.Resident)} ({(growth >= 0 ? "+" : "")}{growth / 1024.0 / 1024.0:F1} MB)",
            $"< +{GrowthLimitBytes / 1024 / 1024} MB", growth < GrowthLimitBytes));
        return rows;
    }

    private static int Png(Func<ChartResult> render)
    {
        var result = render();
        return result.HasImage ? result.Image.Png.Length : throw new InvalidOperationException("no chart: " + result);
    }

    /// <summary>Memory once the garbage collector has run and finalizers (which free Skia's native objects) are done.</summary>
    private static (long Resident, long Managed) Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (GrowthBotProcess.ResidentBytes(Environment.ProcessId) ?? 0, GC.GetTotalMemory(forceFullCollection: true));
    }

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";

    private static List<(string Name, Func<ChartResult> Render)> Charts()
    {
        var format = ChartFormat.For(CultureInfo.GetCultureInfo("en-GB"));
        var start = new DateOnly(2026, 10, 5);
        var today = start.AddDays(60);
        var checkIns = Enumerable.Range(0, 61).Select(d => new TrendPoint(start.AddDays(d), 120 + d * 13.5 + 40 * Math.Sin(d / 4.0))).ToArray();
        var trend = new KeyResultTrend(start, start.AddDays(90), 120, 1500, checkIns, today, new TrendPoint(today.AddDays(6), 1050));
        var trendText = new KeyResultTrendText("Qualified leads", "leads", "Checked in", "Baseline → target", "This week's target",
            f => $"Qualified leads: {format.Number(f.Latest.Value)} of {format.Number(f.Target)}, {f.CheckIns} check-ins; plan {format.Number(f.ExpectedByNow)} by now");

        var pace = new WeeklyPace(Enumerable.Range(0, 13).Select(w => new PaceWeek(start.AddDays(7 * w), w < 9 ? 95 + 7 * w : null, 106)).ToList(), false);
        var paceText = new WeeklyPaceText("Qualified leads per week", "leads", "Done", "Weekly target",
            f => $"On target in {f.WeeksOnTarget} of {f.WeeksWithBoth} weeks");

        var thisWeek = start.AddDays(56);
        var board = new ExperimentScoreboard(thisWeek, Enumerable.Range(0, 12)
            .Select(w => new ScoreboardWeek(thisWeek.AddDays(-7 * w), 1 + w % 3, w % 2, (w + 1) % 3)).ToList());
        var boardText = new ExperimentScoreboardText("Experiments concluded per week", "experiments", "Worked", "Did not work", "Inconclusive",
            f => $"{f.Total} experiments: {f.Worked} worked, {f.DidNotWork} did not, {f.Inconclusive} inconclusive");

        return
        [
            ("key-result trend, 61 daily check-ins", () => KeyResultTrendChart.Render(trend, trendText, format)),
            ("weekly pace, 13 weeks", () => WeeklyPaceChart.Render(pace, paceText, format)),
            ("experiment scoreboard, 12 weeks", () => ExperimentScoreboardChart.Render(board, boardText, format)),
        ];
    }
}
