namespace GitBot.Git.Processes;

/// <summary>How a process ended. A process that could not start is an outcome too (<see cref="StartError"/>).</summary>
public sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    ProcessEnd End,
    string? StartError = null)
{
    public bool Succeeded => End == ProcessEnd.Exited && ExitCode == 0;
}
