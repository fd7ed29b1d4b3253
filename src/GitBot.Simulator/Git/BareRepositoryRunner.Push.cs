namespace GitBot.Simulator.Git;

/// <summary>What the <c>push</c> webhook needs: the refs before and after a push, and the commits it brought.</summary>
internal sealed partial class BareRepositoryRunner
{
    /// <summary>The most commits one <c>push</c> payload lists, as documented by GitHub.</summary>
    private const int MaxPushedCommits = 2048;

    /// <summary>Every branch and tag with the object it points at.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RefsAsync(string barePath, CancellationToken cancellationToken)
    {
        var listing = await GitAsync(barePath, ["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads", "refs/tags"], null,
            cancellationToken);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (a push that is not forced).</summary>
    public async Task<bool> IsAncestorAsync(string barePath, string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await RunAsync(barePath, ["merge-base", "--is-ancestor", ancestor, descendant], null, cancellationToken)).Succeeded;

    /// <summary>
    /// The commits reachable from <paramref name="after"/> but from none of <paramref name="excluded"/>, oldest first,
    /// with the files each added, removed and modified.
    /// </summary>
    public async Task<IReadOnlyList<PushedCommit>> CommitsAsync(string barePath, string after, IEnumerable<string> excluded,
        int? limit, CancellationToken cancellationToken)
    {
        List<string> args =
        [
            "log", "--reverse", "--no-renames", "--name-status",
            $"--max-count={limit ?? MaxPushedCommits}",
            "--format=%x1e%H%x00%T%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x00",
            after,
        ];
        var exclusions = excluded.Distinct(StringComparer.Ordinal).ToList();
        if (exclusions.Count > 0)
        {
            args.Add("--not");
            args.AddRange(exclusions);
        }

        var output = (await RunAsync(barePath, args, null, cancellationToken)).StandardOutput;
        var commits = new List<PushedCommit>();
        foreach (var record in output.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.Split('\0');
            if (fields.Length < 10)
            {
                continue;
            }

            var added = new List<string>();
            var removed = new List<string>();
            var modified = new List<string>();
            foreach (var line in fields[9].Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = line.Split('\t', 2);
                if (parts.Length == 2)
                {
                    (parts[0] switch { "A" => added, "D" => removed, _ => modified }).Add(parts[1]);
                }
            }

            commits.Add(new PushedCommit(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7],
                fields[8].TrimEnd('\n'), added, removed, modified));
        }

        return commits;
    }
}
