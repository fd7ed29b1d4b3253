using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Plans.Support;
using GitBot.Server.Tests.Workers.Support;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Workers;

/// <summary>
/// SIGTERM to a real <c>gitbot worker</c> mid-task. A task longer than <c>Scheduler:ShutdownGrace</c> is stopped at the
/// end of the grace (its agent killed) and handed back to the queue, where another worker completes it exactly once; a
/// task shorter than the grace finishes on the stopping worker, which takes nothing new and then exits.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly string[] Nodes = ["worker-a", "worker-b"];

    [Fact]
    public async Task A_task_overrunning_the_grace_is_handed_back_and_completed_once_on_another_worker()
    {
        _ = WorkerProcess.CliAssembly;
        using var logs = new GitBot.Testing.TempDirectory("gitbot-agent-runs");
        var runs = new AgentRunLog(Path.Combine(logs.Path, "runs.log"));

        // On worker-a the agent would take 2 minutes; on any other node 1 second.
        var agent = runs.Agent(1).Replace("sleep 1;", "case $(pwd) in */worker-a/*) sleep 120;; *) sleep 1;; esac;", StringComparison.Ordinal);
        // No retries and a long backoff: a hand-back is neither a retry nor delayed by the backoff.
        await using var flow = await StartAsync(agent, "max_retries: 0\n  retry_backoff: 10m\n");
        WorkerProcess? a = null;
        WorkerProcess? b = null;
        try
        {
            a = WorkerCluster.Start(flow, "worker-a", slots: 1, new Dictionary<string, string> { ["Scheduler:ShutdownGrace"] = "00:00:02" });
            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Slow", "- [ ] Write the work file\n", "alice", ["agent"], CancellationToken.None);
            await WorkerCluster.WaitForAsync(() => runs.Read(Nodes).Any(r => r.Node == "worker-a"), "worker-a's agent to start", TimeSpan.FromMinutes(2), a);

            await WorkerCluster.TerminateAsync(WorkerCluster.WorkingDirectory(flow, "worker-a"));
            await WorkerCluster.WaitForAsync(() => a.HasExited, "worker-a to exit after SIGTERM", TimeSpan.FromMinutes(1), a);
            var firstAgent = runs.Read(Nodes).Single(r => r.Node == "worker-a");
            Assert.False(WorkerProcess.IsAlive(firstAgent.Pid), "the overrunning agent was not stopped\n" + a.Output);
            Assert.Contains("handing them back to the queue", a.Output, StringComparison.Ordinal);

            // Handed back, not left running: the next attempt is queued for any node.
            var handedBack = (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!;
            var task = Assert.Single(handedBack.Tasks);
            Assert.True(task.State == TaskState.Ready && task.Attempt == 2, FlowHarness.Describe(handedBack) + "\n" + a.Output);

            b = WorkerCluster.Start(flow, "worker-b", slots: 1);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(2));
            var diagnostics = FlowHarness.Describe(done) + "\n" + a.Output + "\n" + b.Output;
            Assert.True(done.Plan.State == PlanState.Succeeded, diagnostics);
            Assert.Equal("worker-b", Assert.Single(done.Tasks).Node);
            var ends = runs.Read(Nodes).Where(r => r.Kind == "end").ToList();
            Assert.True(ends.Count == 1 && ends[0].Node == "worker-b", diagnostics + "\n" + string.Join('\n', runs.Read(Nodes)));
            await AssertOneTaskCommitAsync(flow, issue, done);
        }
        finally
        {
            await DisposeAsync(a, b);
        }
    }

    [Fact]
    public async Task A_task_shorter_than_the_grace_finishes_on_the_stopping_worker()
    {
        _ = WorkerProcess.CliAssembly;
        using var logs = new GitBot.Testing.TempDirectory("gitbot-agent-runs");
        var runs = new AgentRunLog(Path.Combine(logs.Path, "runs.log"));
        await using var flow = await StartAsync(runs.Agent(4), "max_retries: 0\n");
        WorkerProcess? a = null;
        WorkerProcess? b = null;
        try
        {
            a = WorkerCluster.Start(flow, "worker-a", slots: 1, new Dictionary<string, string> { ["Scheduler:ShutdownGrace"] = "00:01:00" });
            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Quick", "- [ ] Write the work file\n", "alice", ["agent"], CancellationToken.None);
            await WorkerCluster.WaitForAsync(() => runs.Read(Nodes).Any(r => r.Node == "worker-a"), "worker-a's agent to start", TimeSpan.FromMinutes(2), a);

            await WorkerCluster.TerminateAsync(WorkerCluster.WorkingDirectory(flow, "worker-a"));
            await WorkerCluster.WaitForAsync(() => a.HasExited, "worker-a to exit after SIGTERM", TimeSpan.FromMinutes(1), a);
            var stopped = (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!;
            var task = Assert.Single(stopped.Tasks);
            Assert.True(task.State == TaskState.Succeeded && task.Attempt == 1 && task.Node == "worker-a", FlowHarness.Describe(stopped) + "\n" + a.Output);
            Assert.DoesNotContain("handing them back", a.Output, StringComparison.Ordinal);

            // The plan's finish job was queued while worker-a stood down; another node picks it up, running no agent again.
            b = WorkerCluster.Start(flow, "worker-b", slots: 1);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(2));
            Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done) + "\n" + a.Output + "\n" + b.Output);
            Assert.Single(runs.Read(Nodes), r => r.Kind == "end");
            await AssertOneTaskCommitAsync(flow, issue, done);
        }
        finally
        {
            await DisposeAsync(a, b);
        }
    }

    private static Task<FlowHarness> StartAsync(string agent, string limits) =>
        FlowHarness.StartAsync(new ModelScript(), new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = "default_role: step\nlimits:\n  task_timeout: 5m\n  " + limits +
                "roles:\n  step:\n    description: Writes its work file\n    backend: command\n" +
                $"    command: [\"sh\", \"-c\", \"{agent}\"]\n    prompt_on_stdin: true\n",
        }, WorkerCluster.QueueOnlyServer());

    private static async Task AssertOneTaskCommitAsync(FlowHarness flow, int issue, PlanSnapshot done)
    {
        var task = Assert.Single(done.Tasks);
        var log = await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "log", "--format=%H%x09%(trailers:key=GitBot-Task,valueonly,separator=)",
            $"main..gitbot/{issue}");
        var commits = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Split('\t')[1].Trim() == $"{done.Plan.Id}/{task.Id}").ToList();
        Assert.Single(commits);
        Assert.Equal(task.CommitSha, commits[0].Split('\t')[0]);
    }

    private static async Task DisposeAsync(WorkerProcess? a, WorkerProcess? b)
    {
        if (a is not null)
        {
            await a.DisposeAsync();
        }

        if (b is not null)
        {
            await b.DisposeAsync();
        }
    }
}
