using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace GitBot.Git.Processes;

/// <summary>
/// Puts every child in a process group of its own so that everything it starts can be killed together, including
/// background grandchildren that outlived their parent and were reparented (they are no longer in the process tree,
/// so <see cref="System.Diagnostics.Process.Kill(bool)"/> cannot find them, but they stay in the group).
/// </summary>
/// <remarks>
/// Why a <c>setsid</c> wrapper rather than calling <c>setpgid</c> ourselves: .NET runs no code of ours between fork
/// and exec, and a parent may only move its child into a new group before the child has exec'd; by the time
/// <c>Process.Start</c> returns, it has (Start waits for the exec to succeed), so <c>setpgid(pid, pid)</c> from
/// here fails with EACCES or races the child. <c>setsid</c> (util-linux) makes itself leader of a new session and
/// process group, then execs the real program in place. The .NET child is never already a group leader (a new pid
/// is never equal to an existing group id), so setsid does not fork: the pid we know is the group id.
/// Where no setsid exists (macOS without util-linux, Windows) children run as before and only the tree kill applies.
/// </remarks>
internal static class ProcessGroups
{
    private const int SigKill = 9;

    /// <summary>The setsid executable, or null where children cannot be given a group of their own.</summary>
    public static string? Setsid { get; } = FindSetsid();

    /// <summary>
    /// Resolves the executable the way <c>Process.Start</c> does on Unix (a rooted path as is; then next to our own
    /// executable; then the current directory; then our PATH), so wrapping a child in setsid never changes which
    /// program runs. Null when nothing is found, which is reported as a failure to start.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static string? ResolveExecutable(string fileName)
    {
        if (Path.IsPathRooted(fileName))
        {
            return fileName;
        }

        if (Path.GetDirectoryName(Environment.ProcessPath) is { } ownDirectory
            && Path.Combine(ownDirectory, fileName) is var besideUs && File.Exists(besideUs))
        {
            return besideUs;
        }

        var inCurrent = Path.Combine(Directory.GetCurrentDirectory(), fileName);
        return File.Exists(inCurrent) ? inCurrent : FindOnPath(fileName);
    }

    /// <summary>
    /// Sends SIGKILL to every process in the group led by <paramref name="groupId"/>. Nothing happens when the group
    /// is empty (ESRCH). Returns whether any process received the signal.
    /// </summary>
    public static bool KillGroup(int groupId) => groupId > 1 && Kill(-groupId, SigKill) == 0;

    /// <summary>
    /// Whether a run ended because setsid could not exec the program (its own message on stderr, exit 126 or 127):
    /// that is a failure to start, as it would have been without the wrapper.
    /// </summary>
    public static bool IsExecFailure(int exitCode, string standardError) =>
        exitCode is 126 or 127 && standardError.StartsWith("setsid: ", StringComparison.Ordinal);

    private static string? FindSetsid()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // Trusted system locations first, then PATH (util-linux from Homebrew or Nix).
        foreach (var candidate in new[] { "/usr/bin/setsid", "/bin/setsid" })
        {
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return FindOnPath("setsid");
    }

    [UnsupportedOSPlatform("windows")]
    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(IsExecutable);

    [UnsupportedOSPlatform("windows")]
    private static bool IsExecutable(string path)
    {
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        try
        {
            return File.Exists(path) && (File.GetUnixFileMode(path) & anyExecute) != 0;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the signature is blittable, and LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
