using GitBot.GitHub.Clients;
using GitBot.GitHub.Results;
using GitBot.Workflows.Plans;

namespace GitBot.Workflows.Commands;

/// <summary>
/// Asks the API for the sender's permission when commands arrive, every time (no cache: a permission removed a second
/// ago counts), never reading <c>author_association</c>. Unlike <see cref="Issues.PermissionChecker"/> it tells "no
/// permission" from "could not ask", so the reply can say which; both refuse (fail closed).
/// </summary>
public static class CommandPermissionChecker
{
    /// <summary>The permission of <paramref name="login"/> in <paramref name="repository"/>.</summary>
    public static async Task<CommandPermission> CheckAsync(GitHubClient client, string repository, string login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var repo = RepositoryName.Parse(repository);
        var answer = await client.Collaborators.GetPermissionAsync(repo.Owner, repo.Name, login, cancellationToken);
        if (!answer.TryGetValue(out var permission))
        {
            // A user GitHub does not know has no permission; anything else means the answer is unknown.
            return answer.Error!.Kind == GitHubErrorKind.NotFound ? CommandPermission.NoWrite : CommandPermission.Unknown;
        }

        return permission.CanWrite ? CommandPermission.Write : CommandPermission.NoWrite;
    }
}
