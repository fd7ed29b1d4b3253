using GitBot.Core.Plans;

namespace GitBot.Server.Tests.Plans;

/// <summary>Two independent tasks that write the same file: one merges, the other needs a human; no markers are committed.</summary>
public sealed class MergeConflictTests
{
    [Fact]
    public async Task Conflicting_independent_tasks_leave_one_needing_a_human_and_no_conflict_markers()
    {
        // Each task writes its own prompt (which names the task) into shared.txt: the same file, different content.
        await using var flow = await FlowHarness.StartAsync(FailureFlow.NoModel(), FailureFlow.CommandConfig(
            "cat > shared.txt", "max_retries: 0"));

        var issue = await flow.GitHub.OpenIssueAsync(FlowHarness.Repo, "Shared", "- [ ] Write shared one\n- [ ] Write shared two\n", "alice", ["agent"], CancellationToken.None);
        var done = await flow.WaitForPlanAsync(issue, p => p.Plan.IsFinished, TimeSpan.FromSeconds(50));

        Assert.Equal(2, done.Tasks.Count);
        var succeeded = Assert.Single(done.Tasks, t => t.State == TaskState.Succeeded);
        var human = Assert.Single(done.Tasks, t => t.State == TaskState.NeedsHuman);
        Assert.Contains("shared.txt", human.Reason ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(succeeded.CommitSha);

        var github = FailureFlow.Issue(flow, issue);
        var report = Assert.Single(github.Comments, c => c.Body.Contains("gitbot:report:", StringComparison.Ordinal));
        Assert.Contains("shared.txt", report.Body, StringComparison.Ordinal);

        var bare = flow.Repository.BareRepositoryPath;
        var branch = "gitbot/" + issue;
        var shared = await FlowHarness.GitAsync(bare, "show", branch + ":shared.txt");
        Assert.DoesNotContain("<<<<<<<", shared, StringComparison.Ordinal);
        var history = await FlowHarness.GitAsync(bare, "log", "-p", "main.." + branch);
        Assert.DoesNotContain("<<<<<<<", history, StringComparison.Ordinal);
        Assert.DoesNotContain(">>>>>>>", history, StringComparison.Ordinal);
    }
}
