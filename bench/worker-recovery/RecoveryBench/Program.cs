using System.Globalization;
using GitBot.Bench;
using GitBot.Core.Plans;
using GitBot.Git.Processes;
using GitBot.Simulator;
using GitBot.Simulator.ModelServer;
using GitBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using RecoveryBench;
using ReviewBench;

// Usage: RecoveryBench <work-dir> <out-dir> <gitbot.dll> [rounds=5]
// For each setting (the defaults, then the lowered check-in), runs `rounds` rounds on a fresh serve + two workers: a
// one-task plan whose agent (first run) sleeps; the worker running it gets SIGKILL; the time from the kill to the agent
// starting again on the other worker is one sample. Prints "RESULT key=value" lines; run.sh turns them into a table.
var work = args[0];
var outDirectory = args[1];
var cli = args[2];
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
Directory.CreateDirectory(outDirectory);

const string Repo = "octo/recovery";
var marks = Path.Combine(work, "marks");
Directory.CreateDirectory(marks);

// First run of a task: record pid and worktree, then sleep (the worker is killed meanwhile). Any later run: record the
// time it started, in nanoseconds since the epoch, and finish.
var agent = "cat >/dev/null; b=$(git rev-parse --abbrev-ref HEAD | tr / _); " +
            $"if [ -e {marks}/$b.first ]; then echo $(date +%s%N) $(pwd) > {marks}/$b.again; echo ok > work.txt; " +
            $"else echo $$ $(pwd) > {marks}/$b.first; sleep 600; fi";
var config = "default_role: slow\nlimits:\n  task_timeout: 15m\n  max_retries: 0\n" +
             "roles:\n  slow:\n    description: Sleeps on its first run\n    backend: command\n" +
             $"    command: [\"sh\", \"-c\", \"{agent}\"]\n    prompt_on_stdin: true\n";

var log = new HttpLog();
await using var github = await GitHubSimulator.StartAsync(
    new SimulatorOptions { DataDirectory = Path.Combine(work, "simulator"), RateLimitPerHour = 1_000_000 }, CancellationToken.None);
var installation = github.AddInstallation("octo");
var repository = await github.AddRepositoryAsync(installation, Repo, CancellationToken.None);
github.SetPermission(Repo, "alice", "write");
await github.CommitFilesAsync(Repo, repository.DefaultBranch, new Dictionary<string, string> { [".github/gitbot.yml"] = config }, "Configure GitBot", "alice",
    CancellationToken.None);
await using var model = await ScriptedModelServer.StartAsync(new ModelScript(), CancellationToken.None);

var modes = new (string Key, Dictionary<string, string> Settings)[]
{
    ("default", []),
    ("checkin_1s_2s", new() { ["Scheduler:ClusterCheckinInterval"] = "00:00:01", ["Scheduler:ClusterCheckinMisfireThreshold"] = "00:00:02" }),
};

foreach (var (key, settings) in modes)
{
    var serveSettings = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
    serveSettings["Scheduler:AgentSlots"] = "0";
    await using var server = await BenchServer.StartAsync(github, model.BaseUrl, log, work, outDirectory, "serve-" + key, 0, serveSettings);
    var connection = server.Services.GetRequiredService<ResolvedDatabase>().ConnectionString;
    var plans = server.Services.GetRequiredService<IPlanStore>();
    var nodes = new Dictionary<string, WorkerNode>(StringComparer.Ordinal);
    WorkerNode Start(string name)
    {
        var root = Path.Combine(work, key, name);
        var all = new Dictionary<string, string>(settings)
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = connection,
            ["DataDirectory"] = Path.Combine(root, "data"),
            ["GitHub:ApiUrl"] = github.ApiUrl.ToString(),
            ["GitHub:AppId"] = github.App.Id.ToString(CultureInfo.InvariantCulture),
            ["GitHub:PrivateKey"] = github.App.PrivateKeyPem,
            ["GitHub:WebhookSecret"] = github.App.WebhookSecret,
            ["Redelivery:Enabled"] = "false",
            ["Agents:LogRoot"] = Path.Combine(root, "logs"),
            ["Agents:HomeRoot"] = Path.Combine(root, "agent-home"),
            ["Git:WorkRoot"] = Path.Combine(root, "git"),
            ["Scheduler:AgentSlots"] = "1",
            ["Scheduler:NodeName"] = name,
        };
        return nodes[name] = new WorkerNode(cli, name, root, all);
    }

    Start("worker-a");
    Start("worker-b");
    await Task.Delay(TimeSpan.FromSeconds(5)); // both nodes have joined the cluster

    var samples = new List<double>();
    for (var round = 1; round <= rounds; round++)
    {
        var issue = await github.OpenIssueAsync(Repo, $"Round {round}", "- [ ] Write work.txt", "alice", ["agent"], CancellationToken.None);
        var branch = $"gitbot_{issue.ToString(CultureInfo.InvariantCulture)}-tasks_1";
        var first = Path.Combine(marks, branch + ".first");
        var again = Path.Combine(marks, branch + ".again");
        await WaitAsync(() => File.Exists(first) && File.ReadAllText(first).Contains(' ', StringComparison.Ordinal), TimeSpan.FromMinutes(2), "the first agent run");
        var mark = File.ReadAllText(first).Trim().Split(' ');
        var victim = nodes.Values.Single(n => mark[1].Contains($"/{n.Name}/", StringComparison.Ordinal));
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        // The orphaned agent (its worker is gone) would otherwise sleep on; nobody else kills it.
        await new ProcessRunner(TimeProvider.System).RunAsync(new ProcessSpec("kill", ["-9", mark[0]]), CancellationToken.None);

        await WaitAsync(() => File.Exists(again) && File.ReadAllText(again).Contains(' ', StringComparison.Ordinal), TimeSpan.FromMinutes(3), "the task to restart");
        var restart = File.ReadAllText(again).Trim().Split(' ');
        var restartedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(restart[0], CultureInfo.InvariantCulture) / 1_000_000);
        var survivor = nodes.Values.Single(n => restart[1].Contains($"/{n.Name}/", StringComparison.Ordinal));
        if (survivor == victim)
        {
            throw new InvalidOperationException($"round {round}: the task restarted on the killed node {victim.Name}");
        }

        var seconds = (restartedAt - killedAt).TotalSeconds;
        samples.Add(seconds);
        Console.WriteLine(FormattableString.Invariant($"{key} round {round}: killed {victim.Name}, restarted on {survivor.Name} after {seconds:F1} s"));

        await WaitAsync(() => plans.FindLatestAsync(Repo, issue, CancellationToken.None).GetAwaiter().GetResult() is { Plan.IsFinished: true },
            TimeSpan.FromMinutes(2), "the plan to finish");
        var plan = (await plans.FindLatestAsync(Repo, issue, CancellationToken.None))!;
        if (plan.Plan.State != PlanState.Succeeded)
        {
            throw new InvalidOperationException($"round {round}: plan {plan.Plan.State} ({plan.Plan.Reason})");
        }

        Start(victim.Name); // the node comes back for the next round
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    Console.WriteLine(BenchStats.Line($"recovery_s_{key}", samples));
    foreach (var node in nodes.Values)
    {
        await node.KillAsync();
        await File.WriteAllTextAsync(Path.Combine(outDirectory, $"{key}-{node.Name}.log"), node.Output);
    }
}

static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
{
    var deadline = DateTimeOffset.UtcNow + timeout;
    while (!condition())
    {
        if (DateTimeOffset.UtcNow > deadline)
        {
            throw new TimeoutException($"timed out waiting for {what}");
        }

        await Task.Delay(50);
    }
}
