using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>What the current installation token can see.</summary>
public sealed class InstallationClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary>Every repository the installation can access, across all pages.</summary>
    public Task<GitHubResult<IReadOnlyList<GitHubRepository>>> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        connection.GetAllPagesAsync<GitHubInstallationRepositories, GitHubRepository>(
            new GitHubRoute("installation/repositories", "installation/repositories").WithQuery("per_page", 100),
            credentials, Json.GitHubInstallationRepositories, page => page.Repositories, null, cancellationToken);
}
