namespace GitBot.GitHub.Models;

/// <summary>Body of <c>POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches</c>.</summary>
public sealed record WorkflowDispatchRequest(string Ref, IReadOnlyDictionary<string, string>? Inputs = null);
