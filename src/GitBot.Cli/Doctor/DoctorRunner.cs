using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>Runs every check in order and writes one line per finding, with the fix under anything not OK.</summary>
public sealed class DoctorRunner(IReadOnlyList<IDoctorCheck> checks)
{
    public async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        foreach (var check in checks)
        {
            foreach (var finding in await check.RunAsync(configuration, cancellationToken))
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

    private static string Mark(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "[ ok ]",
        DoctorStatus.Warning => "[warn]",
        _ => "[FAIL]",
    };
}
