using System.Globalization;
using GitBot.Cli.Demo;
using GitBot.Testing;
using Spectre.Console;

namespace GitBot.Cli.Tests.Demo;

/// <summary>
/// The demo on a machine without the Claude Code CLI: the tasks run as <c>backend: command</c> sh scripts, the output
/// says so, and the flow still ends in a pull request holding all three changes.
/// </summary>
public sealed class DemoCommandBackendTests
{
    [Fact]
    public async Task Without_Claude_the_demo_runs_sh_scripts_as_a_command_role_and_still_opens_the_pull_request()
    {
        using var dir = new TempDirectory("gitbot-demo-test");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var options = new DemoOptions(new DemoAgent(null, "no Claude Code CLI found"), dir.Path, TimeSpan.FromMinutes(4), Clean: false, Interactive: false);

        var exitCode = await new DemoRunner(console, TimeProvider.System).RunAsync(options, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("using `backend: command` sh scripts instead", text, StringComparison.Ordinal);
        Assert.Contains("task 3 (Combine alpha and beta into gamma): Succeeded", text, StringComparison.Ordinal);
        Assert.Contains("pull request #2 (draft, open): gitbot/1 -> main", text, StringComparison.Ordinal);
        await DemoRepositoryAssert.HoldsAllThreeChangesAsync(Path.Combine(dir.Path, "github", "octo", "widgets.git"), "gitbot/1");
    }

    [Fact]
    public void The_locator_falls_back_to_the_command_role_when_no_CLI_is_anywhere()
    {
        using var dir = new TempDirectory("gitbot-demo-test");

        var (agent, error) = DemoAgentLocator.Locate(null, name => name == "PATH" ? dir.Path : null, dir.Path);

        Assert.Null(error);
        Assert.False(agent!.UsesClaude);
    }

    [Fact]
    public void The_locator_prefers_the_environment_variable_over_the_installed_copy_and_PATH()
    {
        using var dir = new TempDirectory("gitbot-demo-test");
        var fromEnvironment = Path.Combine(dir.Path, "env-claude");
        File.WriteAllText(fromEnvironment, "");
        var installed = Path.Combine(dir.Path, ".tools", "claude-code", "node_modules", ".bin");
        Directory.CreateDirectory(installed);
        File.WriteAllText(Path.Combine(installed, "claude"), "");

        var (agent, _) = DemoAgentLocator.Locate(null, name => name == DemoAgentLocator.EnvironmentVariable ? fromEnvironment : null, dir.Path);
        var (fallback, _) = DemoAgentLocator.Locate(null, _ => null, dir.Path);

        Assert.Equal(fromEnvironment, agent!.ClaudeExecutable);
        Assert.Equal(Path.Combine(installed, "claude"), fallback!.ClaudeExecutable);
    }
}
