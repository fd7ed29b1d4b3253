using GitBot.GitHub.Auth;
using GitBot.GitHub.Http;
using GitBot.GitHub.Models;
using GitBot.GitHub.Results;

namespace GitBot.GitHub.Clients;

/// <summary>Repository file contents (e.g. <c>.github/gitbot.yml</c>) without cloning.</summary>
public sealed class ContentsClient(GitHubConnection connection, IGitHubCredentials credentials)
{
    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    /// <summary>
    /// One file at <paramref name="reference"/> (default branch when null). A directory path is an
    /// <see cref="GitHubErrorKind.InvalidResponse"/>, a missing file <see cref="GitHubErrorKind.NotFound"/>.
    /// </summary>
    public Task<GitHubResult<GitHubContent>> GetFileAsync(string owner, string repo, string path, string? reference, CancellationToken cancellationToken)
    {
        // The path keeps its slashes; each segment is escaped on its own.
        var escapedPath = string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var route = new GitHubRoute("repos/{owner}/{repo}/contents/{path}", $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}/contents/{escapedPath}")
            .WithQuery("ref", reference);
        return connection.GetAsync(route, credentials, Json.GitHubContent, cancellationToken);
    }

    /// <summary>
    /// The entries of a directory at <paramref name="reference"/> (default branch when null); a missing directory is
    /// <see cref="GitHubErrorKind.NotFound"/>, a file path <see cref="GitHubErrorKind.InvalidResponse"/>.
    /// </summary>
    public Task<GitHubResult<List<GitHubContent>>> ListDirectoryAsync(string owner, string repo, string path, string? reference, CancellationToken cancellationToken)
    {
        var escapedPath = string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        var route = new GitHubRoute("repos/{owner}/{repo}/contents/{path}", $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}/contents/{escapedPath}")
            .WithQuery("ref", reference);
        return connection.GetAsync(route, credentials, Json.ListGitHubContent, cancellationToken);
    }
}
