using GitBot.Cli.Progress;
using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>
/// Runs every check in order and writes one line per finding, with the fix under anything not OK. While a check runs,
/// <paramref name="progress"/> shows it (a spinner on a terminal, a <c>... checking git</c> line otherwise).
/// </summary>
public sealed class DoctorRunner(IReadOnlyList<IDoctorCheck> checks, CliProgress? progress = null)
{
    public async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        var steps = progress ?? CliProgress.Plain(output);
        foreach (var check in checks)
        {
            var found = await steps.StepAsync("checking " + Describe(check), token => check.RunAsync(configuration, token), cancellationToken);
            foreach (var finding in found)
            {
                findings.Add(finding);
                await output.WriteLineAsync($"{Mark(finding.Status)} {finding.Check}: {finding.Detail}");
                if (finding.Fix is not null)
                {
                    await output.WriteLineAsync($"      fix: {finding.Fix}");
                }
            }
        }

        var errors = findings.Count(f => f.Status == DoctorStatus.Error);
        var warnings = findings.Count(f => f.Status == DoctorStatus.Warning);
        await output.WriteLineAsync(errors == 0
            ? $"gitbot doctor: ready ({warnings} warning(s))"
            : $"gitbot doctor: {errors} problem(s) to fix, {warnings} warning(s)");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>What a check is called while it runs.</summary>
    private static string Describe(IDoctorCheck check) => check switch
    {
        ConfigurationFileCheck => "configuration",
        DataDirectoryCheck => "data directory",
        DatabaseCheck => "database",
        GitCheck => "git",
        AgentCliCheck => "agent CLIs",
        GitHubCheck => "GitHub App",
        _ => check.GetType().Name,
    };

    private static string Mark(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "[ ok ]",
        DoctorStatus.Warning => "[warn]",
        _ => "[FAIL]",
    };
}
