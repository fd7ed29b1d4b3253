namespace GitBot.Core.Reviews.TestResults;

/// <summary>A run of the repository's test command at a pull request's head, as the tests agent reports it.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Command">The argv as run, joined with spaces for display.</param>
/// <param name="ExitCode">The exit code when it completed.</param>
/// <param name="Summary">Counts and first failures, from result files (TRX, JUnit XML) or the runner's summary line; null when none could be read.</param>
/// <param name="ResultSource">Where <paramref name="Summary"/> came from (a result file's relative path, or "output"); null without one.</param>
/// <param name="OutputTail">The last lines of stdout and stderr, capped and scrubbed.</param>
/// <param name="Duration">Wall-clock time of the command.</param>
/// <param name="Error">Why it could not run or why no results were read; null otherwise.</param>
public sealed record TestRunOutcome(
    TestRunStatus Status,
    string Command,
    int? ExitCode,
    TestRunSummary? Summary,
    string? ResultSource,
    string OutputTail,
    TimeSpan Duration,
    string? Error);
