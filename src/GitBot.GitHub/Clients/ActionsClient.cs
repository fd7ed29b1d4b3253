using System.Text.Json;
using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>GitHub Actions: starting a workflow run.</summary>
public sealed class ActionsClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary>Starts <paramref name="workflow"/> (its file name, e.g. <c>gitbot.yml</c>, or numeric id) on a ref.</summary>
    public Task<GitHubResult<bool>> DispatchWorkflowAsync(string owner, string repo, string workflow, WorkflowDispatchRequest request, CancellationToken cancellationToken) =>
        connection.SendWithoutAnswerAsync(HttpMethod.Post,
            GitHubRoute.Create("repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", owner, repo, workflow),
            JsonSerializer.SerializeToUtf8Bytes(request, Json.WorkflowDispatchRequest), credentials, cancellationToken);
}
