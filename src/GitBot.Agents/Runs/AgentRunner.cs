using System.Diagnostics;
using GitBot.Agents.Backends;
using GitBot.Core.Observability;
using Microsoft.Extensions.Logging;

namespace GitBot.Agents.Runs;

/// <summary>Runs an agent with the backend its role names (case-insensitive); an unknown backend is a <see cref="AgentOutcome.FailedToStart"/> outcome.</summary>
public sealed class AgentRunner : IAgentRunner
{
    private readonly Dictionary<string, IAgentBackend> _backends;
    private readonly ILogger<AgentRunner> _logger;
    private readonly AgentMetrics? _metrics;

    public AgentRunner(IEnumerable<IAgentBackend> backends, ILogger<AgentRunner> logger, AgentMetrics? metrics = null)
    {
        _metrics = metrics;
        _backends = new Dictionary<string, IAgentBackend>(StringComparer.OrdinalIgnoreCase);
        foreach (var backend in backends)
        {
            _backends[backend.Name] = backend;
        }

        _logger = logger;
    }

    public async Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Lines written during the run (backends, process runner) carry its role, backend and run id; the activity
        // is a child of the job's, so the run sits in the trace of the delivery that caused it.
        using var scope = _logger.BeginScope(new List<KeyValuePair<string, object?>>
        {
            new("role", request.Role.Name),
            new("backend", request.Role.Backend),
            new("agentRun", request.RunId),
        });
        using var activity = GitBotTelemetry.Source.StartActivity("agent.run");
        activity?.SetTag("role", request.Role.Name).SetTag("backend", request.Role.Backend).SetTag("agentRun", request.RunId);
        var result = await RunOnBackendAsync(request, cancellationToken);
        activity?.SetTag("outcome", result.Outcome.ToString());
        if (activity is not null && result.Outcome != AgentOutcome.Succeeded)
        {
            activity.SetStatus(ActivityStatusCode.Error, result.Outcome.ToString());
        }

        _metrics?.Record(request.Role.Name, result);
        return result;
    }

    private Task<AgentRunResult> RunOnBackendAsync(AgentRunRequest request, CancellationToken cancellationToken)
    {
        if (_backends.TryGetValue(request.Role.Backend, out var backend))
        {
            return backend.RunAsync(request, cancellationToken);
        }

        AgentLogMessages.UnknownBackend(_logger, request.RunId, request.Role.Backend);
        var known = string.Join(", ", _backends.Keys.Order(StringComparer.Ordinal));
        return Task.FromResult(new AgentRunResult(
            AgentOutcome.FailedToStart,
            $"role '{request.Role.Name}' names backend '{request.Role.Backend}'; this node runs: {known}",
            0, 0, 0, 0, null, TimeSpan.Zero, []));
    }
}
