using System.Diagnostics;
using System.Globalization;
using GrowthBot.Benchmarks;

// Measures GrowthBot as deployed (a child process on 127.0.0.1) against a fake Slack, next to a bare Kestrel
// endpoint on the same machine, and prints a markdown table: metric | value | target | ok?
// Run: dotnet run -c Release --project benchmarks/GrowthBot.Benchmarks   (about two minutes; `-- --charts-only` for the charts alone;
// `-- --profile` for where the CPU goes instead of the table, with dotnet-trace installed as a .NET tool; `-- --builds-only`
// for the report and App Home builds and the seeded commands without the request loads)
// On SQLite, then the same flows on PostgreSQL when GROWTHBOT_TEST_POSTGRES names a server (.ci/with-postgres starts one).

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
// The machine is shared: the load average at the start and the end says how much the figures can be trusted.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
var loadAtStart = LoadAverage();
var rows = new List<Row>();
// `--app-env NAME=VALUE` (repeatable): a setting for the app under test, e.g. a GC setting to compare (DOTNET_GCConserveMemory=5).
var appEnvironment = args.Select((a, i) => (a, i)).Where(x => x.a == "--app-env" && x.i + 1 < args.Length)
    .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

// Charts render in this process before the app starts, so no child process shares the two cores with them.
// `--charts-only` stops after them (a few seconds instead of minutes).
if (!args.Contains("--profile") && !args.Contains("--builds-only")) rows.AddRange(await ChartBenchmark.Run(quick, Log));
if (args.Contains("--charts-only"))
{
    PrintTable();
    return rows.Any(r => r.Ok == false) ? 2 : 0;
}

