namespace GitBot.Git.Repositories;

/// <summary>Reading git's machine output as <see cref="Processes.ProcessRunner"/> returns it (line-joined with '\n').</summary>
internal static class GitOutput
{
    /// <summary>The fields of <c>-z</c> output: NUL-separated, without the newline the runner appends to the last line.</summary>
    public static string[] SplitNul(string output)
    {
        var text = output.EndsWith('\n') ? output[..^1] : output;
        return text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
