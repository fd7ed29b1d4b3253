using System.Collections.Concurrent;
using GitBot.Core.Reviews.Gate;
using GitBot.GitHub.Clients;
using GitBot.GitHub.Models;

namespace GitBot.Workflows.Reviews;

/// <summary>
/// A reviewer's repository permission for the gate, asked of the API (never taken from a payload's
/// <c>author_association</c>). Answers are cached for <see cref="CacheFor"/> per repository and user; a failed lookup
/// throws a retryable error (the gate is recomputed later rather than shown wrong).
/// </summary>
public sealed class ReviewerPermissions(TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, (RepositoryPermission Permission, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RepositoryPermission> GetAsync(GitHubClient client, string owner, string repo, string login, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var key = $"{owner}/{repo}\n{login}";
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Permission;
        }

        var result = await client.Collaborators.GetPermissionAsync(owner, repo, login, cancellationToken);
        if (!result.TryGetValue(out var value))
        {
            if (result.Error?.StatusCode == 404)
            {
                return RepositoryPermission.None;
            }

            throw new Issues.RetryableDeliveryException($"reading {login}'s permission on {owner}/{repo} failed: {result.Error}");
        }

        var permission = Map(value);
        _cache[key] = (permission, now + CacheFor);
        return permission;
    }

    /// <summary><c>role_name</c> is the finer one (maintain, triage); <c>permission</c> is the fallback.</summary>
    public static RepositoryPermission Map(GitHubCollaboratorPermission value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return (value.RoleName ?? value.Permission) switch
        {
            "admin" => RepositoryPermission.Admin,
            "maintain" => RepositoryPermission.Maintain,
            "write" or "push" => RepositoryPermission.Write,
            "triage" => RepositoryPermission.Triage,
            "read" or "pull" => RepositoryPermission.Read,
            _ => value.Permission switch
            {
                "admin" => RepositoryPermission.Admin,
                "write" => RepositoryPermission.Write,
                "read" => RepositoryPermission.Read,
                _ => RepositoryPermission.None,
            },
        };
    }
}
