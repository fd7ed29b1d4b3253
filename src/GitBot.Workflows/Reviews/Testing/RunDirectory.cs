using System.Globalization;
using System.Text;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>
/// A fresh directory for one test run holding its HOME and TMPDIR, so nothing from the machine's or an earlier run's
/// configuration, caches or credentials is visible to the command, and nothing it leaves behind outlives it.
/// </summary>
internal sealed class RunDirectory
{
    private RunDirectory(string path)
    {
        Path = path;
        Home = System.IO.Path.Combine(path, "home");
        Temp = System.IO.Path.Combine(path, "tmp");
    }

    public string Path { get; }

    public string Home { get; }

    public string Temp { get; }

    public static RunDirectory Create(string root, string logId)
    {
        var safe = new StringBuilder();
        foreach (var ch in logId.Take(60))
        {
            safe.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }

        var directory = new RunDirectory(System.IO.Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{safe}-{Guid.NewGuid():N}")));
        Directory.CreateDirectory(directory.Home);
        Directory.CreateDirectory(directory.Temp);
        return directory;
    }

    /// <summary>
    /// Deletes the directory. Tools make read-only trees (Go's module cache, some package managers), which a plain
    /// recursive delete cannot remove: on failure the directories are made writable and the delete is tried again.
    /// Returns the last failure, or null.
    /// </summary>
    public Exception? TryRemove()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (OperatingSystem.IsWindows())
            {
                return ex;
            }
        }

        try
        {
            MakeWritable(new DirectoryInfo(Path));
            Directory.Delete(Path, recursive: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeWritable(DirectoryInfo directory)
    {
        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        directory.UnixFileMode |= Owner;
        foreach (var sub in directory.EnumerateDirectories("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }))
        {
            if (sub.LinkTarget is null)
            {
                MakeWritable(sub);
            }
        }
    }
}
