using System.Text;
using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Pull requests: create, read (JSON or diff), edit, list files, merge.</summary>
public sealed class PullRequestsClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    /// <summary>The media type that asks GitHub for a pull request's diff.</summary>
    public const string DiffMediaType = "application/vnd.github.diff";

    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    public Task<GitHubResult<GitHubPullRequest>> CreateAsync(string owner, string repo, CreatePullRequestRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/pulls", owner, repo),
            request, Json.CreatePullRequestRequest, credentials, Json.GitHubPullRequest, cancellationToken);

    public Task<GitHubResult<GitHubPullRequest>> GetAsync(string owner, string repo, int pullNumber, CancellationToken cancellationToken) =>
        connection.GetAsync(GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, pullNumber), credentials, Json.GitHubPullRequest, cancellationToken);

    /// <summary>
    /// The pull request's unified diff as GitHub renders it (<c>application/vnd.github.diff</c>: merge base to head, renames
    /// detected). A diff GitHub deems too large (over 20,000 lines, 1 MB or 300 files) fails with status 406 and GitHub's
    /// message; <see cref="ListFilesAsync"/> still works then.
    /// </summary>
    public async Task<GitHubResult<string>> GetDiffAsync(string owner, string repo, int pullNumber, CancellationToken cancellationToken) =>
        (await connection.GetMediaAsync(GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, pullNumber), DiffMediaType,
            credentials, cancellationToken)).Map(response => Encoding.UTF8.GetString(response.Body));

    /// <summary>Pull requests of a repository; <paramref name="head"/> (<c>owner:branch</c>) finds the one for a branch.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubPullRequest>>> ListAsync(string owner, string repo, string? head, string? state, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/pulls", owner, repo).WithQuery("head", head).WithQuery("state", state).WithQuery("per_page", 100),
            credentials, Json.ListGitHubPullRequest, cancellationToken);

    public Task<GitHubResult<GitHubPullRequest>> UpdateAsync(string owner, string repo, int pullNumber, UpdatePullRequestRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Patch, GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, pullNumber),
            request, Json.UpdatePullRequestRequest, credentials, Json.GitHubPullRequest, cancellationToken);

    /// <summary>Every file the pull request changes, across all pages (GitHub stops at 3000).</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubPullRequestFile>>> ListFilesAsync(string owner, string repo, int pullNumber, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/files", owner, repo, pullNumber).WithQuery("per_page", 100),
            credentials, Json.ListGitHubPullRequestFile, cancellationToken);

    /// <summary>
    /// Merges only if the head is still <see cref="MergePullRequestRequest.Sha"/> (409 <see cref="GitHubErrorKind.Conflict"/>
    /// otherwise); 405 <see cref="GitHubErrorKind.MethodNotAllowed"/> means GitHub considers it not mergeable.
    /// </summary>
    public Task<GitHubResult<GitHubMergeResult>> MergeAsync(string owner, string repo, int pullNumber, MergePullRequestRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Put, GitHubRoute.Create("repos/{owner}/{repo}/pulls/{pull_number}/merge", owner, repo, pullNumber),
            request, Json.MergePullRequestRequest, credentials, Json.GitHubMergeResult, cancellationToken);
}
