using GitBot.Core.Budgets;
using GitBot.Core.Plans;
using GitBot.Server.Tests.Plans;
using GitBot.Simulator.ModelServer;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// The issue's budget end to end, on real PostgreSQL, real git and the real Claude Code CLI against the scripted model
/// (every turn costs what the CLI computes from the usage the model reports): at the limit the running agents stop,
/// what they changed is committed to their work-in-progress branches, the issue gets a report saying how to continue,
/// and <c>/agent budget</c> followed by <c>/agent retry</c> continues from the saved work to a pull request.
/// </summary>
public sealed class BudgetExhaustionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task At_the_budget_the_agent_stops_with_its_work_committed_and_budget_then_retry_continue_it()
    {
        var script = new ModelScript(
            ModelScript.When("## Work in progress", ModelStep.Bash("cat partial.txt > finished.txt"), ModelStep.Text("Finished from the saved work.")),
            ModelScript.When("## Your task: 1 ", ModelStep.WriteFile("partial.txt", "partial\n"), ModelStep.Bash("echo two"), ModelStep.Bash("echo three"),
                ModelStep.Text("Wrote partial.txt.")));
        await using var flow = await FlowHarness.StartAsync(script, new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = "limits:\n  task_timeout: 5m\n  max_retries: 0\n",
        });

        var issue = await LowBudgetIssueAsync(flow, "Write the notes", "- [ ] Write the notes");
        var stopped = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(3));

        // The CLI stopped itself at the run's budget, which was all the issue had: the task is blocked, not retried.
        Assert.True(stopped.Plan.State == PlanState.Failed, FlowHarness.Describe(stopped));
        var task = Assert.Single(stopped.Tasks);
        var wip = $"gitbot/{issue}-tasks/1-wip";
        Assert.Equal(TaskState.Blocked, task.State);
        Assert.Equal(IssueBudgets.SpentReason(0.12m) + "; its work so far is on the branch " + wip, task.Reason);
        Assert.Equal(1, task.Attempt);
        Assert.True(task.CostUsd > 0.12m, $"spent {task.CostUsd}");

        // What the agent had written is committed to the work-in-progress branch, by the bot, with the WIP trailer.
        var bare = flow.Repository.BareRepositoryPath;
        Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"refs/heads/{wip}:partial.txt")).Trim());
        var saved = await FlowHarness.GitAsync(bare, "log", "-1", "--format=%an%n%(trailers:key=GitBot-WIP,valueonly)", $"refs/heads/{wip}");
        Assert.Equal(["gitbot[bot]", $"{stopped.Plan.Id}/1"], saved.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // The report on the issue says the budget is spent and how to continue.
        var report = await ReportAsync(flow, issue, stopped.Plan.Id);
        Assert.Contains("The issue's budget is spent.", report, StringComparison.Ordinal);
        Assert.Contains("`/agent budget <usd>`", report, StringComparison.Ordinal);
        Assert.Contains("`/agent retry`", report, StringComparison.Ordinal);
        Assert.Contains(wip, report, StringComparison.Ordinal);

        // Doing what it says: a higher budget, then a retry, which continues from the saved work to a pull request.
        var raise = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 5", "alice", None);
        Assert.Contains("set to $5.00", (await CommandWait.ForReplyAsync(flow.GitHub, issue, raise.Id)).Body, StringComparison.Ordinal);
        var retry = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent retry", "alice", None);
        Assert.Contains("the plan is running again", (await CommandWait.ForReplyAsync(flow.GitHub, issue, retry.Id)).Body, StringComparison.Ordinal);

        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.State == PlanState.Succeeded, TimeSpan.FromMinutes(3));
        var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, Assert.IsType<int>(done.Plan.PullRequestNumber))!;
        Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"{pull.HeadSha}:partial.txt")).Trim());
        Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"{pull.HeadSha}:finished.txt")).Trim());
        var resumed = Assert.Single(flow.Model.Requests, r => r.IsMessages && r.AssistantTurns == 0 && r.FirstUserText.Contains("## Work in progress", StringComparison.Ordinal));
        Assert.Contains("is in your working tree now", resumed.FirstUserText, StringComparison.Ordinal);
        Assert.True(done.Tasks[0].CostUsd > task.CostUsd, "the second run's cost was not added");
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task When_one_task_spends_the_budget_another_running_agent_is_stopped_and_its_work_saved()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "gitbot-budget-sleeper-" + Guid.NewGuid().ToString("N") + ".pid");
        try
        {
            // Task 1 (Claude) waits until task 2 (a shell agent that costs nothing) runs, then spends past the budget.
            var script = new ModelScript(ModelScript.When("## Your task: 1 ",
                ModelStep.Bash($"while [ ! -f '{pidFile}' ]; do sleep 0.2; done"), ModelStep.Bash("echo two"), ModelStep.Bash("echo three"), ModelStep.Text("Spent.")));
            var sleeper = $"echo partial > partial.txt; sleep 600 & echo $! > '{pidFile}'; wait";
            var yaml = "limits:\n  max_parallel_tasks: 2\n  task_timeout: 10m\n  max_retries: 0\n"
                + "roles:\n  sleeper:\n    description: Sleeps\n    backend: command\n    prompt_on_stdin: true\n    command: [\"sh\", \"-c\", " + FailureFlow.Quote(sleeper) + "]\n";
            await using var flow = await FlowHarness.StartAsync(script, new Dictionary<string, string> { [".github/gitbot.yml"] = yaml });

            var issue = await LowBudgetIssueAsync(flow, "Spend and sleep", "- [ ] Spend (coder)\n- [ ] Sleep (sleeper)");
            var pid = await FailureFlow.ReadPidAsync(pidFile);
            var stopped = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(3));

            Assert.True(stopped.Plan.State == PlanState.Failed, FlowHarness.Describe(stopped));
            Assert.All(stopped.Tasks, t => Assert.Equal(TaskState.Blocked, t.State));
            Assert.StartsWith(IssueBudgets.SpentReason(0.12m), stopped.Tasks[0].Reason, StringComparison.Ordinal);
            Assert.Equal(IssueBudgets.SpentReason(0.12m) + "; its run was stopped and its work so far saved", stopped.Tasks[1].Reason);
            await FailureFlow.UntilAsync(() => FailureFlow.IsDead(pid), $"the sleeper (pid {pid}) to be killed", TimeSpan.FromSeconds(30));

            var wip = $"gitbot/{issue}-tasks/2-wip";
            var bare = flow.Repository.BareRepositoryPath;
            await FailureFlow.UntilAsync(() => Exists(bare, wip), $"{wip} to be pushed", TimeSpan.FromSeconds(30));
            Assert.Equal("partial", (await FlowHarness.GitAsync(bare, "show", $"refs/heads/{wip}:partial.txt")).Trim());
            var report = await ReportAsync(flow, issue, stopped.Plan.Id);
            Assert.Contains("`/agent budget <usd>`", report, StringComparison.Ordinal);
            Assert.Empty(flow.GitHub.RejectedRequests);
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Lowering_the_budget_below_the_spending_stops_the_running_agent_at_once_with_its_work_saved()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "gitbot-budget-lowered-" + Guid.NewGuid().ToString("N") + ".pid");
        try
        {
            await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
                $"echo partial > partial.txt; sleep 600 & echo $! > '{pidFile}'; wait", "task_timeout: 10m", "max_retries: 0"));
            var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Sleep", "- [ ] Sleep", "alice", ["agent"], None);
            await flow.WaitForPlanAsync(issue, p => p.Tasks.Count == 1 && p.Tasks[0].State == TaskState.Running, TimeSpan.FromSeconds(50));
            var pid = await FailureFlow.ReadPidAsync(pidFile);

            // $1 already went on an earlier fix of this issue; a budget of $0.50 is below that.
            var spending = flow.Server.App.Services.GetRequiredService<IIssueSpendingStore>();
            Assert.True(await spending.RecordAsync(new SpendingEntry(FlowHarness.Repo, issue, SpendingSource.Fix, "earlier", 1m), None));
            var lower = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 0.50", "alice", None);
            var reply = (await CommandWait.ForReplyAsync(flow.GitHub, issue, lower.Id)).Body;
            Assert.Contains("spent $1.00; $0.00 left", reply, StringComparison.Ordinal);
            Assert.Contains("The running agents are being stopped", reply, StringComparison.Ordinal);

            var stopped = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(60));
            Assert.Equal(IssueBudgets.SpentReason(0.5m) + "; its run was stopped and its work so far saved", Assert.Single(stopped.Tasks).Reason);
            await FailureFlow.UntilAsync(() => FailureFlow.IsDead(pid), $"the agent's child (pid {pid}) to be killed", TimeSpan.FromSeconds(30));
            var wip = $"gitbot/{issue}-tasks/1-wip";
            await FailureFlow.UntilAsync(() => Exists(flow.Repository.BareRepositoryPath, wip), $"{wip} to be pushed", TimeSpan.FromSeconds(30));
            Assert.Equal("partial", (await FlowHarness.GitAsync(flow.Repository.BareRepositoryPath, "show", $"refs/heads/{wip}:partial.txt")).Trim());
            Assert.Contains("`/agent retry`", await ReportAsync(flow, issue, stopped.Plan.Id), StringComparison.Ordinal);
            Assert.Empty(flow.GitHub.RejectedRequests);
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    /// <summary>
    /// An issue given a budget of $0.12 with <c>/agent budget</c> (the configuration cannot go below the $2 task budget),
    /// then handed to GitBot. With the pinned CLI's prompt, one scripted turn costs about $0.08: the first turn's tool
    /// runs, and the CLI stops itself after the second turn, before that turn's tool.
    /// </summary>
    private static async Task<int> LowBudgetIssueAsync(FlowHarness flow, string title, string body)
    {
        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, title, body, "alice", [], None);
        var budget = await flow.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent budget 0.12", "alice", None);
        Assert.Contains("set to $0.12", (await CommandWait.ForReplyAsync(flow.GitHub, issue, budget.Id)).Body, StringComparison.Ordinal);
        await flow.GitHub.AddLabelAsync(FlowHarness.Repo, issue, "agent", "alice", None);
        return issue;
    }

    private static async Task<string> ReportAsync(FlowHarness flow, int issue, long planId)
    {
        var marker = $"<!-- gitbot:report:{planId} -->";
        await FailureFlow.UntilAsync(() => FailureFlow.Issue(flow, issue).Comments.Any(c => c.Body.Contains(marker, StringComparison.Ordinal)),
            "the plan's report on the issue", TimeSpan.FromSeconds(30));
        return FailureFlow.Issue(flow, issue).Comments.Single(c => c.Body.Contains(marker, StringComparison.Ordinal)).Body;
    }

    private static bool Exists(string bare, string branch) =>
        File.Exists(Path.Combine(bare, "refs", "heads", branch)) || (File.Exists(Path.Combine(bare, "packed-refs"))
            && File.ReadAllText(Path.Combine(bare, "packed-refs")).Contains(" refs/heads/" + branch + "\n", StringComparison.Ordinal));
}
