using System.Globalization;
using GitBot.Core.Runs;
using GitBot.Core.Text;
using GitBot.Workflows.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GitBot.Workflows.Runs;

/// <summary>
/// Best-effort writes to <see cref="IAgentRunStore"/> for whoever runs an agent (the <see cref="RecordingAgentRunner"/>,
/// the review agents' direct model calls). Guarantees: never throws for a database failure (it is logged as a warning
/// and the run goes on unrecorded); a run is recorded with this node's <see cref="SchedulerOptions.NodeName"/>; exit
/// reasons are scrubbed of secrets, then cut to <see cref="MaxExitReason"/> characters; finishing ignores the caller's
/// cancellation, so a cancelled run is still recorded as ended.
/// </summary>
public sealed partial class AgentRunRecorder(
    IAgentRunStore runs,
    IOptions<SchedulerOptions> scheduler,
    TimeProvider time,
    ILogger<AgentRunRecorder> logger)
{
    /// <summary>The longest exit reason stored, in characters.</summary>
    public const int MaxExitReason = 2000;

    /// <summary>Records a run as started now; its id, or null when it could not be recorded.</summary>
    public async Task<long?> StartAsync(AgentRunSubject subject, string role, string backend, string? logPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        try
        {
            return await runs.StartAsync(new AgentRunStart(subject, role, backend, scheduler.Value.NodeName, logPath, time.GetUtcNow()), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRecordFailed(logger, $"{subject.Repository} {subject.Kind} {role}", "start", e);
            return null;
        }
    }

    /// <summary>Records how run <paramref name="id"/> ended (now); nothing when <paramref name="id"/> is null.</summary>
    public async Task FinishAsync(long? id, string outcome, int? exitCode, int turns, long inputTokens, long outputTokens, decimal costUsd, string? reason)
    {
        if (id is not { } run)
        {
            return;
        }

        try
        {
            await runs.FinishAsync(run, new AgentRunFinish(outcome, exitCode, turns, inputTokens, outputTokens, costUsd, Reason(reason), time.GetUtcNow()),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, run.ToString(CultureInfo.InvariantCulture), "finish", e);
        }
    }

    /// <summary>Scrubbed, then cut: cutting first could split a secret and leave a recognisable part.</summary>
    public static string? Reason(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var scrubbed = SecretScrubber.Scrub(text);
        return scrubbed.Length <= MaxExitReason ? scrubbed : string.Concat(scrubbed.AsSpan(0, MaxExitReason - 1), "…");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the {Step} of agent run {Run}; the run itself is unaffected")]
    private static partial void LogRecordFailed(ILogger logger, string run, string step, Exception exception);
}
