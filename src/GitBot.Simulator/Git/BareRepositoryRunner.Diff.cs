namespace GitBot.Simulator.Git;

/// <summary>A pull request's diff, and the <c>refs/pull/{n}/head</c> refs GitHub keeps for every pull request.</summary>
internal sealed partial class BareRepositoryRunner
{
    /// <summary>
    /// What GitHub serves as a pull request's diff: <c>git diff</c> from the merge base of <paramref name="base"/> and
    /// <paramref name="head"/> to <paramref name="head"/>, with rename detection, plain (no colour, no external diff
    /// driver, unquoted paths).
    /// </summary>
    public Task<string> DiffAsync(string barePath, string @base, string head, CancellationToken cancellationToken) =>
        RawGitAsync(barePath,
            ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--find-renames", $"{@base}...{head}"],
            cancellationToken);

    /// <summary>Points <paramref name="refName"/> at <paramref name="sha"/> (creating or moving it).</summary>
    public Task UpdateRefAsync(string barePath, string refName, string sha, CancellationToken cancellationToken) =>
        GitAsync(barePath, ["update-ref", refName, sha], null, cancellationToken);

    /// <summary>Like <see cref="GitAsync"/> but keeps the output exactly as git wrote it (a diff's trailing newline matters).</summary>
    private async Task<string> RawGitAsync(string barePath, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await RunAsync(barePath, args, null, cancellationToken);
        return result.Succeeded
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"git {string.Join(' ', args)} failed in {barePath} ({result.End}, exit {result.ExitCode}): {result.StartError}{result.StandardError.Trim()}");
    }
}
