using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Runs every deterministic scanner (<see cref="SecretScanner"/>, <see cref="WorkflowScanner"/>,
/// <see cref="DependencyScanner"/>, <see cref="CodeOwnersScanner"/>) over a parsed diff. Pure and deterministic: the
/// same diff always gives the same findings in the same order.
/// </summary>
public static class SecurityScanner
{
    /// <summary>
    /// All findings, ordered by path (ordinal), then line (whole-file findings, with no line, first), then rule id;
    /// findings that tie keep the order their scanner produced.
    /// </summary>
    public static IReadOnlyList<SecurityFinding> Scan(ParsedDiff diff) =>
        SecretScanner.Scan(diff)
            .Concat(WorkflowScanner.Scan(diff))
            .Concat(DependencyScanner.Scan(diff))
            .Concat(CodeOwnersScanner.Scan(diff))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// True when the diff adds, changes, renames or removes a workflow (<c>.github/workflows/</c>) or a CODEOWNERS file,
    /// on either side of a rename. The gate then requires a human review whatever the repository's configuration says.
    /// </summary>
    public static bool TouchesWorkflowsOrCodeOwners(ParsedDiff diff) =>
        diff.Files.Any(f => WorkflowScanner.IsWorkflowPath(f.OldPath) || WorkflowScanner.IsWorkflowPath(f.NewPath)
            || CodeOwnersScanner.IsCodeOwnersPath(f.OldPath) || CodeOwnersScanner.IsCodeOwnersPath(f.NewPath));
}
