using System.Globalization;
using CommandBench;
using GitBot.Bench;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using ReviewBench;

// Usage: CommandBench <work-dir> <out-dir> [rounds=20] [bursts=3]
// Prints one "RESULT key=value" line per figure (and the samples); run.sh turns them into a table.
var work = args[0];
var outDirectory = args[1];
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var bursts = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
Directory.CreateDirectory(outDirectory);

const string Repo = "octo/commands";
const string Config = """
    default_role: runner
    roles:
      runner:
        description: Appends to a file, slowly
        backend: command
        prompt_on_stdin: true
        command: ["sh", "-c", "echo done >> done.txt; sleep 10"]
    reviews:
      agents: []
    """;

var log = new HttpLog();
await using var github = await GitHubSimulator.StartAsync(
    new SimulatorOptions { DataDirectory = Path.Combine(work, "simulator"), RateLimitPerHour = 1_000_000 }, CancellationToken.None);
var installation = github.AddInstallation("octo");
var repository = await github.AddRepositoryAsync(installation, Repo, CancellationToken.None);
github.SetPermission(Repo, "alice", "write");
await github.CommitFilesAsync(Repo, repository.DefaultBranch, new Dictionary<string, string> { [".github/gitbot.yml"] = Config }, "Configure GitBot", "alice",
    CancellationToken.None);
await using var model = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);

// 1. Latency of one command on an idle server (no burst limit in the way): an issue with a finished plan and its PR.
var unlimited = new Dictionary<string, string?> { ["Commands:BurstLimit"] = "100000" };
var first = await BenchServer.StartAsync(github, model.BaseUrl, log, work, outDirectory, "latency", 2, unlimited);
var issue = await github.OpenIssueAsync(Repo, "Write done.txt", "- [ ] Write done.txt", "alice", ["agent"], CancellationToken.None);
var pull = issue + 1;
for (var waited = 0; github.GetPullRequest(Repo, pull) is null; waited += 100)
{
    if (waited > 120_000)
    {
        throw new TimeoutException("the plan's pull request was not opened within 120 s");
    }

    await Task.Delay(100);
}

await first.WaitQuietAsync(TimeSpan.FromMilliseconds(1500));
var latency = new CommandScenario(github, log, Repo, () => first.WaitQuietAsync(TimeSpan.FromMilliseconds(500)));
var cases = new (string Key, int Number, string Body)[]
{
    ("help", issue, "/agent help"),
    ("status_issue", issue, "/agent status"),
    ("status_pull", pull, "/agent status"),
    ("approve_nothing", issue, "/agent approve"),
};
foreach (var (key, number, body) in cases)
{
    var samples = new List<CommandSample>();
    for (var r = -3; r < rounds; r++)
    {
        var sample = await latency.TimeAsync(number, body);
        await first.WaitQuietAsync(TimeSpan.FromMilliseconds(300));
        if (r >= 0)
        {
            samples.Add(sample);
        }

        Console.WriteLine(FormattableString.Invariant($"{key} {(r < 0 ? "warm-up" : "round " + r)}: eyes {sample.EyesMs:F1} ms, reply {sample.ReplyMs:F1} ms, {sample.GitHubRequests} GitHub requests"));
    }

    Console.WriteLine(BenchStats.Line($"{key}_eyes_ms", [.. samples.Select(s => s.EyesMs)]));
    Console.WriteLine(BenchStats.Line($"{key}_reply_ms", [.. samples.Select(s => s.ReplyMs)]));
    Console.WriteLine(BenchStats.Line($"{key}_github_requests", [.. samples.Select(s => (double)s.GitHubRequests)]));
}

await first.DisposeAsync();

// 2. Bursts of 100 commands under the default limit (10 per issue or PR per minute), each on its own issue or PR. The
// repository's agent (the default role, which /agent fix runs too) takes 10 s, so the first fix job is still running
// when the rest of the burst's admitted commands arrive.
var limited = new Dictionary<string, string?>();
var status = new List<BurstSample>();
var fixes = new List<BurstSample>();
for (var b = 0; b < bursts; b++)
{
    await using var server = await BenchServer.StartAsync(github, model.BaseUrl, log, work, outDirectory, $"burst-{b}", 2, limited);
    var scenario = new CommandScenario(github, log, Repo, () => server.WaitQuietAsync(TimeSpan.FromMilliseconds(1500)));
    var target = await github.OpenIssueAsync(Repo, $"Busy {b}", "Lots of questions.", "alice", null, CancellationToken.None);
    await server.WaitQuietAsync(TimeSpan.FromMilliseconds(1000));
    var statusBurst = await scenario.BurstAsync(target, "/agent status", 100, 11);
    status.Add(statusBurst);
    Console.WriteLine($"burst {b} status: {statusBurst}");
    // The fix burst runs on the plan's pull request (a GitBot branch); a fresh server has no fix history for it.
    var fixBurst = await scenario.BurstAsync(pull, $"/agent fix rename the file {b}", 100, 11);
    fixes.Add(fixBurst);
    Console.WriteLine($"burst {b} fix: {fixBurst}");
}

foreach (var (key, samples) in new[] { ("burst_status", status), ("burst_fix", fixes) })
{
    Console.WriteLine(BenchStats.Line($"{key}_post_ms", [.. samples.Select(s => s.PostMs)]));
    Console.WriteLine(BenchStats.Line($"{key}_last_answer_ms", [.. samples.Select(s => s.LastAnswerMs)]));
    Console.WriteLine(BenchStats.Line($"{key}_replies", [.. samples.Select(s => (double)s.Replies)]));
    Console.WriteLine(BenchStats.Line($"{key}_notices", [.. samples.Select(s => (double)s.Notices)]));
    Console.WriteLine(BenchStats.Line($"{key}_reacted", [.. samples.Select(s => (double)s.Reacted)]));
    Console.WriteLine(BenchStats.Line($"{key}_fix_jobs", [.. samples.Select(s => (double)s.FixRuns)]));
    Console.WriteLine(BenchStats.Line($"{key}_github_requests", [.. samples.Select(s => (double)s.GitHubRequests)]));
}

Console.WriteLine($"RESULT rejected_requests={github.RejectedRequests.Count}");
foreach (var rejected in github.RejectedRequests.Take(10))
{
    Console.WriteLine("  rejected: " + rejected);
}
