namespace GitBot.Core.Configuration;

/// <summary>
/// A repository's GitBot settings, from <c>.github/gitbot.yml</c> on the default branch plus role files
/// (<c>.github/agents/*.md</c>, <c>.claude/agents/*.md</c>), with defaults for everything absent.
/// </summary>
/// <param name="TriggerLabel">The label that hands an issue to GitBot; <c>label:role</c> pins a role. Default <c>agent</c>.</param>
/// <param name="DefaultRole">The role for tasks that name none. Default <c>coder</c>.</param>
/// <param name="Roles">Every known role by name (built-in defaults, overridden by the repository's).</param>
/// <param name="Limits">Parallelism, time, turns, budgets, retries.</param>
/// <param name="BranchPrefix">Branches are <c>{prefix}/{issue}</c> and <c>{prefix}/{issue}/{task}</c>. Default <c>gitbot</c>.</param>
/// <param name="PlanApproval">When true nothing runs until a write user comments <c>/agent approve</c>.</param>
/// <param name="TestCommand">The repository's test command (argv, never a shell string); empty when not set.</param>
/// <param name="AllowWorkflowChanges">When false (default) a task that changes <c>.github/workflows/</c> fails.</param>
/// <param name="Reviews">When and how the review agents run (<c>reviews:</c>).</param>
/// <param name="Gate">What <c>gitbot/gate</c> requires and how it merges (<c>gate:</c>).</param>
public sealed record RepoConfig(
    string TriggerLabel,
    string DefaultRole,
    IReadOnlyDictionary<string, RoleDefinition> Roles,
    RepoLimits Limits,
    string BranchPrefix,
    bool PlanApproval,
    IReadOnlyList<string> TestCommand,
    bool AllowWorkflowChanges,
    ReviewSettings Reviews,
    GateSettings Gate)
{
    /// <summary>Where the repository's agent tasks run (<c>executor:</c> and <c>actions:</c>). Default: GitBot's workers.</summary>
    public Executors.ExecutorSettings Executor { get; init; } = Executors.ExecutorSettings.Default;
}
