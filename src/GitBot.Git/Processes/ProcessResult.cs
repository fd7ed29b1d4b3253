namespace GitBot.Git.Processes;

/// <summary>How a process ended. A process that could not start is an outcome too (<see cref="StartError"/>).</summary>
/// <param name="OutputHeldOpen">
/// The main process had exited but processes it left in the background still held stdout or stderr open when the
/// wait for the output ended (at the timeout, or after a short grace without one); they were killed and the output
/// may be incomplete. <see cref="ExitCode"/> is still the main process's own.
/// </param>
public sealed record ProcessResult(
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Duration,
    ProcessEnd End,
    string? StartError = null,
    bool OutputHeldOpen = false)
{
    public bool Succeeded => End == ProcessEnd.Exited && ExitCode == 0;
}
