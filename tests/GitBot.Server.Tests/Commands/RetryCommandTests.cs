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
}
