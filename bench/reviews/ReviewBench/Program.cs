using System.Globalization;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using ReviewBench;

// Usage: ReviewBench <work-dir> <out-dir> [rounds=5] [slot-counts=3,1] [gate-repos=5] [gate-recomputes=30] [quiet-ms=1500]
// Prints one "RESULT key=value" line per figure (and the samples); run.sh turns them into RESULTS.md.
var work = args[0];
var outDirectory = args[1];
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var slotCounts = (args.Length > 3 ? args[3] : "3,1").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var gateRepos = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
var gateRecomputes = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 30;
// Before each timed push: wait until the server log has been silent this long (0: only the simulator's deliveries
// attempted, so the previous round's gate recomputes may still be queued: the back-to-back case).
var quietMs = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 1500;
Directory.CreateDirectory(outDirectory);

var log = new HttpLog();
await using var github = await GitHubSimulator.StartAsync(
    new SimulatorOptions { DataDirectory = Path.Combine(work, "simulator"), RateLimitPerHour = 1_000_000 }, CancellationToken.None);
var installation = github.AddInstallation("octo");
await using var model = await ScriptedModelServer.StartAsync(Workload.Script(), CancellationToken.None);
await using var proxy = await ModelProxy.StartAsync(model.BaseUrl, log);

static string Stats(string key, IReadOnlyList<double> values) => GitBot.Bench.BenchStats.Line(key, values);

BenchServer? last = null;
foreach (var slots in slotCounts)
{
    var repo = $"octo/widgets-s{slots}";
    var repository = await github.AddRepositoryAsync(installation, repo, CancellationToken.None);
    github.SetPermission(repo, "alice", "write");
    await github.CommitFilesAsync(repo, repository.DefaultBranch, Workload.BaseFiles(Workload.ReviewConfig), "Configure GitBot", "alice", CancellationToken.None);
    if (last is not null)
    {
        await last.DisposeAsync();
    }

    last = await BenchServer.StartAsync(github, proxy.BaseUrl, log, work, outDirectory, $"slots-{slots}", slots);
    var server = last;
    var scenario = new SyncScenario(github, log, repo, () => quietMs > 0 ? server.WaitQuietAsync(TimeSpan.FromMilliseconds(quietMs)) : Task.Delay(500));
    Console.WriteLine(SyncScenario.Describe($"slots {slots} opened (first reviews, cold: mirror clone, first worktree)", await scenario.OpenAsync()));
    Console.WriteLine(SyncScenario.Describe($"slots {slots} warm-up push", await scenario.PushAsync(0)));
    var samples = new List<SyncSample>();
    for (var r = 1; r <= rounds; r++)
    {
        var sample = await scenario.PushAsync(r);
        samples.Add(sample);
        Console.WriteLine(SyncScenario.Describe($"slots {slots} round {r}", sample));
    }

    Console.WriteLine(Stats($"sync_slots{slots}_from_synchronize_ms", [.. samples.Select(s => s.FromSynchronizeMs)]));
    Console.WriteLine(Stats($"sync_slots{slots}_from_push_call_ms", [.. samples.Select(s => s.FromPushMs)]));
    Console.WriteLine(Stats($"sync_slots{slots}_push_call_ms", [.. samples.Select(s => s.PushCallMs)]));
    foreach (var name in SyncScenario.CheckNames)
    {
        var key = name.Replace("gitbot/", "", StringComparison.Ordinal);
        Console.WriteLine(Stats($"sync_slots{slots}_{key}_queued_ms", [.. samples.Select(s => s.Checks[name].Queued)]));
        Console.WriteLine(Stats($"sync_slots{slots}_{key}_started_ms", [.. samples.Select(s => s.Checks[name].Started)]));
        Console.WriteLine(Stats($"sync_slots{slots}_{key}_completed_ms", [.. samples.Select(s => s.Checks[name].Completed)]));
        Console.WriteLine(Stats($"sync_slots{slots}_{key}_run_ms", [.. samples.Select(s => s.Checks[name].Completed - s.Checks[name].Started)]));
    }

    Console.WriteLine(Stats($"sync_slots{slots}_model_calls", [.. samples.Select(s => (double)s.ModelCalls.Count)]));
    Console.WriteLine(Stats($"sync_slots{slots}_model_ms_sum", [.. samples.Select(s => s.ModelCalls.Sum(c => c.Milliseconds))]));
    Console.WriteLine(Stats($"sync_slots{slots}_model_ms_max", [.. samples.Select(s => s.ModelCalls.Count == 0 ? 0 : s.ModelCalls.Max(c => c.Milliseconds))]));
    Console.WriteLine(Stats($"sync_slots{slots}_github_requests", [.. samples.Select(s => (double)s.GitHubRequests)]));
    Console.WriteLine(Stats($"sync_slots{slots}_github_ms_sum", [.. samples.Select(s => s.GitHubMs)]));
}

