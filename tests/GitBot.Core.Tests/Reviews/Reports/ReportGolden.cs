namespace GitBot.Core.Tests.Reviews.Reports;

/// <summary>
/// Compares rendered text with a reviewed file in Reviews/Reports/Fixtures (copied next to the test assembly), like
/// <c>Plans/Golden</c>. With GITBOT_UPDATE_GOLDEN=1 the source file in the repository is rewritten instead; review and
/// commit the diff.
/// </summary>
internal static class ReportGolden
{
    private static readonly string SourceFolder = Path.Combine("tests", "GitBot.Core.Tests", "Reviews", "Reports", "Fixtures");

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
            path = Path.Combine(AppContext.BaseDirectory, "Reviews", "Reports", "Fixtures", name);
            Assert.True(File.Exists(path), $"no golden file {name}: run the tests with GITBOT_UPDATE_GOLDEN=1, review and commit it");
        }

        // Read back even after writing, so an update run still proves the file holds exactly the rendered text.
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>A report's review body and check summary as one golden file, with the verdict fields on top.</summary>
    public static void AssertReport(string name, GitBot.Core.Reviews.Reports.ReviewReport report)
    {
        var text = $"event: {report.Event}\nconclusion: {report.Conclusion}\ntitle: {report.CheckTitle}\n"
            + $"comments: {report.Comments.Count}\nannotations: {report.Annotations.Count}\n\n"
            + "======== review body ========\n" + report.ReviewBody
            + "\n======== check summary ========\n" + report.CheckSummary
            + string.Concat(report.Comments.Select(c => $"\n======== comment {c.Path}:{c.Line} ========\n{c.Body}"))
            + string.Concat(report.Annotations.Select(a => $"\n======== annotation {a.Path}:{a.StartLine}-{a.EndLine} {a.Level} ========\n{a.Title}\n{a.Message}\n"));
        AssertMatches(name, text);
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
