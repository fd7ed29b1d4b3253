using System.Globalization;
using System.CommandLine;
using GitBot.Cli.Commands;
using GitBot.Testing;

namespace GitBot.Cli.Tests.Demo;

/// <summary>
/// <c>gitbot demo</c> run in this process, as a user runs it, with the real Claude Code CLI that <c>./test.sh</c>
/// installs: it must end with exit code 0, say where the pull request is, and leave a repository whose pull request
/// branch holds all three tasks' changes.
/// </summary>
public sealed class DemoCommandTests
{
    private static string ClaudeExecutable =>
        Environment.GetEnvironmentVariable("GITBOT_TEST_CLAUDE") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "GITBOT_TEST_CLAUDE is not set to the Claude Code CLI. Run ./test.sh, which installs the pinned version (tools/install-agent-cli.sh).");

    [Fact]
    public async Task Demo_with_the_real_Claude_Code_CLI_opens_a_pull_request_and_says_where_to_look()
    {
        using var dir = new TempDirectory("gitbot-demo-test");

        var (exitCode, output) = await RunAsync("demo", "--claude", ClaudeExecutable, "--directory", dir.Path, "--timeout", "240");

        Assert.True(exitCode == 0, output);
        Assert.Contains("agent: Claude Code CLI " + ClaudeExecutable, output, StringComparison.Ordinal);
        Assert.Contains("pull request #2 (draft, open): gitbot/1 -> main", output, StringComparison.Ordinal);
        Assert.Contains("<!-- gitbot:plan:1 -->", output, StringComparison.Ordinal);
        Assert.Contains("Everything is kept in " + dir.Path, output, StringComparison.Ordinal);
        await DemoRepositoryAssert.HoldsAllThreeChangesAsync(Path.Combine(dir.Path, "github", "octo", "widgets.git"), "gitbot/1");
    }

    [Fact]
    public async Task Demo_refuses_a_Claude_path_that_does_not_exist()
    {
        using var dir = new TempDirectory("gitbot-demo-test");

        var (exitCode, output) = await RunAsync("demo", "--claude", Path.Combine(dir.Path, "no-such-claude"), "--directory", dir.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("no-such-claude: no such file", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await GitBotCommandLine.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }
}
