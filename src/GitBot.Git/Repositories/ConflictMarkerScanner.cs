using System.Text;

namespace GitBot.Git.Repositories;

/// <summary>Finds text files holding merge conflict markers (a line starting <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; </c> or <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; </c>).</summary>
internal static class ConflictMarkerScanner
{
    // Git's own binary heuristic: a NUL byte in the first 8000 bytes.
    private const int BinaryProbeLength = 8000;

    public static async Task<bool> HasMarkersAsync(string file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return false;
        }

        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536, useAsync: true);
        var probe = new byte[BinaryProbeLength];
        var read = await stream.ReadAtLeastAsync(probe, BinaryProbeLength, throwOnEndOfStream: false, cancellationToken);
        if (Array.IndexOf(probe, (byte)0, 0, read) >= 0)
        {
            return false;
        }

        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line.StartsWith(">>>>>>> ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
