namespace GitBot.Cli.Demo;

/// <summary>
/// Finds the Claude Code CLI for the demo, first match wins: <c>--claude</c>, then <c>GITBOT_DEMO_CLAUDE</c>, then
/// <c>.tools/claude-code/node_modules/.bin/claude</c> under the current directory (where <c>./test.sh</c> installs the
/// pinned version), then <c>claude</c> on <c>PATH</c>. A path that was asked for explicitly but does not exist is an
/// error rather than a silent fallback, so a typo never turns into "it ran without Claude".
/// </summary>
public static class DemoAgentLocator
{
    public const string EnvironmentVariable = "GITBOT_DEMO_CLAUDE";

    /// <summary>The agent to use, or the error message when an explicitly named CLI does not exist.</summary>
    public static (DemoAgent? Agent, string? Error) Locate(string? option, Func<string, string?> environment, string currentDirectory)
    {
        if (option is { Length: > 0 })
        {
            return File.Exists(option)
                ? (new DemoAgent(Path.GetFullPath(option), "--claude"), null)
                : (null, $"--claude {option}: no such file");
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return File.Exists(fromEnvironment)
                ? (new DemoAgent(Path.GetFullPath(fromEnvironment), EnvironmentVariable), null)
                : (null, $"{EnvironmentVariable}={fromEnvironment}: no such file");
        }

        var installed = Path.Combine(currentDirectory, ".tools", "claude-code", "node_modules", ".bin", "claude");
        if (File.Exists(installed))
        {
            return (new DemoAgent(installed, ".tools/claude-code (installed by ./test.sh)"), null);
        }

        foreach (var directory in (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "claude");
            if (File.Exists(candidate))
            {
                return (new DemoAgent(candidate, "PATH"), null);
            }
        }

        return (new DemoAgent(null, "no Claude Code CLI found (--claude, GITBOT_DEMO_CLAUDE, .tools/claude-code, PATH)"), null);
    }
}
