using GitBot.Git.Processes;

namespace GitBot.Git.Repositories;

/// <summary>Turns a failed git run into a one-paragraph reason (already scrubbed by <see cref="GitCli"/>).</summary>
internal static class GitFailure
{
    public static string Describe(string what, ProcessResult result)
    {
        if (result.StartError is not null)
        {
            return $"{what}: {result.StartError}";
        }

        var detail = result.StandardError.Trim();
        if (detail.Length == 0)
        {
            detail = result.StandardOutput.Trim();
        }

        if (detail.Length > 2000)
        {
            detail = detail[..2000] + "…";
        }

        return result.End switch
        {
            ProcessEnd.TimedOut => $"{what}: timed out after {result.Duration.TotalSeconds:0} s",
            ProcessEnd.Cancelled => $"{what}: cancelled",
            _ => $"{what}: git exited with {result.ExitCode}: {detail}",
        };
    }

    public static GitOperationResult<T> Fail<T>(string what, ProcessResult result) =>
        GitOperationResult<T>.Fail(Describe(what, result));
}
