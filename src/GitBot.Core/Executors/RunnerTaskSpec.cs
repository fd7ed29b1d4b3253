namespace GitBot.Core.Executors;

/// <summary>
/// What an Actions runner needs to run one dispatched task (<c>GET /api/runner/tasks/{plan}/{task}/{attempt}</c>).
/// The runner parses <see cref="ConfigFiles"/> (the plan's configuration snapshot) for the role, so it runs exactly the
/// role the plan was made with, not whatever the branch holds now.
/// </summary>
public sealed record RunnerTaskSpec(
    long PlanId,
    string TaskId,
    int Attempt,
    string Repository,
    string CloneUrl,
    string DefaultBranch,
    string BranchPrefix,
    string IntegrationBranch,
    string TaskBranch,
    string Role,
    string Prompt,
    int MaxTurns,
    decimal BudgetUsd,
    int TimeoutSeconds,
    string CommitMessage,
    IReadOnlyDictionary<string, string> Trailers,
    IReadOnlyDictionary<string, string> ConfigFiles);
