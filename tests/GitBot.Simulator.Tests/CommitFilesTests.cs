using GitBot.Simulator.Tests.Support;

namespace GitBot.Simulator.Tests;

/// <summary>The <c>CommitFilesAsync</c> user action: files committed straight into the bare repository, on an existing or new branch.</summary>
public sealed class CommitFilesTests
{
    [Fact]
    public async Task Files_are_committed_on_main_and_on_a_new_branch_started_from_main()
    {
        await using var h = await SimulatorHarness.StartAsync();
        var bare = h.Repository.BareRepositoryPath;
        var before = await GitHelper.GitAsync(bare, "rev-parse", "refs/heads/main");

        var main = await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "main",
            new Dictionary<string, string> { [".github/gitbot.yml"] = "trigger_label: agent\n" }, "Configure", "alice", CancellationToken.None);
        var feature = await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "feature/x",
            new Dictionary<string, string> { ["src/a.txt"] = "a\n", ["README.md"] = "changed\n" }, "Feature", "bob", CancellationToken.None);

        Assert.Equal(main, await GitHelper.GitAsync(bare, "rev-parse", "refs/heads/main"));
        Assert.Equal(before, await GitHelper.GitAsync(bare, "rev-parse", "main~1"));
        Assert.Equal(main, await GitHelper.GitAsync(bare, "rev-parse", "feature/x~1"));
        Assert.Equal(feature, await GitHelper.GitAsync(bare, "rev-parse", "refs/heads/feature/x"));
        Assert.Equal("trigger_label: agent", await GitHelper.GitAsync(bare, "show", "feature/x:.github/gitbot.yml"));
        Assert.Equal("changed", await GitHelper.GitAsync(bare, "show", "feature/x:README.md"));
        Assert.Equal("bob", await GitHelper.GitAsync(bare, "log", "-1", "--format=%an", "feature/x"));
        Assert.Equal("Feature", await GitHelper.GitAsync(bare, "log", "-1", "--format=%s", "feature/x"));
    }
}
