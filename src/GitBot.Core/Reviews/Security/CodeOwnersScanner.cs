using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Reports changes to a CODEOWNERS file in any of the places GitHub reads it from (<c>CODEOWNERS</c>,
/// <c>.github/CODEOWNERS</c>, <c>docs/CODEOWNERS</c>): Medium and blocking, since it decides who must review.
/// </summary>
public static class CodeOwnersScanner
{
    /// <summary>The paths GitHub reads CODEOWNERS from.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"];

    /// <summary>True when <paramref name="path"/> is one of <see cref="Paths"/>.</summary>
    public static bool IsCodeOwnersPath(string? path) => path is not null && Paths.Contains(path, StringComparer.Ordinal);

    /// <summary>One finding per changed CODEOWNERS file, in diff order.</summary>
    public static IReadOnlyList<SecurityFinding> Scan(ParsedDiff diff) =>
        diff.Files
            .Where(f => IsCodeOwnersPath(f.OldPath) || IsCodeOwnersPath(f.NewPath))
            .Select(f => new SecurityFinding(SecurityRules.CodeOwnersChanged, Severity.Medium, f.Path, null,
                $"This pull request changes `{f.Path}`, which decides who must review changes.",
                "A person with write access must review ownership changes; GitBot never merges them on agent reviews alone.",
                Blocking: true))
            .ToArray();
}
