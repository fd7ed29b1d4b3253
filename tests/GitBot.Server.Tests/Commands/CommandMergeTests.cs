using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;

namespace GitBot.Server.Tests.Commands;

/// <summary><c>/agent merge</c> merges only through the gate: with the gate pending it says what is missing and merges nothing.</summary>
public sealed class CommandMergeTests
{
    [Fact]
    public async Task Merge_with_the_gate_pending_says_what_is_missing_then_after_a_writers_approval_merges_the_head()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: [security]\ngate:\n  merge_method: merge\n"));
        h.GitHub.SetPermission(FlowHarness.Repo, "bob", "write");
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/7", new Dictionary<string, string> { ["widget.py"] = "COUNT = 3\nNAME = \"gadget\"\n" },
            "Rename the widget", "alice", CancellationToken.None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/7", h.Repository.DefaultBranch, "Rename the widget", "Closes #7", "alice",
            CancellationToken.None);
        Assert.Equal("success", (await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/security", c => c.Status == "completed")).Conclusion);

        var early = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent merge", "bob", CancellationToken.None);
        var refused = await CommandWait.ForReplyAsync(h.GitHub, number, early.Id);
        Assert.Contains("Not merged", refused.Body, StringComparison.Ordinal);
        Assert.Contains("Missing:", refused.Body, StringComparison.Ordinal);
        Assert.Contains("approval", refused.Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(h.GitHub, number, early.Id, "confused");
        Assert.False(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged);

        await h.GitHub.SubmitReviewAsync(FlowHarness.Repo, number, "bob", "APPROVE", "Ship it", CancellationToken.None);
        await ReviewWait.ForCheckAsync(h.GitHub, head, "gitbot/gate", g => g.Conclusion == "success");
        Assert.False(h.GitHub.GetPullRequest(FlowHarness.Repo, number)!.Merged);

        var merge = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent merge", "alice", CancellationToken.None);
        var merged = await CommandWait.ForReplyAsync(h.GitHub, number, merge.Id);
        var pull = h.GitHub.GetPullRequest(FlowHarness.Repo, number)!;
        Assert.True(pull.Merged, merged.Body);
        Assert.Contains(pull.MergeCommitSha!, merged.Body, StringComparison.Ordinal);
        Assert.Contains(head[..7], merged.Body, StringComparison.Ordinal);
        var parents = await FlowHarness.GitAsync(h.Repository.BareRepositoryPath, "rev-list", "--parents", "-n", "1", pull.MergeCommitSha!);
        Assert.Contains(head, parents, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(h.GitHub, number, merge.Id, "rocket");
        Assert.DoesNotContain(pull.Reviews, r => r.State == "APPROVED" && r.Author.EndsWith("[bot]", StringComparison.Ordinal));
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
