using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>An agent that exits non-zero is retried up to <c>max_retries</c>, then its task fails with the exit code.</summary>
public sealed class AgentExitCodeTests
{
    [Fact]
    public async Task Agent_exiting_non_zero_is_retried_once_then_the_task_fails_naming_exit_code_3()
    {
        var counter = Path.Combine(Path.GetTempPath(), "gitbot-exit-" + Guid.NewGuid().ToString("N") + ".runs");
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"echo run >> '{counter}'; echo boom >&2; exit 3", "max_retries: 1", "retry_backoff: 1s"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Boom", "- [ ] Explode", "alice", ["agent"], CancellationToken.None);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));

            var task = Assert.Single(done.Tasks);
            Assert.True(task.State == TaskState.Failed, FlowHarness.Describe(done));
            Assert.Equal(2, task.Attempt);
            Assert.Contains("3", task.Reason ?? string.Empty, StringComparison.Ordinal);
            Assert.Contains("exit", task.Reason ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(2, File.ReadAllLines(counter).Length);
            Assert.Equal(PlanState.Failed, done.Plan.State);
        }
        finally
        {
            File.Delete(counter);
        }
    }
}
