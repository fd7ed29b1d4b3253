using GitBot.Simulator.Handlers;
using GitBot.Simulator.State;

namespace GitBot.Simulator;

/// <summary>Pull requests from forks: someone else's repository proposing a change to one of the installation's.</summary>
public sealed partial class GitHubSimulator
{
    /// <summary>
    /// Opens a pull request into <paramref name="fullName"/>'s default branch from <paramref name="branch"/> of the fork
    /// <paramref name="forkFullName"/> (<c>owner/name</c>, another account): commits <paramref name="files"/> (path → text)
    /// on top of the default branch as <paramref name="authorLogin"/>, a commit that exists in the base repository only as
    /// <c>refs/pull/{n}/head</c>, as GitHub keeps a fork's head. Its <c>head</c> is the fork's: <c>label</c>
    /// <c>forkOwner:branch</c>, <c>repo</c> the fork (<c>fork: true</c>), so a fork's <c>gitbot/1</c> is not the base
    /// repository's branch of that name, and pushes to that name never move it. Emits <c>pull_request opened</c>; returns its number.
    /// </summary>
    public async Task<int> OpenForkPullRequestAsync(string fullName, string forkFullName, string branch, IReadOnlyDictionary<string, string> files,
        string title, string? body, string authorLogin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parts = forkFullName.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"'{forkFullName}' is not owner/name", nameof(forkFullName));
        }

        var repo = LockedRepo(fullName);
        if (string.Equals(parts[0], repo.Owner.Login, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"a fork of {fullName} belongs to another account than {repo.Owner.Login}", nameof(forkFullName));
        }

        var baseSha = await _runtime.Git.ResolveAsync(repo.BarePath, "refs/heads/" + repo.DefaultBranch, cancellationToken)
                      ?? throw new InvalidOperationException($"{fullName} has no default branch '{repo.DefaultBranch}'");
        var headSha = await _runtime.Git.CommitTreeAsync(repo.BarePath, baseSha, files, title, authorLogin, cancellationToken);
        IssueState issue;
        lock (_runtime.State.Gate)
        {
            var fork = Fork(repo, parts[0], parts[1]);
            issue = PullsHandlers.Open(_runtime, repo, _runtime.State.User(authorLogin), title, body, branch, headSha, repo.DefaultBranch,
                baseSha, draft: false, fork);
        }

        // The ref makes the commit reachable and fetchable before anyone hears of the pull request.
        await PullsHandlers.WritePullRefAsync(_runtime, repo, issue.Number, headSha, cancellationToken);
        lock (_runtime.State.Gate)
        {
            PullsHandlers.PublishOpened(_runtime, repo, issue);
            return issue.Number;
        }
    }

    /// <summary>The fork's identity, the same for every pull request it opens. Call under the lock.</summary>
    private RepositoryState Fork(RepositoryState repo, string owner, string name)
    {
        var fullName = $"{owner}/{name}";
        if (repo.Forks.TryGetValue(fullName, out var known))
        {
            return known;
        }

        // Not in the installation and not served: the simulator keeps no repository of its own for a fork (no bare path),
        // only the identity GitHub shows as the pull request's head repository.
        var fork = new RepositoryState(_runtime.State.NextId(), _runtime.State.User(owner), name, installationId: 0, barePath: string.Empty,
            repo.Private, _runtime.Now)
        {
            Fork = true,
            DefaultBranch = repo.DefaultBranch,
        };
        repo.Forks.Add(fullName, fork);
        return fork;
    }
}
