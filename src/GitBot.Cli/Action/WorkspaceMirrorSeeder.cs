using GitBot.Git.Repositories;

namespace GitBot.Cli.Action;

/// <summary>
/// Seeds GitBot's repository cache from the job's own checkout (<c>GITHUB_WORKSPACE</c>), so the runner does not
/// download the repository twice: a bare repository laid out as <see cref="MirrorCache"/> makes its own (remote URL,
/// fetch refspec, settings), filled from the checkout's objects and <c>refs/remotes/origin/*</c>; the engine's first
/// use then fetches only what is missing from the real remote, with the token. Only a full (non-shallow) checkout
/// seeds: a shallow one would make the cache shallow, and merges need history. Seeding is best effort: when it cannot
/// be done the cache is cloned normally, and the returned text says why.
/// </summary>
internal sealed class WorkspaceMirrorSeeder(GitCli git, MirrorCache mirrors)
{
    /// <summary>What happened, in words for the job log.</summary>
    public async Task<string> SeedAsync(string repository, string cloneUrl, string? workspace, CancellationToken cancellationToken)
    {
        if (workspace is null || !Directory.Exists(Path.Combine(workspace, ".git")))
        {
            return "no checkout in GITHUB_WORKSPACE: the repository is cloned from GitHub";
        }

        var path = mirrors.GetPath(repository);
        if (path is null || Directory.Exists(path))
        {
            return path is null ? "invalid repository name" : "the repository cache already exists: it is fetched";
        }

        var shallow = await git.RunAsync(workspace, ["rev-parse", "--is-shallow-repository"], null, cancellationToken);
        if (!shallow.Succeeded || shallow.StandardOutput.Trim() != "false")
        {
            return "the checkout is shallow or unreadable (use actions/checkout with fetch-depth: 0 to reuse it): the repository is cloned from GitHub";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.tmp-seed";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        string[][] steps =
        [
            ["init", "--quiet", "--bare", temporary],
            ["-C", temporary, "config", "remote.origin.url", cloneUrl],
            ["-C", temporary, "config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*"],
            ["-C", temporary, "config", "feature.manyFiles", "true"],
            ["-C", temporary, "config", "core.untrackedCache", "true"],
            ["-C", temporary, "fetch", "--quiet", "--no-tags", Path.GetFullPath(workspace), "+refs/remotes/origin/*:refs/remotes/origin/*"],
        ];
        foreach (var step in steps)
        {
            var result = await git.RunAsync(null, step, null, cancellationToken);
            if (!result.Succeeded)
            {
                if (Directory.Exists(temporary))
                {
                    Directory.Delete(temporary, recursive: true);
                }

                return $"seeding from the checkout failed ({result.StandardError.Trim()}): the repository is cloned from GitHub";
            }
        }

        Directory.Move(temporary, path);
        return $"repository cache seeded from the checkout in {workspace}";
    }
}
