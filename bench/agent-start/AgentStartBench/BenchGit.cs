namespace AgentStartBench;

/// <summary>The driver's repository set-up: the cached 50,000-file history copied in place.</summary>
internal static class BenchGit
{
    /// <summary>
    /// Puts the cached 50,000-file history in place of the simulator's fresh bare repository (the simulator then
    /// commits <c>.github/gitbot.yml</c> on top with plumbing: no checkout of 50,000 files).
    /// </summary>
    public static void ReplaceRepository(string cache, string bare)
    {
        Directory.Delete(bare, recursive: true);
        CopyDirectory(cache, bare);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
