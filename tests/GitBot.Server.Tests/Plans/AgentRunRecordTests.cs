using GitBot.Core.Plans;
using GitBot.Core.Runs;
using GitBot.Simulator.ModelServer;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Plans;

/// <summary>Every agent run of a plan is stored in <c>agent_runs</c>: the planner and each task, on real parts.</summary>
public sealed class AgentRunRecordTests
{
    private const string PlannerPhrase = "You are GitBot's planner";

    private const string Plan = """{"tasks":[{"id":"a","title":"Write A","role":"coder","instructions":"Write a.txt","depends_on":[],"files":[]},{"id":"b","title":"Write B","role":"coder","instructions":"Write b.txt","depends_on":["a"],"files":[]}]}""";

    [Fact]
    public async Task A_plan_run_records_the_planner_and_each_task_with_node_turns_tokens_and_cost()
    {
        var script = new ModelScript(
            ModelScript.When(PlannerPhrase, ModelStep.Text(Plan)),
            ModelScript.When("## Your task: a ", ModelStep.WriteFile("a.txt", "a\n"), ModelStep.Text("Wrote a.txt.")),
            ModelScript.When("## Your task: b ", ModelStep.WriteFile("b.txt", "b\n"), ModelStep.Text("Wrote b.txt.")));
        await using var flow = await FlowHarness.StartAsync(script, new Dictionary<string, string>());

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Write A and B", "Please write a.txt and then b.txt.", "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(3));
        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));

        var store = flow.Server.App.Services.GetRequiredService<IAgentRunStore>();
        var runs = await store.ListForPlanAsync(done.Plan.Id, CancellationToken.None);

        Assert.Equal([AgentRunKind.Planner, AgentRunKind.Task, AgentRunKind.Task], runs.Select(r => r.Subject.Kind));
        Assert.Equal([null, "a", "b"], runs.Select(r => r.Subject.TaskId));
        Assert.Equal(["planner", "coder", "coder"], runs.Select(r => r.Role));
        Assert.All(runs, run =>
        {
            Assert.Equal(FlowHarness.Repo, run.Subject.Repository);
            Assert.Equal(issue, run.Subject.IssueNumber);
            Assert.Equal("Succeeded", run.State);
            Assert.Equal("node-a", run.Node);
            Assert.NotNull(run.FinishedAt);
            Assert.True(run.FinishedAt >= run.StartedAt);
            Assert.Equal(0, run.ExitCode);
            Assert.True(run.Turns >= 1, $"run {run.Id} has no turns");
            Assert.True(run.InputTokens > 0 && run.OutputTokens > 0, $"run {run.Id} has no tokens");
            Assert.True(run.CostUsd > 0m, $"run {run.Id} has no cost");
            Assert.True(run.LogPath is { } log && File.Exists(log), $"run {run.Id} has no log file");
        });
        Assert.Contains("Wrote a.txt.", runs[1].ExitReason, StringComparison.Ordinal);
        // The task runs' costs are the ones the plan records.
        Assert.Equal(done.Tasks.Sum(t => t.CostUsd), runs.Skip(1).Sum(r => r.CostUsd));

        // The issue lists them too, newest first (with any review runs on the plan's pull request).
        var forIssue = await store.ListForIssueAsync(FlowHarness.Repo, issue, 50, CancellationToken.None);
        Assert.Equal(runs.Select(r => r.Id).Reverse(), forIssue.Where(r => r.Subject.PlanId == done.Plan.Id).Select(r => r.Id));
        Assert.All(forIssue.Where(r => r.Subject.Kind == AgentRunKind.Review), r => Assert.Equal(done.Plan.PullRequestNumber, r.Subject.PullNumber));
    }
}
