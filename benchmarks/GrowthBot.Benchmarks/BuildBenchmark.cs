using GrowthBot.Resources;
using System.Diagnostics;
using GrowthBot.Common;
using GrowthBot.Domain.Reports;
using GrowthBot.Features.Common;
using GrowthBot.Features.Home;
using GrowthBot.Features.Reports;
using GrowthBot.Slack;
using GrowthBot.Slack.Routing;
using GrowthBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GrowthBot.Benchmarks;

/// <summary>
/// Builds the weekly report and the App Home in-process against a seeded database, through exactly the
/// product's code: the stores read the inputs, <see cref="WeeklyReportReader"/> / <see cref="HomeTab"/> build them,
/// <see cref="WeeklyReportMessages"/> / <see cref="HomeTab.Render"/> turn them into Block Kit, serialized as sent.
/// </summary>
public sealed class BuildBenchmark : IAsyncDisposable
{
    private readonly Database _database;
    private readonly ExperimentStore _experiments;
    private readonly TaskStore _tasks;
    private readonly OkrStore _okrs;
    private readonly FeedbackStore _feedback;
    private readonly LearningStore _learnings;
    private readonly WeeklyReportReader _report;
    private readonly HomeTab _home;

    public BuildBenchmark(string connectionString)
    {
        var database = _database = new Database(connectionString);
        // Nothing listens: the benchmark only reads.
        var changes = new ChangeFeed([], NullLogger<ChangeFeed>.Instance);
        var experiments = _experiments = new ExperimentStore(database, changes);
        var tasks = _tasks = new TaskStore(database, changes);
        var okrs = _okrs = new OkrStore(database, changes);
        _feedback = new FeedbackStore(database, changes);
        _learnings = new LearningStore(database, changes);
        var pipeline = new PipelineStore(database, changes);
        _report = new WeeklyReportReader(experiments, tasks, okrs, new KpiStore(database, changes), _feedback, new ReportStore(database), pipeline);
        var options = new ServiceCollection().AddOptions().BuildServiceProvider().GetRequiredService<IOptionsMonitor<GrowthBotOptions>>();
        // No saved settings are loaded: the home is built in the environment's default zone (UTC), as the report is.
        var settings = new TeamSettingsService(new TeamSettingsStore(database), new InstallationStore(database, new EphemeralDataProtectionProvider()), options,
            Options.Create(new SlackOptions()), new SlackIdentity(), NullLogger<TeamSettingsService>.Instance);
        _home = new HomeTab(experiments, tasks, okrs, new KpiStore(database, changes), _learnings, _feedback, pipeline, settings, new TeamClock(TimeProvider.System, settings));
    }

    /// <summary>The Monday report of <paramref name="teamId"/> as posted: read, built, rendered, serialized. Returns its JSON length.</summary>
    public async Task<int> Report(string teamId)
    {
        var now = DateTimeOffset.UtcNow;
        var report = await _report.Build(teamId, ReportPeriod.After(now - ReportPeriod.FirstReport, now), TimeZoneInfo.Utc, now, CancellationToken.None);
        return SlackJson.Serialize(WeeklyReportMessages.Report(report, new ReportContext(teamId, TimeZoneInfo.Utc, WithKeyResults: true, SalesConfigured: true, AppId: "A0BENCH", Words: Wording.English))).Length;
    }

    /// <summary>The App Home of <paramref name="userId"/> as published: read, built, rendered, serialized. Returns its JSON length.</summary>
    public async Task<int> Home(string teamId, string userId)
    {
        var view = await _home.For(teamId, userId, Wording.English, northStarTrend: null, CancellationToken.None);
        return SlackJson.Serialize(view).Length;
    }

    /// <summary>Where a build's time goes: each store read the report and the home make, median of 20, in ms.</summary>
    public async Task<string> Breakdown(string teamId)
    {
        var now = DateTimeOffset.UtcNow;
        var from = now.AddDays(-7);
        var parts = new (string Name, Func<Task<int>> Read)[]
        {
            ("experiments.All", async () => (await _experiments.All(teamId, default)).Count),
            ("experiments.Recent", async () => (await _experiments.Recent(teamId, now.AddDays(-28), [], now, default)).Experiments.Count + 1),
            ("okrs.Current", async () => (await _okrs.Current(teamId, default))?.KeyResults.Count ?? 1),
            ("okrs.Pace", async () => (await _okrs.Pace(teamId, TimeZoneInfo.Utc, now, default))?.KeyResults.Count ?? 1),
            ("okrs.LatestCheckInsBefore", async () => (await _okrs.Current(teamId, default)) is { KeyResults: [var kr, ..] }
                ? (await _okrs.LatestCheckInsBefore(teamId, kr.Id, [from, now], default)).Count + 1 : 1),
            ("tasks.BlocksIn", async () => (await _tasks.BlocksIn(teamId, from, now, default)).Count + 1),
            ("tasks.PostponementsIn", async () => (await _tasks.PostponementsIn(teamId, from, now, default)).Count + 1),
            ("tasks.CountsByExperiment (running)", async () => (await _tasks.CountsByExperiment(teamId,
                (await _experiments.List(teamId, [Domain.Experiments.ExperimentStatus.Running], default)).Select(e => e.Id).ToList(), default)).Count + 1),
            ("experiments.SpendRecorded", async () => (await _experiments.SpendRecorded(teamId, now, default)).Count + 1),
            ("feedback.InPeriod", async () => (await _feedback.InPeriod(teamId, from, now, default)).Ratings.Count + 1),
            ("tasks.Open", async () => (await _tasks.Open(teamId, null, default)).Count + 1),
            ("learnings.Latest", async () => (await _learnings.Latest(teamId, HomeTab.LearningsShown, default)).Count + 1),
            ("whole report", () => Report(teamId)),
            ("whole home", () => Home(teamId, "U0ALICE")),
        };
        var lines = new List<string>();
        foreach (var (name, read) in parts)
        {
            // CPU time as well as wall time: on a shared machine the wall time also counts waiting for a core. The warm-up
            // (the first calls JIT-compile the code) is left out of both.
            for (var i = 0; i < 40; i++) await read();
            // Tiered compilation recompiles the hot methods in the background a moment after their 30th call.
            await Task.Delay(300);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var r = await Measure(0, 20, read);
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / 20;
            lines.Add($"{name} {r.P50:F1} (cpu {cpuMs:F1})");
        }
        return string.Join(" · ", lines);
    }

    /// <summary>Times <paramref name="build"/> sequentially, after a warm-up, in milliseconds.</summary>
    public static async Task<LatencyResult> Measure(int warmup, int iterations, Func<Task<int>> build)
    {
        for (var i = 0; i < warmup; i++) await build();
        var samples = new double[iterations];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (await build() == 0) throw new InvalidOperationException("built nothing");
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new LatencyResult(samples, total.Elapsed, 0, null);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
