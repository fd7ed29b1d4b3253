using System.Collections.Concurrent;
using GitBot.GitHub.Clients;

namespace GitBot.Workflows.Issues;

/// <summary>
/// Whether a user may make GitBot spend money or change code in a repository: write, maintain or admin permission,
/// asked of the GitHub API (never inferred from a payload's <c>author_association</c>). Answers are cached for
/// <see cref="CacheFor"/> per repository and user, so a burst of events costs one request; an API failure counts as no
/// permission (fail closed) and is not cached.
/// </summary>
public sealed class PermissionChecker(TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, (bool CanWrite, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> CanWriteAsync(GitHubClient client, string repository, string login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var key = $"{repository}\n{login}";
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.CanWrite;
        }

        var repo = Plans.RepositoryName.Parse(repository);
        var permission = await client.Collaborators.GetPermissionAsync(repo.Owner, repo.Name, login, cancellationToken);
        if (!permission.TryGetValue(out var value))
        {
            return false;
        }

        _cache[key] = (value.CanWrite, now + CacheFor);
        return value.CanWrite;
    }
}
