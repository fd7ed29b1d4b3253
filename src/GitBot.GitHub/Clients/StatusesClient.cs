using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Commit statuses.</summary>
public sealed class StatusesClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    public Task<GitHubResult<GitHubCommitStatus>> CreateAsync(string owner, string repo, string sha, CreateCommitStatusRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/statuses/{sha}", owner, repo, sha),
            request, Json.CreateCommitStatusRequest, credentials, Json.GitHubCommitStatus, cancellationToken);

    /// <summary>Every commit status on <paramref name="gitRef"/> (newest first, all contexts, with their creators), across all pages.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubCommitStatusListing>>> ListForRefAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/commits/{ref}/statuses", owner, repo, gitRef).WithQuery("per_page", 100),
            credentials, Json.ListGitHubCommitStatusListing, cancellationToken);
}
