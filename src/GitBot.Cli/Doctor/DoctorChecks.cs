using GitBot.Git.Processes;

namespace GitBot.Cli.Doctor;

/// <summary>The checks <c>gitbot doctor</c> runs, in the order a newcomer would fix them.</summary>
public static class DoctorChecks
{
    public static IReadOnlyList<IDoctorCheck> All(ProcessRunner runner, string? configFile) =>
    [
        new ConfigurationFileCheck(configFile),
        new DataDirectoryCheck(),
        new DatabaseCheck(),
        new GitCheck(runner),
        new AgentCliCheck(runner),
        new GitHubCheck(),
    ];
}
