using GitBot.Core.Configuration;
using GitBot.GitHub.Clients;
using GitBot.Server.Tests.Plans;
using GitBot.Workflows.Plans;
using GitBot.Workflows.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace GitBot.Server.Tests.Reviews;

/// <summary>Merging only through the gate: real agents' checks, a human approval on the head, the head SHA passed to the merge.</summary>
public sealed class GateMergeTests
{
    private const string Config = """
        test_command: ["python3", "run_tests.py"]
        gate:
          auto_merge: true
          merge_method: merge
        """;

    [Fact]
    public async Task Auto_merge_waits_for_the_agents_and_a_write_approval_of_the_head_then_merges_that_head()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files(Config));
        h.GitHub.SetPermission(FlowHarness.Repo, "bob", "write");
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/7", new Dictionary<string, string>
        {
            ["widget.py"] = "COUNT = 3\nNAME = \"gadget\"\n",
        }, "Rename the widget", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/7", "main", "Rename the widget", "Closes #7", "alice", CancellationToken.None);

        var pending = await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate",
            g => g.OutputSummary?.Contains("needs 1 more approval", StringComparison.Ordinal) == true
                && !g.OutputSummary.Contains("has not", StringComparison.Ordinal));
        Assert.Equal("in_progress", pending.Status);
        foreach (var check in new[] { "gitbot/security", "gitbot/tests", "gitbot/judge" })
        {
            Assert.Equal("success", (await ReviewWait.ForCheckAsync(h.GitHub, head, check, c => c.Status == "completed")).Conclusion);
        }

        // A comment and the author's own approval merge nothing.
        await h.GitHub.SubmitReviewAsync(FlowHarness.Repo, number, "bob", "COMMENT", "LGTM", CancellationToken.None);
        await h.GitHub.SubmitReviewAsync(FlowHarness.Repo, number, "alice", "APPROVE", "Mine is fine", CancellationToken.None);
        await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate",
            g => g.OutputSummary?.Contains("alice's approval does not count", StringComparison.Ordinal) == true);
        Assert.False(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged);

        await h.GitHub.SubmitReviewAsync(FlowHarness.Repo, number, "bob", "APPROVE", "Ship it", CancellationToken.None);
        var deadline = DateTimeOffset.UtcNow + ReviewWait.Timeout;
        while (!h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var merged = h.GitHub.GetPullRequest(FlowHarness.Repo, number)!;
        Assert.True(merged.Merged, "the pull request was not merged after bob's approval");
        Assert.Equal("success", h.GitHub.GetCheckRuns(FlowHarness.Repo).Where(r => r.Name == "gitbot/gate" && r.HeadSha == head).MaxBy(r => r.Id)!.Conclusion);
        var parents = await FlowHarness.GitAsync(h.Repository.BareRepositoryPath, "rev-list", "--parents", "-n", "1", merged.MergeCommitSha!);
        Assert.Contains(head, parents, StringComparison.Ordinal);
        Assert.DoesNotContain(merged.Reviews, r => r.State == "APPROVED" && r.Author.EndsWith("[bot]", StringComparison.Ordinal));
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task A_push_between_the_gate_and_the_merge_means_no_merge()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: [security]\n"));
        var judged = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/8", new Dictionary<string, string> { ["a.txt"] = "a\n" }, "A", "alice",
            CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/8", "main", "A", "Closes #8", "alice", CancellationToken.None);
        var services = h.Server.App.Services;
        var client = services.GetRequiredService<GitHubClientFactory>().ForInstallation(h.Repository.InstallationId);
        var pull = (await client.PullRequests.GetAsync("octo", "widgets", number, CancellationToken.None)).Value;
        Assert.Equal(judged, pull.Head.Sha);

        // Someone pushes after the gate judged `judged` and before the merge request reaches GitHub.
        await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/8", new Dictionary<string, string> { ["a.txt"] = "sneaky\n" }, "B", "mallory",
            CancellationToken.None);
        var result = await services.GetRequiredService<GateMerger>().MergeAsync(client, RepositoryName.Parse(FlowHarness.Repo), pull,
            GateMergeMethod.Merge, CancellationToken.None);

        Assert.False(result.Merged);
        Assert.Equal(judged, result.HeadSha);
        Assert.Contains("Head branch was modified", result.Error, StringComparison.Ordinal);
        Assert.False(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged);
        Assert.Equal("a\n", await FlowHarness.GitAsync(h.Repository.BareRepositoryPath, "show", "gitbot/8~1:a.txt"));
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
