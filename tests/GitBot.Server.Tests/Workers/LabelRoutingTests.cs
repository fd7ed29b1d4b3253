using System.Text.Json;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Plans.Support;
using GitBot.Server.Tests.Workers.Support;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Workers;

/// <summary>
/// A task whose role requires node labels runs only on a node that has all of them: with only an unlabelled worker in
/// the cluster it waits in the queue (while that worker, with a slot free, runs the unlabelled task), and once a worker
/// labelled <c>gpu,large</c> joins, that worker runs it.
/// </summary>
public sealed class LabelRoutingTests
{
    private static readonly string[] Nodes = ["worker-plain", "worker-gpu"];

    [Fact]
    public async Task A_task_needing_a_label_waits_for_a_node_with_it_and_runs_only_there()
    {
        _ = WorkerProcess.CliAssembly;
        using var logs = new GitBot.Testing.TempDirectory("gitbot-agent-runs");
        var runs = new AgentRunLog(Path.Combine(logs.Path, "runs.log"));
        var command = $"    command: [\"sh\", \"-c\", \"{runs.Agent(1)}\"]\n    prompt_on_stdin: true\n";
        var config = "default_role: step\n" +
                     "limits:\n  task_timeout: 2m\n  max_retries: 0\n" +
                     "roles:\n  step:\n    description: Any node\n    backend: command\n" + command +
                     "  trainer:\n    description: Needs a GPU\n    backend: command\n    labels: [gpu]\n" + command;
        await using var flow = await FlowHarness.StartAsync(new ModelScript(), new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = config,
        }, WorkerCluster.QueueOnlyServer());

        WorkerProcess? plain = null;
        WorkerProcess? gpu = null;
        try
        {
            plain = WorkerCluster.Start(flow, "worker-plain", slots: 2);
            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Train", "- [ ] Prepare data\n- [ ] Train the model (trainer)\n",
                "alice", ["agent"], CancellationToken.None);

            // Both tasks were queued at once and the unlabelled worker had two free slots: it ran only the first.
            var first = await flow.WaitForPlanAsync(issue, p => p.Tasks.Any(t => t.Id == "1" && t.State == TaskState.Succeeded), TimeSpan.FromMinutes(2));
            await Task.Delay(TimeSpan.FromSeconds(3)); // several acquisition rounds of the idle worker
            var waiting = (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!;
            var trainer = waiting.Tasks.Single(t => t.Id == "2");
            Assert.True(trainer.State == TaskState.Ready, $"{FlowHarness.Describe(waiting)}\n{plain.Output}");
            Assert.DoesNotContain(runs.Read(Nodes), r => r.Task == "2");
            Assert.Equal("worker-plain", first.Tasks.Single(t => t.Id == "1").Node);

            // This worker also logs as JSON lines (Logging:Format=json), checked below.
            gpu = WorkerCluster.Start(flow, "worker-gpu", slots: 1, new Dictionary<string, string> { ["Scheduler:Labels"] = "large,gpu", ["Logging:Format"] = "json" });
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(2));
            var diagnostics = FlowHarness.Describe(done) + "\n" + plain.Output + "\n" + gpu.Output;
            Assert.True(done.Plan.State == PlanState.Succeeded, diagnostics);
            Assert.Equal("worker-gpu", done.Tasks.Single(t => t.Id == "2").Node);
            var trained = runs.Read(Nodes).Where(r => r.Task == "2").ToList();
            Assert.True(trained.Count == 2 && trained.All(r => r.Node == "worker-gpu"), diagnostics + "\n" + string.Join('\n', trained));

            // A worker's JSON log: every console line is one object, and the lines of the task it ran name the
            // repository, the issue, the plan, the task and the job (from the job's data, on another process).
            var lines = gpu.Output.Split('\n').Where(l => l.StartsWith("[worker-gpu out] ", StringComparison.Ordinal))
                .Select(l => l["[worker-gpu out] ".Length..]).Where(l => l.Length > 0).ToList();
            Assert.NotEmpty(lines);
            var entries = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            Assert.Contains(entries, e =>
                e.TryGetProperty("taskId", out var task) && task.GetString() == "2"
                && e.TryGetProperty("repository", out var repository) && repository.GetString() == FlowHarness.Repo
                && e.TryGetProperty("issue", out var number) && number.ToString() == issue.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && e.TryGetProperty("job", out var job) && job.GetString() == "run-task");
        }
        finally
        {
            if (plain is not null)
            {
                await plain.DisposeAsync();
            }

            if (gpu is not null)
            {
                await gpu.DisposeAsync();
            }
        }
    }
}