var work = Directory.CreateTempSubdirectory("growthbot-bench-");
string Db(string name) => Path.Combine(work.FullName, name + ".db");
void Log(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

await using var slack = await MiniSlack.Start();
await using var bare = await BareEndpoint.Start();

// Every flow below, on one database engine; newDatabase(name) gives a fresh database's connection string.
async Task Measure(string engine, Func<string, Task<string>> newDatabase)
{
    var firstRow = rows.Count;
    Log($"measuring on {engine}");
    // Startup: process start → GET /health 200, on a fresh database (migrations included). Median of three.
    var startups = new List<double>();
    for (var i = 0; i < 2; i++)
    {
        await using var cold = GrowthBotProcess.Start(slack.ApiBaseUrl, await newDatabase($"startup{i}"), appEnvironment);
        startups.Add((await cold.WaitHealthy()).TotalMilliseconds);
    }
    var main = await newDatabase("main");
    await using var app = GrowthBotProcess.Start(slack.ApiBaseUrl, main, appEnvironment);
    startups.Add((await app.WaitHealthy()).TotalMilliseconds);
    startups.Sort();
    rows.Add(new("Startup to healthy (process start → `GET /health` 200, median of 3)", Ms(startups[1]), "≤ 1000 ms", startups[1] <= 1000));
    Log($"startup {string.Join(", ", startups.Select(s => s.ToString("F0")))} ms");

    await Task.Delay(1000);
    var idleRss = app.ResidentBytes();
    Log($"memory idle after startup: {GrowthBotProcess.MemoryStatus(app.Pid)}");
    rows.Add(new("Resident memory, idle after startup (VmRSS)", Mb(idleRss), "< 150 MB", idleRss < 150 * 1024 * 1024));

    // Seeded teams: one team-year and ten team-years of history.
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var seedWatch = Stopwatch.StartNew();
    var seeded = await TeamYearSeeder.Seed(main, "T1YEAR", 1, today) + await TeamYearSeeder.Seed(main, "T10YEARS", 10, today);
    Log($"seeded {seeded} rows in {seedWatch.Elapsed.TotalSeconds:F1} s");

    using var appHttp = Client(app.BaseUrl);
    using var bareHttp = Client(bare.Url);
    var counter = 0;
    string Next() => Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);

    async Task<string?> Expect(HttpClient http, HttpRequestMessage request, Func<string, string?> check)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode ? check(body) : $"HTTP {(int)response.StatusCode}: {body}";
            }
            catch (Exception e)
            {
                return e.GetType().Name + ": " + e.Message;
            }
        }
    }

    var workloads = new (string Name, HttpClient Http, Func<HttpRequestMessage> Request, Func<string, string?> Check)[]
    {
        ("bare Kestrel 200", bareHttp, () => new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("token=x&text=list") }, _ => null),
        ("`/experiment list` (one team-year)", appHttp,
            () => SlackRequests.Command("T1YEAR", "/experiment", "list", $"{Next()}.1.list", slack.ResponseUrl("list")),
            body => body.Contains("\"response_type\":\"ephemeral\"") && body.Contains("Backlog by ICE") ? null : $"unexpected list: {Cut(body)}"),
        ("New experiment `view_submission`", appHttp,
            () => SlackRequests.NewExperiment("T0SUBMIT", $"Idea {Next()}", slack.ResponseUrl("submit")),
            body => body.Length == 0 ? null : $"not an empty ack: {Cut(body)}"),
    };
    // `--profile`: where the CPU of one list, one save and one report / home build goes (top frames), then stop.
    if (args.Contains("--profile"))
    {
        // Kept after the run (the temporary folder is not), to open in PerfView or `dotnet-trace report`.
        var traces = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "growthbot-profile", engine)).FullName;
        Log($"traces in {traces}");
        var profiles = new List<string>();
        async Task Loop(int concurrency, Func<Task> one, CancellationToken stop) =>
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () => { while (!stop.IsCancellationRequested) await one(); })));
        foreach (var (name, http, request, check) in workloads.Skip(1).Where(_ => !args.Contains("--builds-only")))
        {
            await Load.Run(10, 300, 10, _ => Expect(http, request(), check));
            profiles.Add(await Profiler.Profile($"{name}, 10 concurrent", app.Pid, traces, stop => Loop(10, () => Expect(http, request(), check), stop)));
        }
        await using var profiled = new BuildBenchmark(main);
        foreach (var (name, build) in new (string, Func<Task<int>>)[]
                 {
                     ("Weekly report build on ten team-years", () => profiled.Report("T10YEARS")),
                     ("App Home build on ten team-years", () => profiled.Home("T10YEARS", "U0ALICE")),
                     ("Weekly report build on one team-year", () => profiled.Report("T1YEAR")),
                     ("App Home build on one team-year", () => profiled.Home("T1YEAR", "U0ALICE")),
                 })
        {
            await BuildBenchmark.Measure(10, 10, build);
            profiles.Add(await Profiler.Profile(name, Environment.ProcessId, traces, stop => Loop(1, build, stop)));
        }
        Console.WriteLine($"Profile ({engine}, load average {LoadAverage()}):\n");
        foreach (var profile in profiles) Console.WriteLine(profile);
        await app.Stop();
        return;
    }
    // `--builds-only`: the report and home builds and the seeded commands alone (a quick A/B of a read's cost).
    if (!args.Contains("--builds-only"))
    {
        // Warm-up probe: the same `/experiment list` one at a time in batches of 50 from the first request on. The first
        // batches pay for JIT (tier 0, then tier 1 recompiles in the background) and the first connections; the table's
        // runs start once the app is warm, like a long-running deployment, and this line shows how long that takes.
        if (args.Contains("--warmup-probe") || !quick)
        {
            var batches = new List<string>();
            for (var batch = 0; batch < 12; batch++)
            {
                var r = await Load.Run(1, 0, 50, _ => Expect(appHttp, workloads[1].Request(), workloads[1].Check));
                batches.Add($"{r.P50:F1}");
            }
            Log($"warm-up probe, `/experiment list` p50 per batch of 50 (ms): {string.Join(" ", batches)}");
            rows.Add(new("Warm-up: `/experiment list` p50 per batch of 50 sequential requests from the first on", string.Join(" → ", batches.Where((_, i) => i is 0 or 1 or 2 or 5 or 11)) + " ms", "—", null));
        }
        int[] levels = [1, 10, 100];
        var throughput = new Dictionary<(string, int), LatencyResult>();
        long peakRss = 0;
        foreach (var concurrency in levels)
        {
            foreach (var (name, http, request, check) in workloads)
            {
                var requests = quick ? 200 : concurrency switch { 1 => 600, 10 => 3000, _ => 6000 };
                using var sampling = new CancellationTokenSource();
                var sampler = concurrency == 100 ? SampleRss(app, sampling.Token) : Task.FromResult(0L);
                var result = await Load.Run(concurrency, warmup: Math.Max(100, concurrency * 3), requests, _ => Expect(http, request(), check));
                await sampling.CancelAsync();
                peakRss = Math.Max(peakRss, await sampler);
                throughput[(name, concurrency)] = result;
                Log($"{name} @{concurrency}: {result.Count} in {result.Elapsed.TotalSeconds:F1} s, p50 {result.P50:F2} p99 {result.P99:F2} ms, {result.Failures} failed {result.FirstFailure}");
            }
        }

        // The targets of issue 16: the list is judged against the bare endpoint in the same run, a save in saves per second.
        var saveName = workloads[2].Name;
        foreach (var (name, _, _, _) in workloads.Skip(1))
        {
            var isSave = name == saveName;
            foreach (var concurrency in levels)
            {
                var r = throughput[(name, concurrency)];
                double? limit = (isSave, concurrency) switch { (false, 100) => 15, (true, 10) => 30, (true, 100) => 250, _ => null };
                rows.Add(new($"{name}: ack latency p50 / p95 / p99 at {concurrency} concurrent",
                    $"{r.P50:F1} / {r.P95:F1} / {r.P99:F1} ms" + (r.Failures > 0 ? $" ({r.Failures} wrong answers)" : ""),
                    limit is { } l ? $"p99 ≤ {l:F0} ms" : "—", limit is { } max ? r.P99 <= max && r.Failures == 0 : null));
            }
            foreach (var concurrency in levels)
            {
                var r = throughput[(name, concurrency)];
                var floor = throughput[(workloads[0].Name, concurrency)];
                var ratio = r.Throughput / floor.Throughput;
                var isTarget = concurrency == 100;
                rows.Add(new($"{name}: throughput at {concurrency} concurrent (bare Kestrel: {floor.Throughput:F0}/s)",
                    $"{r.Throughput:F0}/s = {ratio:P0} of bare",
                    !isTarget ? "—" : isSave ? "≥ 500/s" : "≥ 25 % of bare",
                    !isTarget ? null : isSave ? r.Throughput >= 500 : ratio >= 0.25));
            }
        }
        rows.Add(new("Resident memory, peak under 100 concurrent requests", Mb(peakRss), "—", null));

        // Slash command in → views.open out, timed from the moment the command is sent until the fake Slack has it.
        {
            var latencies = new List<double>();
            var starts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
            var result = await Load.Run(10, 100, quick ? 200 : 1500, async _ =>
            {
                var trigger = $"{Next()}.1.new";
                starts[trigger] = Stopwatch.GetTimestamp();
                return await Expect(appHttp, SlackRequests.Command("T1YEAR", "/experiment", "new", trigger, slack.ResponseUrl("new")),
                    body => body.Length == 0 ? null : $"not an empty ack: {Cut(body)}");
            });
            foreach (var (trigger, start) in starts)
                if (slack.ViewsOpened.TryGetValue(trigger, out var opened)) latencies.Add(Stopwatch.GetElapsedTime(start, opened).TotalMilliseconds);
            var opens = new LatencyResult(latencies.Skip(100), result.Elapsed, result.Failures + (starts.Count - latencies.Count), result.FirstFailure);
            rows.Add(new("`/experiment new` → `views.open` at Slack, p50 / p99 (10 concurrent)", $"{opens.P50:F1} / {opens.P99:F1} ms",
                "p99 ≤ 50 ms", opens.P99 <= 50 && opens.Failures == 0));
        }
    }

    // Builds on seeded histories, in-process through the product's own code (BuildBenchmark): the weekly report
    // and the App Home, on one team-year and on ten.
    {
        await using var builds = new BuildBenchmark(main);
        foreach (var team in new[] { "T1YEAR", "T10YEARS" }) Log($"build breakdown {team} (p50 ms): {await builds.Breakdown(team)}");
        var iterations = quick ? 30 : 300;
        var measurements = new (string Name, Func<Task<int>> Build, double LimitMs)[]
        {
            ("Weekly report build (read + build + Block Kit) on one team-year", () => builds.Report("T1YEAR"), 5),
            ("Weekly report build (read + build + Block Kit) on ten team-years", () => builds.Report("T10YEARS"), 30),
            ("App Home build (read + build + Block Kit) on one team-year", () => builds.Home("T1YEAR", "U0ALICE"), 5),
            ("App Home build (read + build + Block Kit) on ten team-years", () => builds.Home("T10YEARS", "U0ALICE"), 30),
        };
        foreach (var (name, build, limit) in measurements)
        {
            var r = await BuildBenchmark.Measure(warmup: 10, iterations, build);
            Log($"{name}: p50 {r.P50:F2} p99 {r.P99:F2} ms");
            rows.Add(new($"{name}, p50 / p99", $"{r.P50:F1} / {r.P99:F1} ms", $"p99 ≤ {limit:F0} ms", r.P99 <= limit));
        }
    }
    var seededMeasurements = new List<(string Name, string TeamId, string Command, string Text)>
    {
        ("`/experiment list` on ten team-years (signed request through HTTP)", "T10YEARS", "/experiment", "list"),
        ("`/experiment show E260` on ten team-years", "T10YEARS", "/experiment", "show E260"),
    };
    foreach (var (name, teamId, command, text) in seededMeasurements)
    {
        var r = await Load.Run(1, 20, quick ? 50 : 300, _ => Expect(appHttp, SlackRequests.Command(teamId, command, text, $"{Next()}.1.seed", slack.ResponseUrl("seed")),
            body => body.Contains("\"response_type\":\"ephemeral\"") && !body.Contains("went wrong") ? null : $"unexpected: {Cut(body)}"));
        rows.Add(new($"{name}, p50 / p99", $"{r.P50:F1} / {r.P99:F1} ms" + (r.Failures > 0 ? $" ({r.Failures} wrong answers: {r.FirstFailure})" : ""), "—", null));
    }

    await Task.Delay(2000);
    var afterRss = app.ResidentBytes();
    Log($"memory idle after the load: {GrowthBotProcess.MemoryStatus(app.Pid)}");
    rows.Add(new("Resident memory, idle after the load", Mb(afterRss), "≤ 150 MB", afterRss <= 150 * 1024 * 1024));

    if (quick) Log("app output (tail):\n" + string.Join("\n", app.RecentOutput.Split('\n').TakeLast(15)));
    await app.Stop();
    // SQLite's rows keep the names earlier results were published under; the other engine's say which it is.
    if (engine != "SQLite")
        for (var i = firstRow; i < rows.Count; i++) rows[i] = rows[i] with { Metric = $"{engine}: {rows[i].Metric}" };
}

