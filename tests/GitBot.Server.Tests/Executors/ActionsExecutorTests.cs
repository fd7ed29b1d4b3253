using System.Net;
using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Executors;

/// <summary>
/// The <c>actions</c> executor end to end on the simulator: each task is a valid <c>workflow_dispatch</c>; the test
/// plays the runner through the runner API (its git work done by hand); the graph continues and the pull request opens.
/// </summary>
public sealed class ActionsExecutorTests
{
    [Fact]
    public async Task Tasks_are_dispatched_one_after_the_other_and_the_runners_results_continue_the_graph_to_a_pull_request()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), ActionsFlow.Files("5m"), ActionsFlow.Settings());
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Two steps", "- [ ] First step\n- [ ] Second step (after 1)", "alice", ["agent"], CancellationToken.None);

        foreach (var (number, file) in new[] { (1, "first.txt"), (2, "second.txt") })
        {
            var dispatch = await ActionsFlow.WaitForDispatchAsync(flow, number);
            Assert.Equal("gitbot-task.yml", dispatch.WorkflowId);
            Assert.Equal("main", dispatch.Ref);
            Assert.Equal(["callback_token", "gitbot_url", "task"], dispatch.Inputs.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(ActionsFlow.PublicUrl, dispatch.Inputs["gitbot_url"]);
            var (planId, taskId, attempt) = ActionsFlow.TaskOf(dispatch);
            Assert.Equal((number.ToString(System.Globalization.CultureInfo.InvariantCulture), 1), (taskId, attempt));
            Assert.Equal(number, flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo).Count); // task 2 waits for task 1
            var running = await flow.Plans.GetAsync(planId, CancellationToken.None);
            Assert.Equal(TaskState.Running, running!.Tasks.Single(t => t.Id == taskId).State);

            var token = dispatch.Inputs["callback_token"];
            var route = ActionsFlow.RouteOf(dispatch);
            var runId = await flow.GitHub.StartWorkflowRunAsync(FlowHarness.Repo, "gitbot-task.yml", "main", "alice", CancellationToken.None);
            Assert.Equal(HttpStatusCode.NoContent, await ActionsFlow.PostAsync(flow, route + "/started", token, new RunnerStarted(runId)));
            var (status, spec) = await ActionsFlow.GetSpecAsync(flow, route, token);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(($"gitbot/{issue}", $"gitbot/{issue}-tasks/{taskId}", "runner"), (spec!.IntegrationBranch, spec.TaskBranch, spec.Role));
            Assert.Equal($"{planId}/{taskId}", spec.Trailers["GitBot-Task"]);
            Assert.Contains("executor: actions", spec.ConfigFiles[".github/gitbot.yml"], StringComparison.Ordinal);
            Assert.Contains(number == 1 ? "First step" : "Second step", spec.Prompt, StringComparison.Ordinal);

            var sha = await ActionsFlow.CommitTaskAsync(flow, spec, file);
            Assert.Equal(HttpStatusCode.NoContent, await ActionsFlow.PostAsync(flow, route + "/result", token, new RunnerTaskResult("succeeded", sha, 0.25m, null, runId)));
            await flow.GitHub.CompleteWorkflowRunAsync(FlowHarness.Repo, runId, "success", CancellationToken.None);

            // The token is spent: the same result again changes nothing.
            Assert.Equal(HttpStatusCode.Conflict, await ActionsFlow.PostAsync(flow, route + "/result", token, new RunnerTaskResult("failed", null, 0m, "again", runId)));
            var after = await flow.Plans.GetAsync(planId, CancellationToken.None);
            var task = after!.Tasks.Single(t => t.Id == taskId);
            Assert.Equal((TaskState.Succeeded, sha, 0.25m), (task.State, task.CommitSha, task.CostUsd));
        }

        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished && p.Plan.PullRequestNumber is not null, TimeSpan.FromMinutes(2));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, done.Plan.PullRequestNumber!.Value)!;
        Assert.Equal($"gitbot/{issue}", pull.HeadRef);
        var files = await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "diff", "--name-only", $"main...{pull.HeadSha}");
        Assert.Equal(["first.txt", "second.txt"], files.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "merge-base", "--is-ancestor", done.Tasks[0].CommitSha!, done.Tasks[1].CommitSha!);
        Assert.Equal(2, flow.GitHub.GetWorkflowDispatches(FlowHarness.Repo).Count);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
