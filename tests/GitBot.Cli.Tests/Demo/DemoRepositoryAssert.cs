using GitBot.Git.Processes;

namespace GitBot.Cli.Tests.Demo;

/// <summary>Checks what the demo leaves behind in its bare repository, with git itself.</summary>
internal static class DemoRepositoryAssert
{
    public static async Task HoldsAllThreeChangesAsync(string bareRepository, string branch)
    {
        Assert.True(Directory.Exists(bareRepository), $"no bare repository at {bareRepository}");
        var files = await GitAsync(bareRepository, "diff", "--name-only", $"main...{branch}");
        Assert.Equal(["alpha.txt", "beta.txt", "gamma.txt"], files.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal("alpha\nbeta\n", await GitAsync(bareRepository, "show", $"{branch}:gamma.txt"));
        var commits = await GitAsync(bareRepository, "log", "--no-merges", "--format=%an", $"main..{branch}");
        Assert.Equal(3, commits.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static async Task<string> GitAsync(string directory, params string[] arguments)
    {
        var result = await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec("git", arguments, directory, new Dictionary<string, string> { ["GIT_TERMINAL_PROMPT"] = "0" }, TimeSpan.FromMinutes(1)),
            CancellationToken.None);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)} failed: {result.StandardError}{result.StartError}");
        return result.StandardOutput;
    }
}
