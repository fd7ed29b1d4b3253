using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>An agent that outlives <c>limits.task_timeout</c> is killed with its whole process tree and the task fails.</summary>
public sealed class AgentTimeoutTests
{
    [Fact]
    public async Task Agent_over_its_timeout_fails_the_task_and_its_child_process_is_killed()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "gitbot-timeout-" + Guid.NewGuid().ToString("N") + ".pid");
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"sleep 600 & echo $! > '{pidFile}'; wait", "task_timeout: 10s", "max_retries: 0"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Sleep", "- [ ] Sleep forever", "alice", ["agent"], CancellationToken.None);
            var pid = await FailureFlow.ReadPidAsync(pidFile);
            Assert.False(FailureFlow.IsDead(pid), "the agent's child is not running");
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));

            var task = Assert.Single(done.Tasks);
            Assert.True(task.State == TaskState.Failed, FlowHarness.Describe(done));
            Assert.Equal(1, task.Attempt);
            Assert.Contains("limit", task.Reason ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("00:00:10", task.Reason ?? string.Empty, StringComparison.Ordinal);
            Assert.Equal(PlanState.Failed, done.Plan.State);
            await FailureFlow.UntilAsync(() => FailureFlow.IsDead(pid), $"sleep (pid {pid}) to be killed", TimeSpan.FromSeconds(10));
        }
        finally
        {
            File.Delete(pidFile);
        }
    }
}
