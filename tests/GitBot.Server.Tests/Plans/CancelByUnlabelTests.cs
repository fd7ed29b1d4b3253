using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>Removing the trigger label stops the running agent's process tree and cancels the plan.</summary>
public sealed class CancelByUnlabelTests
{
    [Fact]
    public async Task Removing_the_label_cancels_the_plan_and_kills_the_running_agent()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "gitbot-cancel-" + Guid.NewGuid().ToString("N") + ".pid");
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"sleep 600 & echo $! > '{pidFile}'; wait", "task_timeout: 10m", "max_retries: 0"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Sleep", "- [ ] Sleep forever", "alice", ["agent"], CancellationToken.None);
            await flow.WaitForPlanAsync(issue, p => p.Tasks.Count == 1 && p.Tasks[0].State == TaskState.Running, TimeSpan.FromSeconds(50));
            var pid = await FailureFlow.ReadPidAsync(pidFile);
            Assert.False(FailureFlow.IsDead(pid), "the agent's child is not running");

            await flow.GitHub.RemoveLabelAsync(FlowHarness.Repo, issue, "agent", "alice", CancellationToken.None);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished && p.Tasks.All(t => t.IsFinished), TimeSpan.FromSeconds(30));

            Assert.True(done.Plan.State == PlanState.Cancelled, FlowHarness.Describe(done));
            Assert.Equal(TaskState.Cancelled, Assert.Single(done.Tasks).State);
            await FailureFlow.UntilAsync(() => FailureFlow.IsDead(pid), $"sleep (pid {pid}) to be killed", TimeSpan.FromSeconds(10));
            await FailureFlow.UntilAsync(
                () => FailureFlow.Issue(flow, issue).Comments.Any(c =>
                    c.Body.Contains($"gitbot:plan:{done.Plan.Id}", StringComparison.Ordinal) && c.Body.Contains("cancel", StringComparison.OrdinalIgnoreCase)),
                "the plan comment to say it was cancelled", TimeSpan.FromSeconds(10));
        }
        finally
        {
            File.Delete(pidFile);
        }
    }
}
