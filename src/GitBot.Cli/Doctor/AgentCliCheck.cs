using GitBot.Git.Processes;
using Microsoft.Extensions.Configuration;

namespace GitBot.Cli.Doctor;

/// <summary>
/// Looks for the agent CLIs GitBot can drive. A missing one is a warning, not an error: a node only needs the
/// backends its roles use, and the <c>anthropic</c> backend needs no CLI at all.
/// </summary>
public sealed class AgentCliCheck(ProcessRunner runner) : IDoctorCheck
{
    private static readonly (string Name, string Executable, string Install)[] Known =
    [
        ("Claude Code", "claude", "npm install -g @anthropic-ai/claude-code"),
    ];

    public async Task<IReadOnlyList<DoctorFinding>> RunAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var findings = new List<DoctorFinding>();
        foreach (var (name, executable, install) in Known)
        {
            var path = configuration[$"Agents:{executable}:Path"] ?? executable;
            var result = await runner.RunAsync(
                new ProcessSpec(path, ["--version"], Timeout: TimeSpan.FromSeconds(20)), cancellationToken);
            findings.Add(result.Succeeded
                ? DoctorFinding.Ok($"agent CLI {executable}", $"{name} {result.StandardOutput.Trim()}")
                : DoctorFinding.Warning($"agent CLI {executable}", $"{name} not usable at '{path}'",
                    $"roles using the `{executable}` backend need it: {install}, or set Agents:{executable}:Path"));
        }

        return findings;
    }
}
