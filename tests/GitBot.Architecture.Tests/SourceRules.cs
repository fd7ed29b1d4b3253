namespace GitBot.Architecture.Tests;

/// <summary>The checked-in C# sources under <c>src/</c>, read as text.</summary>
internal static class SourceRules
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static IEnumerable<(string Project, string RelativePath, string[] Lines)> SourceFiles()
    {
        var src = Path.Combine(RepositoryRoot, "src");
        foreach (var projectDir in Directory.GetDirectories(src))
        {
            var project = Path.GetFileName(projectDir);
            foreach (var file in Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(projectDir, file);
                if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (project, relative, File.ReadAllLines(file));
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GitBot.sln not found above " + AppContext.BaseDirectory);
    }
}
