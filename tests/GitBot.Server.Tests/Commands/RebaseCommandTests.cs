using GitBot.Server.Tests.Plans;
using GitBot.Server.Tests.Reviews;

namespace GitBot.Server.Tests.Commands;

/// <summary>
/// <c>/agent rebase</c> end to end on the simulator with real git: the base is merged into GitBot's pull request branch
/// (a merge commit, pushed without force); a conflict pushes nothing and names the files; a human's pull request is refused.
/// </summary>
public sealed class RebaseCommandTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Rebase_merges_the_new_base_commits_into_the_head_and_a_second_one_has_nothing_to_do()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: []\n"));
        var main = h.Repository.DefaultBranch;
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/7", new Dictionary<string, string> { ["feature.txt"] = "from the task\n" },
            "Add the feature", "alice", None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/7", main, "Add the feature", "Closes #7", "alice", None);
        var mainTip = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, main, new Dictionary<string, string> { ["elsewhere.txt"] = "from main\n" },
            "Meanwhile on main", "alice", None);

        var rebase = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent rebase", "alice", None);
        var reply = await CommandWait.ForReplyAsync(h.GitHub, number, rebase.Id);
        await CommandWait.ForReactionAsync(h.GitHub, number, rebase.Id, "rocket");
        Assert.Contains($"Merged `{main}` into `gitbot/7`", reply.Body, StringComparison.Ordinal);
        Assert.Contains("never force-pushes", reply.Body, StringComparison.Ordinal);

        var bare = h.Repository.BareRepositoryPath;
        var newHead = (await FlowHarness.GitAsync(bare, "rev-parse", "refs/heads/gitbot/7")).Trim();
        Assert.NotEqual(head, newHead);
        Assert.Contains(newHead[..7], reply.Body, StringComparison.Ordinal);
        // A merge commit: the old head first, the base second. Both sides' files are in it.
        Assert.Equal($"{newHead} {head} {mainTip}", (await FlowHarness.GitAsync(bare, "rev-list", "--parents", "-n", "1", newHead)).Trim());
        var files = await FlowHarness.GitAsync(bare, "ls-tree", "--name-only", newHead);
        Assert.Contains("feature.txt", files, StringComparison.Ordinal);
        Assert.Contains("elsewhere.txt", files, StringComparison.Ordinal);
        Assert.Equal(mainTip, (await FlowHarness.GitAsync(bare, "rev-parse", $"refs/heads/{main}")).Trim());

        var again = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent rebase", "alice", None);
        Assert.Contains("Nothing to do", (await CommandWait.ForReplyAsync(h.GitHub, number, again.Id)).Body, StringComparison.Ordinal);
        await CommandWait.ForReactionAsync(h.GitHub, number, again.Id, "rocket");
        Assert.Equal(newHead, (await FlowHarness.GitAsync(bare, "rev-parse", "refs/heads/gitbot/7")).Trim());
        Assert.Empty(h.GitHub.RejectedRequests);
    }

    [Fact]
    public async Task Rebase_with_a_conflict_pushes_nothing_and_names_the_file_and_a_humans_pull_request_is_refused()
    {
        await using var h = await FlowHarness.StartAsync(ReviewScripts.Script(), ReviewScripts.Files("reviews:\n  agents: []\n"));
        var main = h.Repository.DefaultBranch;
        var bare = h.Repository.BareRepositoryPath;
        var head = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "gitbot/8", new Dictionary<string, string> { ["clash.txt"] = "the task's line\n" },
            "Task side", "alice", None);
        var number = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "gitbot/8", main, "Task side", "Closes #8", "alice", None);
        await h.GitHub.CommitFilesAsync(FlowHarness.Repo, main, new Dictionary<string, string> { ["clash.txt"] = "main's line\n" }, "Main side", "alice", None);

        var rebase = await h.GitHub.CommentAsync(FlowHarness.Repo, number, "/agent rebase", "alice", None);
        var reply = await CommandWait.ForReplyAsync(h.GitHub, number, rebase.Id);
        await CommandWait.ForReactionAsync(h.GitHub, number, rebase.Id, "confused");
        Assert.Contains("conflicts in: `clash.txt`", reply.Body, StringComparison.Ordinal);
        Assert.Contains("needs a human", reply.Body, StringComparison.Ordinal);
        Assert.Contains("Nothing was pushed", reply.Body, StringComparison.Ordinal);
        Assert.Equal(head, (await FlowHarness.GitAsync(bare, "rev-parse", "refs/heads/gitbot/8")).Trim());

        var human = await h.GitHub.CommitFilesAsync(FlowHarness.Repo, "feature/mine", new Dictionary<string, string> { ["mine.txt"] = "mine\n" }, "Mine", "alice", None);
        var humanPull = await h.GitHub.OpenPullRequestAsync(FlowHarness.Repo, "feature/mine", main, "Mine", null, "alice", None);
        var refused = await h.GitHub.CommentAsync(FlowHarness.Repo, humanPull, "/agent rebase", "alice", None);
        var refusal = await CommandWait.ForReplyAsync(h.GitHub, humanPull, refused.Id);
        await CommandWait.ForReactionAsync(h.GitHub, humanPull, refused.Id, "confused");
        Assert.Contains("Rebase works on GitBot's pull requests", refusal.Body, StringComparison.Ordinal);
        Assert.Equal(human, (await FlowHarness.GitAsync(bare, "rev-parse", "refs/heads/feature/mine")).Trim());

        // On an issue there is no branch to update.
        var issue = await h.GitHub.OpenIssueAsync(FlowHarness.Repo, "Some issue", "text", "alice", [], None);
        var onIssue = await h.GitHub.CommentAsync(FlowHarness.Repo, issue, "/agent rebase", "alice", None);
        Assert.Contains("Rebase works on GitBot's pull requests", (await CommandWait.ForReplyAsync(h.GitHub, issue, onIssue.Id)).Body, StringComparison.Ordinal);
        Assert.Empty(h.GitHub.RejectedRequests);
    }
}
