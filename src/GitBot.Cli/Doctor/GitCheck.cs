using System.Text.RegularExpressions;
using GitBot.Git.Processes;
using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>GitBot drives the git CLI (worktrees, sparse checkout): it must be there and new enough.</summary>
public sealed partial class GitCheck(ProcessRunner runner) : IDoctorCheck
{
    private static readonly Version Minimum = new(2, 25);

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            new ProcessSpec("git", ["--version"], Timeout: TimeSpan.FromSeconds(10)), cancellationToken);
        if (!result.Succeeded)
        {
            return [DoctorFinding.Error("git", result.StartError ?? result.StandardError.Trim(),
                "install git 2.25 or newer (Debian: apt-get install git)")];
        }

        var match = VersionPattern().Match(result.StandardOutput);
        if (!match.Success || !Version.TryParse(match.Groups[1].Value, out var version))
        {
            return [DoctorFinding.Warning("git", $"could not read a version from '{result.StandardOutput.Trim()}'",
                "make sure `git --version` prints a normal git version")];
        }

        return version >= Minimum
            ? [DoctorFinding.Ok("git", $"git {version}")]
            : [DoctorFinding.Error("git", $"git {version} is older than {Minimum} (needed for worktrees and sparse checkout)",
                "upgrade git to 2.25 or newer")];
    }

    [GeneratedRegex(@"(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex VersionPattern();
}
