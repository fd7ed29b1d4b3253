using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent cancel</c> end to end: nothing to cancel is refused; mid-run it kills the agent, saves its work and cancels the plan; a retry continues the saved work and finishes it.</summary>
public sealed class CancelCommandTests
{
    [Fact]
    public async Task Cancel_mid_run_kills_the_agent_saves_its_work_and_cancels_the_plan_then_retry_finishes_it()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "gitbot-cmd-cancel-" + Guid.NewGuid().ToString("N") + ".pid");
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"if [ -f '{pidFile}' ]; then echo resumed > resumed.txt; else echo partial > partial.txt; sleep 600 & echo $! > '{pidFile}'; wait; fi", "task_timeout: 10m", "max_retries: 0"));

            // An issue GitBot was never given: nothing to cancel, and the reply says why.
            var untouched = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Untouched", "Nothing here", "alice", [], CancellationToken.None);
            var early = await flow.GitHub.CommentAsync(FlowHarness.Repo, untouched, "/agent cancel", "alice", CancellationToken.None);
            var earlyReply = await CommandWait.ForReplyAsync(flow.GitHub, untouched, early.Id);
            Assert.Contains($"Nothing to cancel: #{untouched} has no plan", earlyReply.Body, StringComparison.Ordinal);
            Assert.Contains("confused", (await CommandWait.ForReactionAsync(flow.GitHub, untouched, early.Id, "confused")).Reactions);

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Sleep", "- [ ] Sleep forever", "alice", ["agent"], CancellationToken.None);
            var running = await flow.WaitForPlanAsync(issue, p => p.Tasks.Count == 1 && p.Tasks[0].State == TaskState.Running, TimeSpan.FromSeconds(50));
            var pid = await FailureFlow.ReadPidAsync(pidFile);
            Assert.False(FailureFlow.IsDead(pid), "the agent's child is not running");

            var cancel = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent cancel", "alice", CancellationToken.None);
            var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, cancel.Id);
            Assert.Contains("cancelled by @alice", reply.Body, StringComparison.Ordinal);
            Assert.Contains($"Stopping the running agent of `{running.Tasks[0].Id}`", reply.Body, StringComparison.Ordinal);
            Assert.Contains("rocket", (await CommandWait.ForReactionAsync(flow.GitHub, issue, cancel.Id, "rocket")).Reactions);

            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished && p.Tasks.All(t => t.IsFinished), TimeSpan.FromSeconds(30));
            Assert.True(done.Plan.State == PlanState.Cancelled, FlowHarness.Describe(done));
            Assert.Contains("/agent cancel", done.Plan.Reason, StringComparison.Ordinal);
            Assert.Equal(TaskState.Cancelled, Assert.Single(done.Tasks).State);
            await FailureFlow.UntilAsync(() => FailureFlow.IsDead(pid), $"sleep (pid {pid}) to be killed", TimeSpan.FromSeconds(15));
            // The agent's uncommitted work is on the task's work-in-progress branch, not on the task branch.
            var wip = $"gitbot/{issue}-tasks/{running.Tasks[0].Id}-wip";
            Assert.Contains($"pushed to `{wip}`", reply.Body, StringComparison.Ordinal);
            var bare = flow.Repository.BareRepositoryPath;
            await FailureFlow.UntilAsync(() => BranchExists(bare, wip), $"{wip} to be pushed", TimeSpan.FromSeconds(30));
            Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"refs/heads/{wip}:partial.txt")).Trim());
            Assert.Contains("GitBot-WIP:", await FlowHarness.GitAsync(bare, "log", "-1", "--format=%B", $"refs/heads/{wip}"), StringComparison.Ordinal);
            await FailureFlow.UntilAsync(
                () => FailureFlow.Issue(flow, issue).Comments.Any(c =>
                    c.Body.Contains($"gitbot:plan:{done.Plan.Id}", StringComparison.Ordinal) && c.Body.Contains("cancel", StringComparison.OrdinalIgnoreCase)),
                "the plan comment to say it was cancelled", TimeSpan.FromSeconds(10));

            // Cancelling again: nothing left to cancel.
            var again = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent cancel", "alice", CancellationToken.None);
            var againReply = await CommandWait.ForReplyAsync(flow.GitHub, issue, again.Id);
            Assert.Contains("Nothing to cancel", againReply.Body, StringComparison.Ordinal);
            Assert.Contains("cancelled", againReply.Body, StringComparison.Ordinal);
            Assert.Contains("confused", (await CommandWait.ForReactionAsync(flow.GitHub, issue, again.Id, "confused")).Reactions);

            // A retry reopens the cancelled plan; the task continues from its work in progress (the run's second time
            // through the script finishes at once) and the pull request holds both the saved and the new work.
            var retry = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry", "alice", CancellationToken.None);
            Assert.Contains("the plan is running again", (await CommandWait.ForReplyAsync(flow.GitHub, issue, retry.Id)).Body, StringComparison.Ordinal);
            var resumed = await flow.WaitForPlanAsync(issue, p => p.Plan.State != PlanState.Cancelled && p.Plan.IsFinished, TimeSpan.FromSeconds(90));
            Assert.True(resumed.Plan.State == PlanState.Succeeded, FlowHarness.Describe(resumed));
            var head = $"gitbot/{issue}";
            Assert.Equal("resumed", (await FlowHarness.GitAsync(bare, "show", $"refs/heads/{head}:resumed.txt")).Trim());
            Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"refs/heads/{head}:partial.txt")).Trim());
            Assert.NotNull(resumed.Plan.PullRequestNumber);
            Assert.Empty(flow.GitHub.RejectedRequests);
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    private static bool BranchExists(string bare, string branch) =>
        File.Exists(Path.Combine(bare, "refs", "heads", branch)) || (File.Exists(Path.Combine(bare, "packed-refs"))
            && File.ReadAllText(Path.Combine(bare, "packed-refs")).Contains(" refs/heads/" + branch + "\n", StringComparison.Ordinal));
}
