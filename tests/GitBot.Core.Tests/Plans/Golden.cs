namespace GitBot.Core.Tests.Plans;

/// <summary>
/// Compares rendered text with a reviewed file in Plans/Golden (copied next to the test assembly). With
/// GITBOT_UPDATE_GOLDEN=1 the source file in the repository is rewritten instead; review and commit the diff.
/// </summary>
internal static class Golden
{
    private static readonly string SourceFolder = Path.Combine("tests", "GitBot.Core.Tests", "Plans", "Golden");

    public static void AssertMatches(string name, string actual)
    {
        string path;
        if (string.Equals(Environment.GetEnvironmentVariable("GITBOT_UPDATE_GOLDEN"), "1", StringComparison.Ordinal))
        {
            path = Path.Combine(RepositoryRoot(), SourceFolder, name);
            File.WriteAllText(path, actual);
        }
        else
        {
            path = Path.Combine(AppContext.BaseDirectory, "Plans", "Golden", name);
            Assert.True(File.Exists(path), $"no golden file {name}: run the tests with GITBOT_UPDATE_GOLDEN=1, review and commit it");
        }

        // Read back even after writing, so an update run still proves the file holds exactly the rendered text.
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, SourceFolder)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