// Scenario 2 on the last server; webhooks off (a closed port) so nothing but the recompute under test talks to GitHub.
await github.WaitForDeliveriesAsync(CancellationToken.None);
await Task.Delay(1000);
github.SetWebhookTarget(new Uri($"http://127.0.0.1:{ModelProxy.FreePort()}/closed"));
var gate = new GateScenario(github, installation, log, last!.Services);
var seeded = new List<(string Repo, int Number)>();
for (var g = 0; g < gateRepos; g++)
{
    seeded.Add(await gate.SeedAsync($"octo/gate-{g}"));
}

await github.WaitForDeliveriesAsync(CancellationToken.None);
var cold = new List<GateSample>();
foreach (var (repo, number) in seeded)
{
    // The first recompute of a repository: no gate run yet (created), no reviewer permission cached.
    var sample = await gate.RecomputeAsync(repo, number);
    cold.Add(sample);
    Console.WriteLine(GateScenario.Describe($"gate cold {repo}", sample));
}

async Task<List<GateSample>> WarmAsync(string label, string repo, int number)
{
    var samples = new List<GateSample>();
    for (var i = 0; i < 3 + gateRecomputes; i++)
    {
        var sample = await gate.RecomputeAsync(repo, number);
        Console.WriteLine(GateScenario.Describe(i < 3 ? $"gate {label} warm-up {i}" : $"gate {label} warm {i - 3}", sample));
        if (i >= 3)
        {
            samples.Add(sample);
        }
    }

    return samples;
}

static double FilesMs(GateSample s) => s.Requests.Where(r => r.Path.Split('?')[0].EndsWith("/files", StringComparison.Ordinal)).Sum(r => r.Milliseconds);

var warm = await WarmAsync("40-file PR", seeded[0].Repo, seeded[0].Number);
// The same reviews and checks on a PR whose diff is one 5-line file (plus the workflow): the files listing is small.
var small = await gate.SeedAsync("octo/gate-small", partFiles: 1, partLines: 5);
await github.WaitForDeliveriesAsync(CancellationToken.None);
Console.WriteLine(GateScenario.Describe("gate small cold", await gate.RecomputeAsync(small.Repo, small.Number)));
var warmSmall = await WarmAsync("1-file PR", small.Repo, small.Number);

Console.WriteLine(Stats("gate_cold_ms", [.. cold.Select(s => s.Milliseconds)]));
Console.WriteLine(Stats("gate_cold_requests", [.. cold.Select(s => (double)s.Requests.Count)]));
Console.WriteLine(Stats("gate_warm_ms", [.. warm.Select(s => s.Milliseconds)]));
Console.WriteLine(Stats("gate_warm_requests", [.. warm.Select(s => (double)s.Requests.Count)]));
Console.WriteLine(Stats("gate_warm_http_ms_sum", [.. warm.Select(s => s.Requests.Sum(r => r.Milliseconds))]));
Console.WriteLine(Stats("gate_warm_files_request_ms", [.. warm.Select(FilesMs)]));
Console.WriteLine(Stats("gate_small_warm_ms", [.. warmSmall.Select(s => s.Milliseconds)]));
Console.WriteLine(Stats("gate_small_warm_requests", [.. warmSmall.Select(s => (double)s.Requests.Count)]));
Console.WriteLine(Stats("gate_small_warm_files_request_ms", [.. warmSmall.Select(FilesMs)]));
Console.WriteLine($"RESULT rejected_requests={github.RejectedRequests.Count}");
foreach (var rejected in github.RejectedRequests.Take(10))
{
    Console.WriteLine("  rejected: " + rejected);
}

await last.DisposeAsync();
