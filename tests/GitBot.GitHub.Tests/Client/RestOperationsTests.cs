using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Tests.Client;

/// <summary>Every typed operation against the simulator, which validates each request against GitHub's OpenAPI description.</summary>
public sealed class RestOperationsTests
{
    private const string O = GitHubHarness.Owner;
    private const string R = GitHubHarness.Repo;

    [Fact]
    public async Task Issues_comments_reactions_and_labels()
    {
        await using var h = await GitHubHarness.StartAsync();
        var number = await h.Simulator.OpenIssueAsync(GitHubHarness.FullName, "Add a widget", "- [ ] widget", "alice", null, CancellationToken.None);
        var issues = h.Client.Issues;

        var issue = await issues.GetAsync(O, R, number, CancellationToken.None);
        var comment = await issues.CreateCommentAsync(O, R, number, "Planning…", CancellationToken.None);
        var updated = await issues.UpdateCommentAsync(O, R, comment.Value.Id, "Plan: 1 task", CancellationToken.None);
        var listed = await issues.ListCommentsAsync(O, R, number, CancellationToken.None);
        var reaction = await issues.AddReactionAsync(O, R, number, ReactionContent.Eyes, CancellationToken.None);
        var commentReaction = await issues.AddCommentReactionAsync(O, R, comment.Value.Id, ReactionContent.PlusOne, CancellationToken.None);
        var labels = await issues.AddLabelsAsync(O, R, number, ["agent", "agent:backend"], CancellationToken.None);
        var removed = await issues.RemoveLabelAsync(O, R, number, "agent", CancellationToken.None);
        var removedAgain = await issues.RemoveLabelAsync(O, R, number, "agent", CancellationToken.None);

        Assert.Equal("Add a widget", issue.Value.Title);
        Assert.Equal("alice", issue.Value.User!.Login);
        Assert.Null(issue.Value.PullRequest);
        Assert.Equal("Plan: 1 task", updated.Value.Body);
        Assert.Equal(h.Simulator.App.BotLogin, updated.Value.User!.Login);
        Assert.Equal(["Plan: 1 task"], listed.Value.Select(c => c.Body));
        Assert.Equal("eyes", reaction.Value.Content);
        Assert.Equal("+1", commentReaction.Value.Content);
        Assert.Equal(["agent", "agent:backend"], labels.Value.Select(l => l.Name).Order());
        Assert.True(removed.Value);
        Assert.Equal(GitHubErrorKind.NotFound, removedAgain.Error!.Kind);

        var state = h.Simulator.GetIssue(GitHubHarness.FullName, number)!;
        Assert.Equal(["agent:backend"], state.Labels);
        Assert.Contains("eyes", state.Reactions);
        Assert.Contains("+1", Assert.Single(state.Comments).Reactions);
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Pull_requests_reviews_and_merge_with_sha()
    {
        await using var h = await GitHubHarness.StartAsync();
        await BranchPusher.PushAsync(h.Repository.BareRepositoryPath, "gitbot/1", new Dictionary<string, string> { ["src/widget.txt"] = "one\ntwo\n" });
        var pulls = h.Client.PullRequests;
        var reviews = h.Client.Reviews;

        // Opened by a person (pulls/create is covered by the check-run test): GitHub refuses a change request from a pull
        // request's own author, and this review is the App's.
        var number = await h.Simulator.OpenPullRequestAsync(GitHubHarness.FullName, "gitbot/1", "main", "Add a widget", "Closes #1", "alice",
            CancellationToken.None);
        var fetched = await pulls.GetAsync(O, R, number, CancellationToken.None);
        var edited = await pulls.UpdateAsync(O, R, number, new UpdatePullRequestRequest(Title: "Add a widget (1 task)"), CancellationToken.None);
        var files = await pulls.ListFilesAsync(O, R, number, CancellationToken.None);
        var byHead = await pulls.ListAsync(O, R, $"{O}:gitbot/1", "open", CancellationToken.None);
        var headSha = fetched.Value.Head.Sha;

        var review = await reviews.CreateAsync(O, R, number, new CreateReviewRequest(ReviewEvent.RequestChanges, "Two problems.", headSha,
            [new ReviewCommentDraft("src/widget.txt", "Spell it out.", Line: 2, Side: DiffSide.Right)]), CancellationToken.None);
        Assert.True(review.IsSuccess, review.ToString());
        var listedReviews = await reviews.ListAsync(O, R, number, CancellationToken.None);
        var dismissed = await reviews.DismissAsync(O, R, number, review.Value.Id, "Fixed by the agent", CancellationToken.None);

        var staleMerge = await pulls.MergeAsync(O, R, number, new MergePullRequestRequest(new string('0', 40)), CancellationToken.None);
        var merged = await pulls.MergeAsync(O, R, number, new MergePullRequestRequest(headSha, MergeMethod.Squash), CancellationToken.None);

        Assert.Equal("gitbot/1", fetched.Value.Head.Ref);
        Assert.Equal("main", fetched.Value.Base.Ref);
        Assert.Equal("Add a widget (1 task)", edited.Value.Title);
        Assert.Equal("src/widget.txt", Assert.Single(files.Value).Filename);
        Assert.Equal(number, Assert.Single(byHead.Value).Number);
        Assert.Equal("CHANGES_REQUESTED", review.Value.State);
        Assert.Equal(headSha, review.Value.CommitId);
        Assert.Equal(review.Value.Id, Assert.Single(listedReviews.Value).Id);
        Assert.Equal("DISMISSED", dismissed.Value.State);
        Assert.False(staleMerge.IsSuccess);
        Assert.Contains(staleMerge.Error.Kind, new[] { GitHubErrorKind.Conflict, GitHubErrorKind.MethodNotAllowed });
        Assert.True(merged.IsSuccess, merged.ToString());
        Assert.True(merged.Value.Merged);

        var state = h.Simulator.GetPullRequest(GitHubHarness.FullName, number)!;
        Assert.True(state.Merged);
        Assert.Equal(("src/widget.txt", 2), (Assert.Single(Assert.Single(state.Reviews).Comments).Path, state.Reviews[0].Comments[0].Line));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Check_runs_and_commit_statuses()
    {
        await using var h = await GitHubHarness.StartAsync();
        await BranchPusher.PushAsync(h.Repository.BareRepositoryPath, "gitbot/2", new Dictionary<string, string> { ["a.txt"] = "a\n" });
        var pull = await h.Client.PullRequests.CreateAsync(O, R, new CreatePullRequestRequest("Checks", "gitbot/2", "main"), CancellationToken.None);
        var sha = pull.Value.Head.Sha;
        var started = h.Time.GetUtcNow();

        var run = await h.Client.Checks.CreateAsync(O, R, new CreateCheckRunRequest("gitbot/gate", sha, CheckRunStatus.InProgress, StartedAt: started,
            Output: new CheckRunOutput("Waiting", "Needs 1 human approval")), CancellationToken.None);
        Assert.True(run.IsSuccess, run.ToString());
        var done = await h.Client.Checks.UpdateAsync(O, R, run.Value.Id, new UpdateCheckRunRequest(CheckRunStatus.Completed, CheckRunConclusion.Success,
            CompletedAt: started.AddMinutes(1), Output: new CheckRunOutput("Ready", "Approved by a human",
                Annotations: [new CheckRunAnnotation("a.txt", 1, 1, AnnotationLevel.Notice, "looks fine")])), CancellationToken.None);
        var status = await h.Client.Statuses.CreateAsync(O, R, sha, new CreateCommitStatusRequest(CommitState.Pending, "gitbot/tests", "Running", "https://example.com/log"), CancellationToken.None);

        Assert.True(done.IsSuccess, done.ToString());
        Assert.Equal("completed", done.Value.Status);
        Assert.Equal("success", done.Value.Conclusion);
        Assert.Equal("pending", status.Value.State);
        var simRun = Assert.Single(h.Simulator.GetCheckRuns(GitHubHarness.FullName));
        Assert.Equal(("gitbot/gate", "completed", "success"), (simRun.Name, simRun.Status, simRun.Conclusion));
        var simStatus = Assert.Single(h.Simulator.GetCommitStatuses(GitHubHarness.FullName));
        Assert.Equal((sha, "pending", "gitbot/tests"), (simStatus.Sha, simStatus.State, simStatus.Context));
        Assert.Empty(h.Simulator.RejectedRequests);
    }

    [Fact]
    public async Task Collaborator_permission_contents_workflow_dispatch_and_installation_repositories()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Simulator.SetPermission(GitHubHarness.FullName, "bob", "write");
        h.Simulator.SetPermission(GitHubHarness.FullName, "carol", "read");
        await BranchPusher.PushAsync(h.Repository.BareRepositoryPath, "ci", new Dictionary<string, string>
        {
            [".github/workflows/gitbot.yml"] = "on: workflow_dispatch\njobs: {}\n",
        });

        var bob = await h.Client.Collaborators.GetPermissionAsync(O, R, "bob", CancellationToken.None);
        var carol = await h.Client.Collaborators.GetPermissionAsync(O, R, "carol", CancellationToken.None);
        var readme = await h.Client.Contents.GetFileAsync(O, R, "README.md", null, CancellationToken.None);
        var workflow = await h.Client.Contents.GetFileAsync(O, R, ".github/workflows/gitbot.yml", "ci", CancellationToken.None);
        var missing = await h.Client.Contents.GetFileAsync(O, R, "nope/missing.txt", null, CancellationToken.None);
        var dispatched = await h.Client.Actions.DispatchWorkflowAsync(O, R, "gitbot.yml",
            new WorkflowDispatchRequest("ci", new Dictionary<string, string> { ["task"] = "42" }), CancellationToken.None);
        var repos = await h.Client.Installation.ListRepositoriesAsync(CancellationToken.None);

        Assert.True(bob.Value.CanWrite);
        Assert.Equal("write", bob.Value.Permission);
        Assert.False(carol.Value.CanWrite);
        Assert.Contains("# repo", readme.Value.DecodeText(), StringComparison.Ordinal);
        Assert.Equal("on: workflow_dispatch\njobs: {}\n", workflow.Value.DecodeText());
        Assert.Equal(GitHubErrorKind.NotFound, missing.Error!.Kind);
        Assert.True(dispatched.IsSuccess, dispatched.ToString());
        var dispatch = Assert.Single(h.Simulator.GetWorkflowDispatches(GitHubHarness.FullName));
        Assert.Equal(("gitbot.yml", "ci", "42"), (dispatch.WorkflowId, dispatch.Ref, dispatch.Inputs["task"]));
        Assert.Equal(GitHubHarness.FullName, Assert.Single(repos.Value).FullName);
        Assert.Empty(h.Simulator.RejectedRequests);
    }
}
