namespace GitBot.Workflows.Reviews.Testing;

/// <summary>
/// Finds the result files (<c>*.trx</c>, <c>*.xml</c>) a test command wrote: a snapshot of the candidates before the
/// run, compared with the candidates after it, so committed files the run did not touch are never read as its
/// results. Guarantees: the walk never leaves the worktree (symbolic links, to files or directories, are not followed
/// or read), skips <c>.git</c> and <c>node_modules</c>, and stops after <see cref="MaxEntries"/> entries.
/// </summary>
internal static class ResultFileScanner
{
    public const int MaxEntries = 200_000;

    private static readonly EnumerationOptions Shallow = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Every candidate file under <paramref name="root"/> with its size and last write time.</summary>
    public static Dictionary<string, (long Length, DateTime Written)> Snapshot(string root)
    {
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var file in Candidates(root))
        {
            files[file.FullName] = (file.Length, file.LastWriteTimeUtc);
        }

        return files;
    }

    /// <summary>Candidates that are new since <paramref name="before"/> or were rewritten, newest first.</summary>
    public static List<FileInfo> Written(string root, IReadOnlyDictionary<string, (long Length, DateTime Written)> before) =>
        Candidates(root)
            .Where(f => !before.TryGetValue(f.FullName, out var old) || old.Length != f.Length || old.Written != f.LastWriteTimeUtc)
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>The path relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, FileInfo file) =>
        Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');

    private static IEnumerable<FileInfo> Candidates(string root)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        var seen = 0;
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = directory.EnumerateFileSystemInfos("*", Shallow).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // Removed or made unreadable by the run: nothing to read there.
            }

            foreach (var entry in entries)
            {
                if (++seen > MaxEntries)
                {
                    yield break;
                }

                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    if (sub.Name is not (".git" or "node_modules"))
                    {
                        pending.Push(sub);
                    }
                }
                else if (entry is FileInfo file && IsCandidate(file.Name))
                {
                    yield return file;
                }
            }
        }
    }

    private static bool IsCandidate(string name) =>
        name.EndsWith(".trx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
}
