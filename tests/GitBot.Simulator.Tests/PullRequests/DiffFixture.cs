using System.Globalization;
using GitBot.Simulator.Tests.Support;
using GitBot.Testing;

namespace GitBot.Simulator.Tests.PullRequests;

/// <summary>
/// A pull request with a known diff: on main, <c>src/app.txt</c> holds <c>line 1</c> … <c>line 30</c> and
/// <c>docs/old.md</c> exists; branch <c>feature</c> changes line 3 (to <c>line three</c>) and line 25 (to
/// <c>line twenty-five</c>) — two hunks —, renames <c>docs/old.md</c> to <c>docs/new.md</c> and adds <c>src/new.txt</c>.
/// </summary>
internal static class DiffFixture
{
    /// <summary>Hunk 1 shows new and old lines 1–6 (line 3 changed); hunk 2 shows lines 22–28 (line 25 changed).</summary>
    public static async Task<int> OpenAsync(SimulatorHarness h)
    {
        var lines = string.Concat(Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"line {i}\n")));
        await h.Simulator.CommitFilesAsync(SimulatorHarness.Repo, "main", new Dictionary<string, string>
        {
            ["src/app.txt"] = lines,
            ["docs/old.md"] = "# Old\n\nSome text that stays the same.\n",
        }, "Base", "alice", CancellationToken.None);

        using var work = new TempDirectory("sim-diff");
        await GitHelper.GitAsync(work.Path, "clone", "--quiet", h.Repository.BareRepositoryPath, "w");
        var tree = Path.Combine(work.Path, "w");
        await GitHelper.GitAsync(tree, "checkout", "--quiet", "-b", "feature");
        await File.WriteAllTextAsync(Path.Combine(tree, "src", "app.txt"),
            lines.Replace("line 3\n", "line three\n", StringComparison.Ordinal).Replace("line 25\n", "line twenty-five\n", StringComparison.Ordinal));
        await GitHelper.GitAsync(tree, "mv", "docs/old.md", "docs/new.md");
        await File.WriteAllTextAsync(Path.Combine(tree, "src", "new.txt"), "brand new\n");
        await GitHelper.GitAsync(tree, "add", "-A");
        await GitHelper.GitAsync(tree, "commit", "--quiet", "-m", "Feature");
        await GitHelper.GitAsync(tree, "push", "--quiet", "origin", "feature");
        return await h.Simulator.OpenPullRequestAsync(SimulatorHarness.Repo, "feature", "main", "Feature", "The body", "alice",
            CancellationToken.None);
    }
}
