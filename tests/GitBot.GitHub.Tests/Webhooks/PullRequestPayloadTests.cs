using System.Text.Json;
using GitBot.GitHub.Webhooks.Models;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary>
/// <c>pull_request</c>, <c>pull_request_review</c> and <c>pull_request_review_comment</c>: what PR handling and the
/// merge gate read (head/base commits, draft and merged state, review state and commit).
/// </summary>
public sealed class PullRequestPayloadTests
{
    public static TheoryData<string, int> PullRequestExamples => WebhookExamples.Cases(PullRequestEvent.EventName);

    public static TheoryData<string, int> ReviewExamples => WebhookExamples.Cases(PullRequestReviewEvent.EventName);

    public static TheoryData<string, int> ReviewCommentExamples =>
        WebhookExamples.Cases(PullRequestReviewCommentEvent.EventName);

    [Theory]
    [MemberData(nameof(PullRequestExamples))]
    public void Pull_request_example_exposes_pull_request_and_label(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<PullRequestEvent>(eventName, index);

        AssertPullRequest(root, e.PullRequest);
        var action = Expect.Present(root, "action").GetString();
        if (action is "labeled" or "unlabeled")
        {
            Assert.NotNull(e.Label);
            Assert.NotEmpty(e.Label.Name);
        }

        if (action == "synchronize")
        {
            Expect.Sha(e.Before);
            Expect.Sha(e.After);
        }

        Expect.String(root, "label.name", e.Label?.Name);
        Expect.String(root, "before", e.Before);
        Expect.String(root, "after", e.After);
    }

    [Theory]
    [MemberData(nameof(ReviewExamples))]
    public void Review_example_exposes_review_state_and_commit(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<PullRequestReviewEvent>(eventName, index);

        AssertPullRequest(root, e.PullRequest);
        Assert.True(e.Review.Id > 0);
        Assert.NotEmpty(e.Review.State);
        Expect.Sha(e.Review.CommitId);
        Expect.Long(root, "review.id", e.Review.Id);
        Expect.String(root, "review.state", e.Review.State);
        Expect.String(root, "review.body", e.Review.Body);
        Expect.String(root, "review.commit_id", e.Review.CommitId);
        Expect.User(root, "review.user", e.Review.User);
        Expect.String(root, "review.author_association", e.Review.AuthorAssociation);
        Expect.Date(root, "review.submitted_at", e.Review.SubmittedAt);
        if (Expect.Present(root, "action").GetString() == "dismissed")
        {
            Assert.Equal("dismissed", e.Review.State);
        }
    }

    [Theory]
    [MemberData(nameof(ReviewCommentExamples))]
    public void Review_comment_example_exposes_comment_position(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<PullRequestReviewCommentEvent>(eventName, index);

        AssertPullRequest(root, e.PullRequest);
        var comment = e.Comment;
        Assert.True(comment.Id > 0);
        Assert.NotEmpty(comment.Body);
        Assert.NotEmpty(comment.Path);
        Expect.Sha(comment.CommitId);
        Expect.Long(root, "comment.id", comment.Id);
        Expect.String(root, "comment.body", comment.Body);
        Expect.User(root, "comment.user", comment.User);
        Expect.String(root, "comment.author_association", comment.AuthorAssociation);
        Expect.Date(root, "comment.created_at", comment.CreatedAt);
        Expect.String(root, "comment.path", comment.Path);
        Expect.String(root, "comment.commit_id", comment.CommitId);
        Expect.Long(root, "comment.pull_request_review_id", comment.PullRequestReviewId);
        Expect.Long(root, "comment.in_reply_to_id", comment.InReplyToId);
        Expect.Long(root, "comment.line", comment.Line);
        Expect.Long(root, "comment.position", comment.Position);
        Expect.String(root, "comment.diff_hunk", comment.DiffHunk);
    }

    private static void AssertPullRequest(JsonElement root, PullRequest pr)
    {
        Assert.True(pr.Number > 0);
        Assert.True(pr.Id > 0);
        Assert.NotEmpty(pr.Title);
        Assert.Contains(pr.State, new[] { "open", "closed" });
        Expect.Long(root, "pull_request.id", pr.Id);
        Expect.Long(root, "pull_request.number", pr.Number);
        Expect.String(root, "pull_request.title", pr.Title);
        Expect.String(root, "pull_request.body", pr.Body);
        Expect.String(root, "pull_request.state", pr.State);
        Assert.Equal(Expect.At(root, "pull_request.draft")?.GetBoolean() ?? false, pr.Draft);
        Expect.Bool(root, "pull_request.merged", pr.Merged);
        Expect.Date(root, "pull_request.merged_at", pr.MergedAt);
        Expect.String(root, "pull_request.merge_commit_sha", pr.MergeCommitSha);
        Expect.User(root, "pull_request.user", pr.User);
        Expect.Labels(root, "pull_request.labels", pr.Labels);
        AssertBranch(root, "pull_request.head", pr.Head);
        AssertBranch(root, "pull_request.base", pr.Base);
    }

    private static void AssertBranch(JsonElement root, string path, PullRequestBranch branch)
    {
        Assert.NotEmpty(branch.Ref);
        Expect.Sha(branch.Sha);
        Expect.String(root, path + ".ref", branch.Ref);
        Expect.String(root, path + ".sha", branch.Sha);
        Expect.String(root, path + ".label", branch.Label);
        Expect.Repository(root, path + ".repo", branch.Repo);
        Expect.Bool(root, path + ".repo.fork", branch.Repo?.Fork);
    }
}
