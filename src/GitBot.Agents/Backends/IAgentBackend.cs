using GitBot.Agents.Runs;

namespace GitBot.Agents.Backends;

/// <summary>One way of running an agent (<c>claude</c>, <c>command</c>); <see cref="AgentRunner"/> picks it by the role's backend name.</summary>
public interface IAgentBackend
{
    /// <summary>The name roles use in <c>backend:</c>, e.g. <c>claude</c>.</summary>
    string Name { get; }

    /// <summary>Runs the agent to its end; every failure is an outcome, not an exception.</summary>
    Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken);
}
