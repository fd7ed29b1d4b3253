namespace GitBot.Agents.Runs;

/// <summary>
/// Runs an agent for a role with the backend the role names (<c>claude</c> or <c>command</c>). Guarantees: the
/// process gets only the allowlisted environment (never a GitHub token, App key or database password), arguments
/// as a vector, its output streamed to the request's log, and its whole tree killed on timeout or cancellation.
/// A failed run is an outcome, not an exception.
/// </summary>
public interface IAgentRunner
{
    Task<AgentRunResult> RunAsync(AgentRunRequest request, CancellationToken cancellationToken);
}
