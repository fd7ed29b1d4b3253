using GitBot.Agents.Runs;
using Microsoft.Extensions.Logging;

namespace GitBot.Workflows.Runs;

/// <summary>
/// Records every agent run whose request has a <see cref="AgentRunRequest.Subject"/> (through
/// <see cref="AgentRunRecorder"/>): <c>Running</c> before the inner runner starts, the outcome after. Guarantees: a run
/// that throws is finished as <c>Cancelled</c> (cancellation) or <c>Failed</c> before the exception propagates; the
/// exit reason is the result's summary, scrubbed and size-limited; every log line written during the run carries
/// <c>RunId</c> (the stored id); a recording failure never changes the run or its result. Requests without a subject
/// pass straight through.
/// </summary>
public sealed class RecordingAgentRunner(IAgentRunner inner, AgentRunRecorder recorder, ILogger<RecordingAgentRunner> logger) : IAgentRunner
{
    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subject is not { } subject)
        {
            return await inner.RunAsync(request, cancellationToken);
        }

        var id = await recorder.StartAsync(subject, request.Role.Name, request.Role.Backend, request.LogPath, cancellationToken);
        using var scope = id is { } runId ? logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId }) : null;
        AgentRunResult result;
        try
        {
            result = await inner.RunAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await recorder.FinishAsync(id, nameof(AgentOutcome.Cancelled), null, 0, 0, 0, 0m, "the run was cancelled");
            throw;
        }
        catch (Exception e)
        {
            await recorder.FinishAsync(id, nameof(AgentOutcome.Failed), null, 0, 0, 0, 0m, $"{e.GetType().Name}: {e.Message}");
            throw;
        }

        await recorder.FinishAsync(id, result.Outcome.ToString(), result.ExitCode, result.Turns, result.InputTokens, result.OutputTokens,
            result.CostUsd, result.Summary);
        return result;
    }
}
