using GitBot.Testing;

namespace GitBot.Cli.Tests;

public sealed class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_on_a_fresh_directory_reports_each_check_and_passes()
    {
        using var dir = new TempDirectory();

        var result = await GitBotProcess.RunAsync(dir.Path, null, "doctor");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("[ ok ] git: git 2.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[ ok ] data directory:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("gitbot doctor: ready", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_says_which_config_file_is_broken_and_fails()
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "broken.json");
        await File.WriteAllTextAsync(config, "{ \"GitHub\": { \"AppId\": ");

        var result = await GitBotProcess.RunAsync(dir.Path, null, "doctor", "--config", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not valid JSON", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("broken.json", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_a_missing_config_file_named_on_the_command_line()
    {
        using var dir = new TempDirectory();

        var result = await GitBotProcess.RunAsync(dir.Path, null, "doctor", "--config", "nope.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_fails_when_the_data_directory_cannot_be_written()
    {
        using var dir = new TempDirectory();
        var blocker = Path.Combine(dir.Path, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory");

        var result = await GitBotProcess.RunAsync(
            dir.Path, new Dictionary<string, string> { ["GITBOT_DataDirectory"] = Path.Combine(blocker, "data") }, "doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] data directory:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fix: set DataDirectory", result.StandardOutput, StringComparison.Ordinal);
    }
}
