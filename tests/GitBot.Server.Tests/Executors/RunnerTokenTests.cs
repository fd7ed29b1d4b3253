using System.Net;
using GitBot.Core.Executors;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;

namespace GitBot.Server.Tests.Executors;

/// <summary>
/// The runner API refuses a missing or wrong token (401) and a token for another attempt, and nothing changes; a failed
/// <c>workflow_run</c> of the run that took the task fails it and says so.
/// </summary>
public sealed class RunnerTokenTests
{
    [Fact]
    public async Task Wrong_tokens_are_401_and_change_nothing_and_a_failed_run_fails_the_task()
    {
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), ActionsFlow.Files("5m"), ActionsFlow.Settings());
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "One step", "- [ ] Only step", "alice", ["agent"], CancellationToken.None);
        var dispatch = await ActionsFlow.WaitForDispatchAsync(flow, 1);
        var (planId, _, _) = ActionsFlow.TaskOf(dispatch);
        var route = ActionsFlow.RouteOf(dispatch);
        var token = dispatch.Inputs["callback_token"];
        var before = await flow.Plans.GetAsync(planId, CancellationToken.None);

        var wrong = token[..^2] + (token.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActionsFlow.GetSpecAsync(flow, route, wrong)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActionsFlow.GetSpecAsync(flow, route, "")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await ActionsFlow.PostAsync(flow, route + "/result", wrong, new RunnerTaskResult("succeeded", null, 5m, null, null)));
        Assert.Equal(HttpStatusCode.Unauthorized, await ActionsFlow.PostAsync(flow, route + "/started", wrong, new RunnerStarted(42)));
        // The right token for another attempt of the same task is no token at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ActionsFlow.GetSpecAsync(flow, route[..^1] + "2", token)).Status);

        var unchanged = await flow.Plans.GetAsync(planId, CancellationToken.None);
        Assert.Equal(before!.Plan.Version, unchanged!.Plan.Version);
        Assert.Equal((TaskState.Running, 0m), (unchanged.Tasks[0].State, unchanged.Tasks[0].CostUsd));

        // The run that took the task fails before reporting: the task fails (no retries configured) and says which run.
        var runId = await flow.GitHub.StartWorkflowRunAsync(FlowHarness.Repo, "gitbot-task.yml", "main", "alice", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NoContent, await ActionsFlow.PostAsync(flow, route + "/started", token, new RunnerStarted(runId)));
        await flow.GitHub.CompleteWorkflowRunAsync(FlowHarness.Repo, runId, "failure", CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(1));
        Assert.Equal(PlanState.Failed, done.Plan.State);
        Assert.Equal($"the Actions run {runId} ended with `failure` before reporting a result", done.Tasks[0].Reason);
        Assert.Equal(HttpStatusCode.Conflict, await ActionsFlow.PostAsync(flow, route + "/result", token, new RunnerTaskResult("succeeded", null, 1m, null, runId)));
        Assert.Empty(flow.GitHub.RejectedRequests);
    }
}
