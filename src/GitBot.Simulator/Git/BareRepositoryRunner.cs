using System.Globalization;
using GitBot.Git.Processes;

namespace GitBot.Simulator.Git;

/// <summary>
/// The git work behind simulated repositories, done with the real <c>git</c> CLI through <see cref="ProcessRunner"/>.
/// Commits are made with plumbing (<c>hash-object</c>, <c>mktree</c>, <c>commit-tree</c>) directly in the bare
/// repository, with an explicit identity, so no global git configuration is needed.
/// </summary>
internal sealed partial class BareRepositoryRunner(ProcessRunner runner)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Identity = new(StringComparer.Ordinal)
    {
        ["GIT_AUTHOR_NAME"] = "GitHub Simulator",
        ["GIT_AUTHOR_EMAIL"] = "simulator@github.invalid",
        ["GIT_COMMITTER_NAME"] = "GitHub Simulator",
        ["GIT_COMMITTER_EMAIL"] = "simulator@github.invalid",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    /// <summary>Creates a bare repository whose <c>main</c> holds one commit with a README; returns that commit.</summary>
    public async Task<string> CreateAsync(string barePath, string readme, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(barePath);
        await GitAsync(barePath, ["init", "--bare", "--quiet", "--initial-branch=main", "."], null, cancellationToken);
        var blob = await GitAsync(barePath, ["hash-object", "-w", "--stdin"], readme, cancellationToken);
        var tree = await GitAsync(barePath, ["mktree"], $"100644 blob {blob}\tREADME.md\n", cancellationToken);
        var commit = await GitAsync(barePath,
            ["-c", "user.name=GitHub Simulator", "-c", "user.email=simulator@github.invalid", "commit-tree", tree, "-m", "Initial commit"],
            null, cancellationToken);
        await GitAsync(barePath, ["update-ref", "refs/heads/main", commit], null, cancellationToken);
        return commit;
    }

    /// <summary>The commit a ref or sha names, or null when it does not exist.</summary>
    public async Task<string?> ResolveAsync(string barePath, string revision, CancellationToken cancellationToken)
    {
        var result = await RunAsync(barePath, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], null, cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The entry at <paramref name="path"/> in <paramref name="revision"/> (empty path = the root tree), or null.</summary>
    public async Task<GitTreeEntry?> StatAsync(string barePath, string revision, string path, CancellationToken cancellationToken)
    {
        var spec = $"{revision}:{path}";
        var type = await RunAsync(barePath, ["cat-file", "-t", spec], null, cancellationToken);
        if (!type.Succeeded)
        {
            return null;
        }

        var sha = (await RunAsync(barePath, ["rev-parse", spec], null, cancellationToken)).StandardOutput.Trim();
        var kind = type.StandardOutput.Trim();
        var size = kind == "blob"
            ? long.Parse((await RunAsync(barePath, ["cat-file", "-s", sha], null, cancellationToken)).StandardOutput.Trim(),
                CultureInfo.InvariantCulture)
            : 0;
        return new GitTreeEntry(kind, sha, path, size);
    }

    /// <summary>A blob's text (files the simulator serves are text; binary content is not preserved).</summary>
    public async Task<string> ReadBlobAsync(string barePath, string sha, CancellationToken cancellationToken) =>
        (await RunAsync(barePath, ["cat-file", "blob", sha], null, cancellationToken)).StandardOutput;

    /// <summary>The direct children of a directory.</summary>
    public async Task<IReadOnlyList<GitTreeEntry>> ListAsync(string barePath, string revision, string path,
        CancellationToken cancellationToken)
    {
        var listing = await GitAsync(barePath, ["ls-tree", "-l", $"{revision}:{path}"], null, cancellationToken);
        var entries = new List<GitTreeEntry>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var fields = line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = line[(tab + 1)..];
            var size = long.TryParse(fields[3], CultureInfo.InvariantCulture, out var s) ? s : 0;
            entries.Add(new GitTreeEntry(fields[1], fields[2], path.Length == 0 ? name : $"{path.TrimEnd('/')}/{name}", size));
        }

        return entries;
    }

    /// <summary>Files changed on <paramref name="head"/> since it left <paramref name="base"/> (three-dot diff).</summary>
    public async Task<IReadOnlyList<GitChangedFile>> ChangedFilesAsync(string barePath, string @base, string head,
        CancellationToken cancellationToken)
    {
        var range = $"{@base}...{head}";
        var numstat = await GitAsync(barePath, ["diff", "--numstat", "--no-renames", range], null, cancellationToken);
        var statuses = await GitAsync(barePath, ["diff", "--name-status", "--no-renames", range], null, cancellationToken);
        var statusByPath = statuses.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t', 2))
            .ToDictionary(p => p[1], p => p[0] switch { "A" => "added", "D" => "removed", _ => "modified" }, StringComparer.Ordinal);
        var files = new List<GitChangedFile>();
        foreach (var line in numstat.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', 3);
            var patch = await GitAsync(barePath, ["diff", "--no-renames", range, "--", parts[2]], null, cancellationToken);
            var hunk = patch.IndexOf("@@", StringComparison.Ordinal);
            files.Add(new GitChangedFile(parts[2], statusByPath.GetValueOrDefault(parts[2], "modified"),
                int.TryParse(parts[0], CultureInfo.InvariantCulture, out var add) ? add : 0,
                int.TryParse(parts[1], CultureInfo.InvariantCulture, out var del) ? del : 0,
                hunk >= 0 ? patch[hunk..].TrimEnd('\n') : null));
        }

        return files;
    }

    /// <summary>
    /// Merges <paramref name="headSha"/> into <paramref name="baseRef"/> with a merge commit (or a squash commit),
    /// updating the branch. Null when the two conflict.
    /// </summary>
    public async Task<string?> MergeAsync(string barePath, string baseRef, string headSha, string message, bool squash,
        CancellationToken cancellationToken)
    {
        var baseSha = await ResolveAsync(barePath, "refs/heads/" + baseRef, cancellationToken);
        if (baseSha is null)
        {
            return null;
        }

        var merged = await RunAsync(barePath, ["merge-tree", "--write-tree", baseSha, headSha], null, cancellationToken);
        if (!merged.Succeeded)
        {
            return null;
        }

        var tree = merged.StandardOutput.Split('\n')[0].Trim();
        List<string> args = ["-c", "user.name=GitHub Simulator", "-c", "user.email=simulator@github.invalid",
            "commit-tree", tree, "-p", baseSha];
        if (!squash)
        {
            args.AddRange(["-p", headSha]);
        }

        args.AddRange(["-m", message]);
        var commit = await GitAsync(barePath, args, null, cancellationToken);
        await GitAsync(barePath, ["update-ref", "refs/heads/" + baseRef, commit, baseSha], null, cancellationToken);
        return commit;
    }

    private async Task<string> GitAsync(string barePath, IReadOnlyList<string> args, string? input,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(barePath, args, input, cancellationToken);
        return result.Succeeded
            ? result.StandardOutput.Trim()
            : throw new InvalidOperationException(
                $"git {string.Join(' ', args)} failed in {barePath} ({result.End}, exit {result.ExitCode}): " +
                $"{result.StartError}{result.StandardError.Trim()}");
    }

    private Task<ProcessResult> RunAsync(string barePath, IReadOnlyList<string> args, string? input,
        CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec("git", args, barePath, Identity, Timeout, input), cancellationToken);
}