await Measure("SQLite", name => Task.FromResult($"Data Source={Db(name)}"));
// The same flows on PostgreSQL, each database a fresh schema on the server, when one is given.
if (PostgresSchemas.Server is { } server)
{
    await using var schemas = new PostgresSchemas(server);
    await Measure("PostgreSQL", schemas.Create);
}
else
{
    Log($"no PostgreSQL: set {PostgresSchemas.Variable} (or run through .ci/with-postgres) to measure it beside SQLite");
}

if (!args.Contains("--profile")) PrintTable();
try { work.Delete(recursive: true); } catch (IOException) { }
return rows.Any(r => r.Ok == false) ? 2 : 0;

void PrintTable()
{
    Console.WriteLine($"GrowthBot benchmark · {Environment.ProcessorCount} cores · {System.Runtime.InteropServices.RuntimeInformation.OSDescription} · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd}" +
        $" · load average (1/5/15 min) at start {loadAtStart}, at end {LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine("| metric | value | target | ok? |");
    Console.WriteLine("| --- | --- | --- | --- |");
    foreach (var row in rows) Console.WriteLine($"| {row.Metric} | {row.Value} | {row.Target} | {(row.Ok is null ? "" : row.Ok.Value ? "yes" : "**no**")} |");
}

static HttpClient Client(string baseUrl) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(baseUrl),
    Timeout = TimeSpan.FromSeconds(30),
};

static async Task<long> SampleRss(GrowthBotProcess app, CancellationToken stop)
{
    long peak = 0;
    while (!stop.IsCancellationRequested)
    {
        peak = Math.Max(peak, app.ResidentBytes() ?? 0);
        try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
    }
    return peak;
}

static string Ms(double ms) => $"{ms:F0} ms";
static string Mb(long? bytes) => bytes is null ? "n/a" : $"{bytes.Value / 1024.0 / 1024.0:F0} MB";
static string Cut(string body) => body.Length > 200 ? body[..200] + "…" : body;

/// <summary>One line of the results table.</summary>
internal sealed record Row(string Metric, string Value, string Target, bool? Ok);
