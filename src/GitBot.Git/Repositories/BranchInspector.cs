namespace GitBot.Git.Repositories;

/// <summary>Read-only questions about commits and branches in a local cache. Never touches the network.</summary>
public sealed class BranchInspector
{
    private const int TrailerSearchLimit = 200;
    private readonly GitCli _git;

    public BranchInspector(GitCli git) => _git = git;

    /// <summary>The commit sha <paramref name="reference"/> names, or null when it names no commit.</summary>
    public async Task<string?> ResolveAsync(string cachePath, string reference, CancellationToken cancellationToken)
    {
        if (!GitNames.IsSafeRevision(reference))
        {
            return null;
        }

        var result = await _git.RunAsync(
            cachePath, ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], null, cancellationToken);
        var sha = result.StandardOutput.Trim();
        return result.Succeeded && sha.Length >= 40 ? sha : null;
    }

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (a commit is its own ancestor).</summary>
    public async Task<bool> IsAncestorAsync(string cachePath, string ancestor, string descendant, CancellationToken cancellationToken)
    {
        if (!GitNames.IsSafeRevision(ancestor) || !GitNames.IsSafeRevision(descendant))
        {
            return false;
        }

        var result = await _git.RunAsync(cachePath, ["merge-base", "--is-ancestor", ancestor, descendant], null, cancellationToken);
        return result.Succeeded;
    }

    /// <summary>
    /// The newest of the last 200 commits reachable from <paramref name="reference"/> that carries the trailer
    /// <paramref name="trailerKey"/> (case-insensitive) with exactly <paramref name="trailerValue"/>, or null. Lets a
    /// re-run after a crash find the commit it already made instead of committing twice.
    /// </summary>
    public async Task<string?> FindCommitWithTrailerAsync(
        string cachePath, string reference, string trailerKey, string trailerValue, CancellationToken cancellationToken)
    {
        if (!GitNames.IsSafeRevision(reference) || !GitNames.IsValidTrailerKey(trailerKey))
        {
            return null;
        }

        var format = $"--format=%H%x01%(trailers:key={trailerKey},valueonly,separator=%x02)";
        var result = await _git.RunAsync(
            cachePath,
            ["log", "-z", "-n", TrailerSearchLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), format, reference, "--"],
            null,
            cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        foreach (var record in GitOutput.SplitNul(result.StandardOutput))
        {
            var parts = record.Split('\x01', 2);
            if (parts.Length == 2 && parts[1].Split('\x02').Any(v => string.Equals(v.Trim(), trailerValue.Trim(), StringComparison.Ordinal)))
            {
                return parts[0].Trim();
            }
        }

        return null;
    }
}
