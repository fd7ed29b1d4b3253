using System.Text.RegularExpressions;
using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Reviews changes to GitHub Actions workflows (<c>.github/workflows/</c>): every changed workflow file is a Medium,
/// blocking finding (a workflow change always needs a human); on added lines, <c>pull_request_target</c> and
/// <c>${{ github.event.* }}</c> / <c>${{ github.head_ref }}</c> inside a <c>run:</c> script are High (script injection
/// from attacker-controlled titles, bodies and branch names).
/// <para>
/// Whether a line is inside <c>run:</c> is read from the hunk's own lines (added and context): lines indented deeper
/// than a <c>run:</c> key belong to it. When a hunk starts inside a block whose key is not shown, a line that is not
/// itself a <c>key: value</c> pair is taken to be script, so an injection is reported rather than missed.
/// </para>
/// </summary>
public static partial class WorkflowScanner
{
    /// <summary>The folder GitHub reads workflows from.</summary>
    public const string WorkflowFolder = ".github/workflows/";

    /// <summary>True when <paramref name="path"/> is (or was) a workflow file.</summary>
    public static bool IsWorkflowPath(string? path) => path is not null && path.StartsWith(WorkflowFolder, StringComparison.Ordinal);

    /// <summary>Findings for the workflow files of <paramref name="diff"/>, in diff order.</summary>
    public static IReadOnlyList<SecurityFinding> Scan(ParsedDiff diff)
    {
        var findings = new List<SecurityFinding>();
        foreach (var file in diff.Files.Where(f => IsWorkflowPath(f.OldPath) || IsWorkflowPath(f.NewPath)))
        {
            findings.Add(new SecurityFinding(SecurityRules.WorkflowChanged, Severity.Medium, file.Path, null,
                $"This pull request changes the workflow `{file.Path}` ({file.Status.ToString().ToLowerInvariant()}).",
                "A person with write access must review workflow changes; GitBot never merges them on agent reviews alone.",
                Blocking: true));
            foreach (var hunk in file.Hunks)
            {
                ScanHunk(file.Path, hunk, findings);
            }
        }

        return findings;
    }

    private static void ScanHunk(string path, DiffHunk hunk, List<SecurityFinding> findings)
    {
        int? runKeyColumn = null;
        var structureKnown = false;
        foreach (var line in hunk.Lines.Where(l => l.Kind != DiffLineKind.Removed))
        {
            var code = StripComment(line.Text);
            if (code.Trim().Length == 0)
            {
                continue;
            }

            var indent = code.Length - code.TrimStart().Length;
            var inRun = runKeyColumn is { } column && indent > column;
            if (!inRun)
            {
                runKeyColumn = null;
                var key = RunKey().Match(code);
                if (key.Success)
                {
                    runKeyColumn = key.Groups["key"].Index;
                    inRun = key.Groups["rest"].Value.Trim().Length > 0;
                    structureKnown = true;
                }
                else if (MappingKey().IsMatch(code))
                {
                    structureKnown = true;
                }
                else
                {
                    inRun = !structureKnown;
                }
            }

            if (line.Kind != DiffLineKind.Added)
            {
                continue;
            }

            if (PullRequestTarget().IsMatch(code))
            {
                findings.Add(new SecurityFinding(SecurityRules.PullRequestTarget, Severity.High, path, line.NewLine,
                    "`pull_request_target` runs with the base repository's secrets and write token on code from forks.",
                    "Use `pull_request` unless the job needs secrets; if it does, never check out or run the pull request's code in it.",
                    Blocking: true));
            }

            if (inRun)
            {
                foreach (Match expression in UntrustedExpression().Matches(code))
                {
                    findings.Add(new SecurityFinding(SecurityRules.ScriptInjection, Severity.High, path, line.NewLine,
                        $"`{expression.Value}` is expanded into a `run:` script: whoever controls that text can run commands in the job.",
                        "Pass it through an environment variable (`env: VALUE: ${{ … }}`) and use `\"$VALUE\"` in the script.",
                        Blocking: true));
                }
            }
        }
    }

    private static string StripComment(string text)
    {
        // A '#' starts a YAML comment at the line start or after a space, outside ${{ }} (which never contains " #").
        var hash = text.StartsWith('#') ? 0 : text.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?(?<key>run)\s*:(?<rest>.*)$")]
    private static partial Regex RunKey();

    [GeneratedRegex(@"^\s*(?:-\s+)?[""']?[A-Za-z0-9_.-]+[""']?\s*:(?:\s|$)")]
    private static partial Regex MappingKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])pull_request_target(?![A-Za-z0-9_])")]
    private static partial Regex PullRequestTarget();

    [GeneratedRegex(@"\$\{\{[^}]*?\bgithub\.(?:event\.[A-Za-z0-9_.*\[\]'""-]+|head_ref)[^}]*\}\}")]
    private static partial Regex UntrustedExpression();
}
