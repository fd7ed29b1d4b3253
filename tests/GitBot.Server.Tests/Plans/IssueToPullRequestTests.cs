using GitBot.Core.Plans;
using GitBot.Simulator.ModelServer;

namespace GitBot.Server.Tests.Plans;

/// <summary>
/// The flow the issue asks to see, end to end on real PostgreSQL, real git over the simulator's HTTP and the real
/// Claude Code CLI against the scripted model: tasks 1 and 2 are independent and 3 comes after both.
/// </summary>
public sealed partial class IssueToPullRequestTests
{
    private const string Body = """
        We need three modules.

        - [ ] Add the alpha module
        - [ ] Add the beta module
        - [ ] Combine alpha and beta into gamma (after 1, 2)
        """;

    private static ModelScript Script() => new(
        ModelScript.When("## Your task: 3 ", ModelStep.Bash("cat alpha.txt beta.txt > gamma.txt"), ModelStep.Text("Combined alpha and beta into gamma.txt.")),
        ModelScript.When("## Your task: 1 ", ModelStep.Bash("sleep 2"), ModelStep.WriteFile("alpha.txt", "alpha\n"), ModelStep.Text("Wrote alpha.txt.")),
        ModelScript.When("## Your task: 2 ", ModelStep.Bash("sleep 2"), ModelStep.WriteFile("beta.txt", "beta\n"), ModelStep.Text("Wrote beta.txt.")));

    [Fact]
    public async Task Labelled_issue_with_a_task_graph_becomes_one_draft_pull_request_with_all_three_changes()
    {
        await using var flow = await FlowHarness.StartAsync(Script(), new Dictionary<string, string>
        {
            [".github/gitbot.yml"] = "limits:\n  max_parallel_tasks: 3\n  task_timeout: 5m\n",
        }, new Dictionary<string, string?> { ["Plans:PublicUrl"] = "https://gitbot.example" });

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Add alpha, beta and gamma", Body, "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromMinutes(4));

        Assert.True(done.Plan.State == PlanState.Succeeded, FlowHarness.Describe(done));
        Assert.Equal(["1", "2", "3"], done.Tasks.Select(t => t.Id));
        Assert.All(done.Tasks, t => Assert.Equal(TaskState.Succeeded, t.State));
        Assert.All(done.Tasks, t => Assert.True(t.CostUsd > 0m, $"task {t.Id} has no cost"));
        Assert.All(done.Tasks, t => Assert.NotNull(t.CommitSha));

        // 1 and 2 ran at the same time; 3 started only after both finished.
        var (one, two, three) = (done.Tasks[0], done.Tasks[1], done.Tasks[2]);
        Assert.True(one.StartedAt < two.FinishedAt && two.StartedAt < one.FinishedAt, "tasks 1 and 2 did not overlap");
        Assert.True(three.StartedAt >= one.FinishedAt && three.StartedAt >= two.FinishedAt, "task 3 started before its predecessors finished");

        // One draft pull request from the integration branch, holding all three changes.
        var pullNumber = Assert.IsType<int>(done.Plan.PullRequestNumber);
        var pull = flow.GitHub.GetPullRequest(FlowHarness.Repo, pullNumber)!;
        Assert.True(pull.Draft);
        Assert.Equal("gitbot/" + issue, pull.HeadRef);
        var bare = flow.Repository.BareRepositoryPath;
        var files = await FlowHarness.GitAsync(bare, "diff", "--name-only", $"main...{pull.HeadSha}");
        Assert.Equal(["alpha.txt", "beta.txt", "gamma.txt"], files.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal("alpha\nbeta\n", await FlowHarness.GitAsync(bare, "show", $"{pull.HeadSha}:gamma.txt"));

        // Three task commits by the bot, each naming its task; task 3's commit sits on top of both others.
        var log = await FlowHarness.GitAsync(bare, "log", "--no-merges", "--format=%an%x09%(trailers:key=GitBot-Task,valueonly,separator=)", $"main..{pull.HeadSha}");
        var commits = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, commits.Length);
        Assert.All(commits, c => Assert.StartsWith("gitbot[bot]\t", c, StringComparison.Ordinal));
        Assert.Equal(
            done.Tasks.Select(t => $"{done.Plan.Id}/{t.Id}").Order(),
            commits.Select(c => c.Split('\t')[1].Trim()).Order());
        await FlowHarness.GitAsync(bare, "merge-base", "--is-ancestor", one.CommitSha!, three.CommitSha!);
        await FlowHarness.GitAsync(bare, "merge-base", "--is-ancestor", two.CommitSha!, three.CommitSha!);

        // The issue: 👀, one plan comment showing every task done with its cost; the pull request closes the issue.
        var github = flow.GitHub.GetIssue(FlowHarness.Repo, issue)!;
        Assert.Contains("eyes", github.Reactions);
        var plan = Assert.Single(github.Comments, c => c.Body.Contains($"gitbot:plan:{done.Plan.Id}", StringComparison.Ordinal));
        Assert.Equal(3, plan.Body.Split('\n').Count(l => l.StartsWith("- [x]", StringComparison.Ordinal)));
        Assert.Contains("```mermaid", plan.Body, StringComparison.Ordinal);
        Assert.Contains("$", plan.Body, StringComparison.Ordinal);

        // Each task's log link is signed and served by the node that ran it; the log holds the agent's stream.
        var link = LogLink().Match(plan.Body);
        Assert.True(link.Success, plan.Body);
        var logAnswer = await flow.Server.Client.GetAsync(link.Groups[1].Value);
        Assert.Equal(System.Net.HttpStatusCode.OK, logAnswer.StatusCode);
        Assert.Contains("\"type\":\"result\"", await logAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await flow.Server.Client.GetAsync(link.Groups[1].Value.Split('?')[0])).StatusCode);

        var pullBody = flow.GitHub.GetIssue(FlowHarness.Repo, pullNumber)!.Body!;
        Assert.Contains($"Closes #{issue}", pullBody, StringComparison.Ordinal);
        Assert.Empty(flow.GitHub.RejectedRequests);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(https://gitbot\.example(/plans/\d+/tasks/1/log\?sig=[0-9a-f]{32})\)")]
    private static partial System.Text.RegularExpressions.Regex LogLink();
}
