using GitBot.Git.Processes;

namespace GitBot.Cli.Tests;

/// <summary>Runs the real, built <c>gitbot</c> binary as a user would, in a working directory of the test's choosing.</summary>
internal static class GitBotProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "gitbot.dll");

    public static Task<ProcessResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("dotnet", [Dll, .. args], workingDirectory, environment, TimeSpan.FromMinutes(2)),
            CancellationToken.None);
}
