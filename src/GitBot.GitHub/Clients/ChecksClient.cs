using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Check runs (App mode only: GitHub refuses check runs from other tokens).</summary>
public sealed class ChecksClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    public Task<GitHubResult<GitHubCheckRun>> CreateAsync(string owner, string repo, CreateCheckRunRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Post, GitHubRoute.Create("repos/{owner}/{repo}/check-runs", owner, repo),
            request, Json.CreateCheckRunRequest, credentials, Json.GitHubCheckRun, cancellationToken);

    public Task<GitHubResult<GitHubCheckRun>> UpdateAsync(string owner, string repo, long checkRunId, UpdateCheckRunRequest request, CancellationToken cancellationToken) =>
        connection.SendJsonAsync(HttpMethod.Patch, GitHubRoute.Create("repos/{owner}/{repo}/check-runs/{check_run_id}", owner, repo, checkRunId),
            request, Json.UpdateCheckRunRequest, credentials, Json.GitHubCheckRun, cancellationToken);

    /// <summary>
    /// Every check run on <paramref name="gitRef"/> (a SHA, branch or tag), from any App, across all pages; only the
    /// latest run per name and App unless <paramref name="all"/>. <paramref name="checkName"/> narrows to one name.
    /// </summary>
    public Task<GitHubResult<IReadOnlyList<GitHubCheckRunListing>>> ListForRefAsync(string owner, string repo, string gitRef, string? checkName, bool all, CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync(
            GitHubRoute.Create("repos/{owner}/{repo}/commits/{ref}/check-runs", owner, repo, gitRef)
                .WithQuery("check_name", checkName).WithQuery("filter", all ? "all" : "latest").WithQuery("per_page", 100),
            credentials, Json.GitHubCheckRunList, page => page.CheckRuns, null, cancellationToken);
}
