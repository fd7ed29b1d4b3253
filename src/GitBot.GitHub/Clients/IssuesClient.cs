using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Issues, their comments, reactions and labels.</summary>
public sealed class IssuesClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    public Task<GitHubResult<GitHubIssue>> GetAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken) =>
        connection.GetAsync(GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}", owner, repo, issueNumber), credentials, Json.GitHubIssue, cancellationToken);

    /// <summary>Every comment of an issue or pull request conversation, oldest first, across all pages.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubIssueComment>>> ListCommentsAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, issueNumber).WithQuery("per_page", 100),
            credentials, Json.ListGitHubIssueComment, cancellationToken);

    public Task<GitHubResult<GitHubIssueComment>> CreateCommentAsync(string owner, string repo, int issueNumber, string body, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, issueNumber),
            new CommentBody(body), Json.CommentBody, credentials, Json.GitHubIssueComment, cancellationToken);

    public Task<GitHubResult<GitHubIssueComment>> UpdateCommentAsync(string owner, string repo, long commentId, string body, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Patch, GitHubRoute.Create("repos/{owner}/{repo}/issues/comments/{comment_id}", owner, repo, commentId),
            new CommentBody(body), Json.CommentBody, credentials, Json.GitHubIssueComment, cancellationToken);

    /// <summary>Reacts to an issue or pull request; reacting twice with the same content returns the existing reaction.</summary>
    public Task<GitHubResult<GitHubReaction>> AddReactionAsync(string owner, string repo, int issueNumber, ReactionContent content, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/reactions", owner, repo, issueNumber),
            new ReactionBody(content), Json.ReactionBody, credentials, Json.GitHubReaction, cancellationToken);

    public Task<GitHubResult<GitHubReaction>> AddCommentReactionAsync(string owner, string repo, long commentId, ReactionContent content, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", owner, repo, commentId),
            new ReactionBody(content), Json.ReactionBody, credentials, Json.GitHubReaction, cancellationToken);

    /// <summary>Adds labels (creating unknown ones); answers with every label now on the issue.</summary>
    public Task<GitHubResult<List<GitHubLabel>>> AddLabelsAsync(string owner, string repo, int issueNumber, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/labels", owner, repo, issueNumber),
            new LabelsBody(labels), Json.LabelsBody, credentials, Json.ListGitHubLabel, cancellationToken);

    /// <summary>Removes one label; a label that is not on the issue is a <see cref="GitHubErrorKind.NotFound"/>.</summary>
    public Task<GitHubResult<bool>> RemoveLabelAsync(string owner, string repo, int issueNumber, string label, CancellationToken cancellationToken) =>
        connection.SendWithoutAnswerAsync(HttpMethod.Delete, GitHubRoute.Create("repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", owner, repo, issueNumber, label),
            null, credentials, cancellationToken);
}
