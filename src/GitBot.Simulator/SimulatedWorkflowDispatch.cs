namespace GitBot.Simulator;

/// <summary>A recorded <c>workflow_dispatch</c>; input values are kept as sent (non-strings as JSON text).</summary>
public sealed record SimulatedWorkflowDispatch(
    string Repository, string WorkflowId, string Ref, IReadOnlyDictionary<string, string> Inputs, DateTimeOffset At);
