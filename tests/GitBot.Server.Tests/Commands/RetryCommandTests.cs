using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent retry</c> end to end: an unknown task is refused with the ids; a failed task runs again and the pull request opens.</summary>
public sealed class RetryCommandTests
{
    [Fact]
    public async Task Retry_runs_a_failed_task_again_and_the_pull_request_opens()
    {
        var marker = Path.Combine(Path.GetTempPath(), "gitbot-cmd-retry-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Fails the first time (leaving a marker), succeeds the second.
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"if [ -f '{marker}' ]; then echo retried > retried.txt; else touch '{marker}'; echo first attempt fails >&2; exit 3; fi",
                "max_retries: 0"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Flaky", "- [ ] Write retried.txt", "alice", ["agent"], CancellationToken.None);
            var failed = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));
            Assert.True(failed.Plan.State == PlanState.Failed, FlowHarness.Describe(failed));
            var task = Assert.Single(failed.Tasks);
            Assert.Equal(TaskState.Failed, task.State);

            var unknown = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry nosuch", "alice", CancellationToken.None);
            var unknownReply = await CommandWait.ForReplyAsync(flow.GitHub, issue, unknown.Id);
            Assert.Contains("has no task `nosuch`", unknownReply.Body, StringComparison.Ordinal);
            Assert.Contains($"its tasks are `{task.Id}`", unknownReply.Body, StringComparison.Ordinal);
            Assert.Contains("confused", (await CommandWait.ForReactionAsync(flow.GitHub, issue, unknown.Id, "confused")).Reactions);
            Assert.Equal(PlanState.Failed, (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!.Plan.State);

            var retry = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry", "alice", CancellationToken.None);
            var reply = await CommandWait.ForReplyAsync(flow.GitHub, issue, retry.Id);
            Assert.Contains($"`{task.Id}` start again with a new attempt", reply.Body, StringComparison.Ordinal);
            Assert.Contains("the plan is running again", reply.Body, StringComparison.Ordinal);
            Assert.Contains("rocket", (await CommandWait.ForReactionAsync(flow.GitHub, issue, retry.Id, "rocket")).Reactions);

            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(90));
            Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
            Assert.Equal(failed.Plan.Id, done.Plan.Id);
            var retried = Assert.Single(done.Tasks);
            Assert.Equal(TaskState.Succeeded, retried.State);
            Assert.Equal(task.Attempt + 1, retried.Attempt);
            var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, done.Plan.PullRequestNumber!.Value);
            Assert.NotNull(pull);

            // On GitBot's pull request the verbs act on the issue's plan: all succeeded, so nothing to retry or cancel.
            var onPull = await flow.GitHub.CommentAsync(FlowHarness.Repo, pull.Number, "/agent retry\n/agent cancel", "alice", CancellationToken.None);
            var pullReply = await CommandWait.ForReplyAsync(flow.GitHub, pull.Number, onPull.Id);
            Assert.Contains($"Nothing to retry on #{issue}: every task of its plan succeeded", pullReply.Body, StringComparison.Ordinal);
            Assert.Contains($"the plan of #{issue} is already", pullReply.Body, StringComparison.Ordinal);
            Assert.Empty(flow.GitHub.RejectedRequests);
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task Retry_of_a_named_task_takes_the_tasks_blocked_behind_it_and_a_blocked_task_alone_is_refused()
    {
        var marker = Path.Combine(Path.GetTempPath(), "gitbot-cmd-retry-named-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Task 1 fails the first time; task 2 (after 1) always works. The script tells them apart by branch.
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                "b=$(git rev-parse --abbrev-ref HEAD); case \"$b\" in *-tasks/1) " +
                $"if [ -f '{marker}' ]; then echo one > one.txt; else touch '{marker}'; exit 3; fi;; *) echo two > two.txt;; esac",
                "max_retries: 0"));

            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Two steps", "- [ ] Write one.txt\n- [ ] Write two.txt (after 1)", "alice", ["agent"], CancellationToken.None);
            var failed = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));
            Assert.True(failed.Plan.State == PlanState.Failed, FlowHarness.Describe(failed));
            Assert.Equal([TaskState.Failed, TaskState.Blocked], failed.Tasks.Select(t => t.State));

            var blocked = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry 2", "alice", CancellationToken.None);
            Assert.Contains("task 2 waits for task 1, which is Failed", (await CommandWait.ForReplyAsync(flow.GitHub, issue, blocked.Id)).Body, StringComparison.Ordinal);
            Assert.Equal(PlanState.Failed, (await flow.Plans.FindLatestAsync(FlowHarness.Repo, issue, CancellationToken.None))!.Plan.State);

            var retry = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry 1", "alice", CancellationToken.None);
            Assert.Contains("`1`, `2` start again", (await CommandWait.ForReplyAsync(flow.GitHub, issue, retry.Id)).Body, StringComparison.Ordinal);
            var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(90));
            Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
            Assert.All(done.Tasks, t => Assert.Equal(TaskState.Succeeded, t.State));
            Assert.NotNull(done.Plan.PullRequestNumber);
        }
        finally
        {
            File.Delete(marker);
        }
    }
}
