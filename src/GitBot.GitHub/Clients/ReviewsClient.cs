using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Pull request reviews: submit (with inline comments), list, list their inline comments, dismiss.</summary>
public sealed class ReviewsClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary>Submits a review in one call (never left pending, because <see cref="CreateReviewRequest.Event"/> is always sent).</summary>
    public Task<GitHubResult<GitHubReview>> CreateAsync(string owner, string repo, int pullNumber, CreateReviewRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/reviews", owner, repo, pullNumber),
            request, Json.CreateReviewRequest, credentials, Json.GitHubReview, cancellationToken);

    /// <summary>Every review of the pull request, oldest first.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubReview>>> ListAsync(string owner, string repo, int pullNumber, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/reviews", owner, repo, pullNumber).WithQuery("per_page", 100),
            credentials, Json.ListGitHubReview, cancellationToken);

    /// <summary>The inline comments of one review, across all pages.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubReviewComment>>> ListCommentsAsync(string owner, string repo, int pullNumber, long reviewId, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments", owner, repo, pullNumber, reviewId).WithQuery("per_page", 100),
            credentials, Json.ListGitHubReviewComment, cancellationToken);

    /// <summary>Every inline review comment on the pull request, oldest first, across all pages.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubReviewComment>>> ListPullRequestCommentsAsync(string owner, string repo, int pullNumber, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/comments", owner, repo, pullNumber).WithQuery("per_page", 100),
            credentials, Json.ListGitHubReviewComment, cancellationToken);

    public Task<GitHubResult<GitHubReview>> DismissAsync(string owner, string repo, int pullNumber, long reviewId, string message, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Put, GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals", owner, repo, pullNumber, reviewId),
            new DismissReviewBody(message, "DISMISS"), Json.DismissReviewBody, credentials, Json.GitHubReview, cancellationToken);
}
