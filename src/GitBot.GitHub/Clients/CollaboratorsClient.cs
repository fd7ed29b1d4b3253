using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Who may do what in a repository.</summary>
public sealed class CollaboratorsClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary>The user's permission; a user who is not a collaborator comes back with permission <c>none</c> or <c>read</c>.</summary>
    public Task<GitHubResult<GitHubCollaboratorPermission>> GetPermissionAsync(string owner, string repo, string username, CancellationToken cancellationToken) =>
        connection.GetAsync(GitHubRoute.Create("repos/{owner}/{repo}/collaborators/{username}/permission", owner, repo, username),
            credentials, Json.GitHubCollaboratorPermission, cancellationToken);
}
