using System.Text.Json;
using GitBot.GitHub.Webhooks.Models;
using GitBot.GitHub.Webhooks.Payloads;

namespace GitBot.GitHub.Tests.Webhooks;

/// <summary><c>issues</c> and <c>issue_comment</c>: what label triggers and <c>/agent</c> commands read.</summary>
public sealed class IssuePayloadTests
{
    public static TheoryData<string, int> IssuesExamples => WebhookExamples.Cases(IssuesEvent.EventName);

    public static TheoryData<string, int> IssueCommentExamples => WebhookExamples.Cases(IssueCommentEvent.EventName);

    [Theory]
    [MemberData(nameof(IssuesExamples))]
    public void Issues_example_exposes_issue_and_label(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<IssuesEvent>(eventName, index);

        AssertIssue(root, e.Issue);
        var action = Expect.Present(root, "action").GetString();
        if (action is "labeled" or "unlabeled")
        {
            Assert.NotNull(e.Label);
            Assert.NotEmpty(e.Label.Name);
        }

        Expect.String(root, "label.name", e.Label?.Name);
        Expect.Long(root, "label.id", e.Label?.Id);
    }

    [Theory]
    [MemberData(nameof(IssueCommentExamples))]
    public void Issue_comment_example_exposes_comment_and_issue(string eventName, int index)
    {
        using var document = WebhookExamples.Document(eventName, index);
        var root = document.RootElement;

        var e = WebhookExamples.Parse<IssueCommentEvent>(eventName, index);

        AssertIssue(root, e.Issue);
        Assert.True(e.Comment.Id > 0);
        Assert.NotEmpty(e.Comment.Body);
        Assert.NotEmpty(e.Comment.AuthorAssociation);
        Assert.NotEqual(default, e.Comment.CreatedAt);
        Expect.Long(root, "comment.id", e.Comment.Id);
        Expect.String(root, "comment.body", e.Comment.Body);
        Expect.User(root, "comment.user", e.Comment.User);
        Expect.String(root, "comment.author_association", e.Comment.AuthorAssociation);
        Expect.Date(root, "comment.created_at", e.Comment.CreatedAt);
        Expect.Date(root, "comment.updated_at", e.Comment.UpdatedAt);
    }

    private static void AssertIssue(JsonElement root, Issue issue)
    {
        Assert.True(issue.Number > 0);
        Assert.True(issue.Id > 0);
        Assert.NotEmpty(issue.Title);
        Expect.Long(root, "issue.id", issue.Id);
        Expect.Long(root, "issue.number", issue.Number);
        Expect.String(root, "issue.title", issue.Title);
        Expect.String(root, "issue.body", issue.Body);
        Expect.String(root, "issue.state", issue.State);
        Expect.User(root, "issue.user", issue.User);
        Expect.Labels(root, "issue.labels", issue.Labels);
        Expect.String(root, "issue.author_association", issue.AuthorAssociation);
        Assert.Equal(Expect.At(root, "issue.pull_request") is not null, issue.IsPullRequest);
        Expect.String(root, "issue.pull_request.url", issue.PullRequest?.Url);
    }
}
