using System.Diagnostics;
using System.Globalization;
using Dapper;
using DashboardBench;
using GitBot.Bench;
using Npgsql;

// Usage: DashboardBench <base-url> <admin-token> <connection-string> <server-pid> [page-rounds=300] [viewers=200] [changes=30]
// Prints "RESULT key_median=…" lines (bench/shared/BenchStats.cs) that run.sh turns into a table.
var baseUrl = new Uri(args[0]);
var adminToken = args[1];
var connectionString = args[2];
var serverPid = int.Parse(args[3], CultureInfo.InvariantCulture);
var rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
var viewerCount = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 200;
var changes = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 30;
const int Repos = 10;
const int Issues = 1_000;
const int Runs = 10_000;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 10_000, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = baseUrl,
    Timeout = Timeout.InfiniteTimeSpan,
};
http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);

await WaitReadyAsync(http);
var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
var seedClock = Stopwatch.StartNew();
var plans = await Seeder.SeedAsync(connectionString, Repos, Issues, Runs, now);
Console.WriteLine($"seeded {Issues} issues in {Repos} repositories and {Runs} agent runs in {seedClock.Elapsed.TotalSeconds:F1} s");
long[] runIds;
await using (var connection = new NpgsqlConnection(connectionString))
{
    runIds = [.. await connection.QueryAsync<long>("SELECT id FROM agent_runs ORDER BY id")];
}

// 1. Page render: each page sequentially, after warm-ups; every answer must be 200 and carry its page's marker.
var random = new Random(11);
var pages = new (string Key, Func<string> Path, string Marker)[]
{
    ("page_home", () => "/", "id=\"repositories\""),
    ("page_repo", () => $"/repos/octo/repo-{random.Next(Repos):D2}", "data-issue="),
    ("page_issue", () => { var p = plans[random.Next(plans.Length)]; return $"/repos/{p.Repository}/issues/{p.Issue}"; }, "data-task-id="),
    ("page_run", () => $"/runs/{runIds[random.Next(runIds.Length)]}", "id=\"log-tail\""),
};
foreach (var (key, path, marker) in pages)
{
    for (var i = 0; i < 20; i++)
    {
        await GetPageAsync(http, path(), marker);
    }

    var samples = new List<double>(rounds);
    for (var i = 0; i < rounds; i++)
    {
        var target = path();
        var clock = Stopwatch.StartNew();
        await GetPageAsync(http, target, marker);
        samples.Add(clock.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine(BenchStats.Line(key + "_ms", samples));
}

// 2. SSE fan-out: viewers all watching one running issue; the plan changes every 1-2 s.
var watched = plans[0]; // plan 0 is unfinished (every fourth plan is), so its page is live
var eventsPath = $"/repos/{watched.Repository}/issues/{watched.Issue}/events";
GC.Collect();
var rssBefore = ProcStats.RssMiB(serverPid);
using var stop = new CancellationTokenSource();
var viewers = Enumerable.Range(0, viewerCount).Select(_ => new SseViewer(http, eventsPath, adminToken)).ToArray();
var running = viewers.Select(v => Task.Run(() => v.RunAsync(stop.Token))).ToArray();
await Task.WhenAll(viewers.Select(v => v.Connected)).WaitAsync(TimeSpan.FromMinutes(2));
await Task.Delay(2_000);
var cpuIdleStart = ProcStats.CpuSeconds(serverPid);
var idleClock = Stopwatch.StartNew();
await Task.Delay(10_000);
var idleCpuPercent = (ProcStats.CpuSeconds(serverPid) - cpuIdleStart) / idleClock.Elapsed.TotalSeconds * 100;
var rssConnected = ProcStats.RssMiB(serverPid);

var latencies = new List<double>();
var missed = 0;
var rssPeak = rssConnected;
var cpuBusyStart = ProcStats.CpuSeconds(serverPid);
var busyClock = Stopwatch.StartNew();
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    for (var change = 0; change < changes; change++)
    {
        var state = change % 2 == 0 ? "Succeeded" : "Running";
        var changedAt = Stopwatch.GetTimestamp();
        await connection.ExecuteAsync(
            "UPDATE plan_tasks SET state = @state WHERE plan_id = @id AND task_id = 'B'; " +
            "UPDATE plans SET version = version + 1, updated_at = @now WHERE id = @id",
            new { state, id = watched.PlanId, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        // 1 to 2 s apart at random, so the changes fall at every phase of the server's poll interval.
        await Task.Delay(1_000 + random.Next(1_000));
        rssPeak = Math.Max(rssPeak, ProcStats.RssMiB(serverPid));
        foreach (var viewer in viewers)
        {
            if (viewer.FirstArrivalAfter(changedAt) is { } arrival)
            {
                latencies.Add(Stopwatch.GetElapsedTime(changedAt, arrival).TotalMilliseconds);
            }
            else
            {
                missed++;
            }
        }
    }
}

var busyCpuPercent = (ProcStats.CpuSeconds(serverPid) - cpuBusyStart) / busyClock.Elapsed.TotalSeconds * 100;
await stop.CancelAsync();
await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
await Task.Delay(3_000);
var rssAfter = ProcStats.RssMiB(serverPid);

Console.WriteLine(BenchStats.Line("sse_update_latency_ms", latencies.Count > 0 ? latencies : [double.NaN]));
Console.WriteLine(BenchStats.Line("sse_viewers", [viewerCount]));
Console.WriteLine(BenchStats.Line("sse_missed_updates", [missed]));
Console.WriteLine(BenchStats.Line("server_cpu_idle_200_viewers_percent", [idleCpuPercent]));
Console.WriteLine(BenchStats.Line("server_cpu_one_change_per_s_percent", [busyCpuPercent]));
Console.WriteLine(BenchStats.Line("server_rss_before_viewers_mib", [rssBefore]));
Console.WriteLine(BenchStats.Line("server_rss_200_viewers_mib", [rssConnected]));
Console.WriteLine(BenchStats.Line("server_rss_peak_mib", [rssPeak]));
Console.WriteLine(BenchStats.Line("server_rss_after_viewers_left_mib", [rssAfter]));
return 0;

static async Task WaitReadyAsync(HttpClient http)
{
    var deadline = Stopwatch.StartNew();
    while (true)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        if (deadline.Elapsed > TimeSpan.FromMinutes(2))
        {
            throw new TimeoutException("the server did not become ready within 2 minutes");
        }

        await Task.Delay(250);
    }
}

static async Task GetPageAsync(HttpClient http, string path, string marker)
{
    using var response = await http.GetAsync(path);
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode || !body.Contains(marker, StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without '{marker}': {body[..Math.Min(body.Length, 400)]}");
    }
}
