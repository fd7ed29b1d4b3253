using GitBot.Server.Tests.Plans;
using GitBot.Simulator.ModelServer;
using GitBot.Workflows.Feedback;

namespace GitBot.Server.Tests.Feedback;

/// <summary>A push to the pull request's branch while the agent works: GitBot's push is refused, never forced, and reported.</summary>
public sealed class FeedbackBranchMovedTests
{
    [Fact]
    public async Task Branch_moved_during_the_run_is_reported_and_the_newer_commit_is_kept()
    {
        var script = new ModelScript(ModelScript.When(FeedbackPromptBuilder.Heading,
            ModelStep.Read(FeedbackFlow.File), ModelStep.Bash("sleep 4"), ModelStep.Edit(FeedbackFlow.File, "wrold", "world"), ModelStep.Text("Fixed.")));
        await using var flow = await FlowHarness.StartAsync(script, new Dictionary<string, string> { [".github/gitbot.yml"] = "limits:\n  task_timeout: 3m\n" });
        var pull = await FeedbackFlow.OpenPullAsync(flow);

        var reviewId = await flow.GitHub.SubmitReviewAsync(FlowHarness.Repo, pull.Number, "alice", "REQUEST_CHANGES", FeedbackFlow.ReviewBody, CancellationToken.None);
        await FeedbackFlow.UntilAsync(() => Task.FromResult(FeedbackFlow.Reply(flow, pull.Number, reviewId) is not null), "GitBot's working reply");

        // Someone pushes to the branch while the agent works.
        var theirs = await flow.GitHub.CommitFilesAsync(FlowHarness.Repo, pull.Branch, new Dictionary<string, string> { ["other.txt"] = "mine\n" }, "Human change", "alice", CancellationToken.None);
        await flow.GitHub.NotifyPushAsync(FlowHarness.Repo, pull.Branch, "alice", CancellationToken.None);

        var reply = await FeedbackFlow.WaitForReplyAsync(flow, pull.Number, reviewId);
        Assert.Contains("moved while it worked", reply.Body, StringComparison.Ordinal);
        Assert.Equal(1, FeedbackFlow.Conversations(flow));
        var bare = flow.Repository.BareRepositoryPath;
        Assert.Equal(theirs, (await FlowHarness.GitAsync(bare, "rev-parse", $"refs/heads/{pull.Branch}")).Trim());
        Assert.Equal(theirs, flow.GitHub.GetPullRequest(FlowHarness.Repo, pull.Number)!.HeadSha);
        Assert.Equal(FeedbackFlow.Typo, await FlowHarness.GitAsync(bare, "show", $"{theirs}:{FeedbackFlow.File}"));
        Assert.DoesNotContain(flow.GitHub.GitRequests, r => r.Service == "git-receive-pack" && r.UpdatedRefs.Count > 0);
    }
}
