using GitBot.Core.Reviews.TestResults;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Reviews.Testing;

/// <summary>Source-generated log messages of test runs, each naming the run's log id.</summary>
internal static partial class TestRunLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Test run {LogId}: {Repository}#{PullNumber} at {HeadSha}: running {Command} (timeout {Timeout})")]
    public static partial void Starting(ILogger logger, string logId, string repository, int pullNumber, string headSha, string command, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test run {LogId}: {Status}, exit code {ExitCode}, {Duration}; passed {Passed}, failed {Failed}, skipped {Skipped} (from {Source})")]
    public static partial void Finished(ILogger logger, string logId, TestRunStatus status, int? exitCode, TimeSpan duration, int? passed, int? failed, int? skipped, string? source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test run {LogId}: {Status}: {Error}")]
    public static partial void NotRun(ILogger logger, string logId, TestRunStatus status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test run {LogId}: cancelled by its caller; the command's process tree was killed")]
    public static partial void Cancelled(ILogger logger, string logId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test run {LogId}: environment variables refused (never passed to test commands): {Names}")]
    public static partial void Refused(ILogger logger, string logId, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test run {LogId}: could not remove the run directory {Path}")]
    public static partial void RunDirectoryNotRemoved(ILogger logger, string logId, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test run {LogId}: could not delete branch {Branch} from the cache: {Error}")]
    public static partial void BranchNotDeleted(ILogger logger, string logId, string branch, string error);
}
