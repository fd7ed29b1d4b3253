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
}
