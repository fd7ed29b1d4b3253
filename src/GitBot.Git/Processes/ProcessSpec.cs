namespace GitBot.Git.Processes;

/// <summary>
/// What to run. Arguments are passed as an argument vector, never through a shell, so text from issues or
/// comments can never be interpreted as shell syntax.
/// </summary>
/// <param name="FileName">The executable, looked up on PATH when not rooted.</param>
/// <param name="Arguments">The argument vector.</param>
/// <param name="WorkingDirectory">Where it runs; the current directory when null.</param>
/// <param name="Environment">
/// Variables the child gets on top of <see cref="ProcessRunner.BaseEnvironmentAllowlist"/>. The child never
/// inherits this process's environment wholesale: secrets in our environment stay out of it.
/// </param>
/// <param name="Timeout">Wall-clock limit; the whole process tree is killed when it passes.</param>
/// <param name="StandardInput">Text written to the child's stdin, which is then closed.</param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    TimeSpan? Timeout = null,
    string? StandardInput = null);
