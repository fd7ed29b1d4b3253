using GitBot.Testing;

namespace GitBot.Cli.Tests;

/// <summary>Run with redirected output (not a terminal), <c>gitbot doctor</c> shows its progress as plain lines: each check is announced before its findings.</summary>
public sealed class DoctorProgressTests
{
    [Fact]
    public async Task Doctor_without_a_terminal_announces_each_check_on_a_plain_line_before_its_findings()
    {
        using var dir = new TempDirectory("gitbot-doctor-progress");
        var result = await GitBotProcess.RunAsync(dir.Path, null, "doctor");

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] steps = ["... checking configuration", "... checking data directory", "... checking database", "... checking git", "... checking agent CLIs", "... checking GitHub App"];
        var positions = steps.Select(step => Array.IndexOf(lines, step)).ToArray();
        Assert.True(positions.All(p => p >= 0), result.StandardOutput);
        Assert.Equal(positions.Order(), positions);

        // Each announcement comes before that check's findings, and no escape codes reach a non-terminal.
        var git = Array.IndexOf(lines, "... checking git");
        var gitFinding = Array.FindIndex(lines, l => l.StartsWith("[ ok ] git: git 2.", StringComparison.Ordinal));
        Assert.True(gitFinding > git && gitFinding < Array.IndexOf(lines, "... checking agent CLIs"), result.StandardOutput);
        Assert.DoesNotContain('\u001b', result.StandardOutput);
        Assert.Contains("gitbot doctor: ready", result.StandardOutput, StringComparison.Ordinal);
    }
}
