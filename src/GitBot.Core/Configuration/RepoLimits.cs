namespace GitBot.Core.Configuration;

/// <summary>Limits a repository sets on the work GitBot does for one issue.</summary>
/// <param name="MaxParallelTasks">Tasks of one plan running at once. Default 3.</param>
/// <param name="TaskTimeout">Wall-clock limit of one agent run; the process tree is killed after it. Default 30 min.</param>
/// <param name="MaxTurns">Agent turns per task run. Default 40.</param>
/// <param name="TaskBudgetUsd">Model spend per task run. Default 2.</param>
/// <param name="IssueBudgetUsd">Model spend per issue over all tasks; no task starts past it. Default 10.</param>
/// <param name="MaxTasks">Tasks in one plan. Default 10.</param>
/// <param name="MaxRetries">Extra attempts of a failed task run (0 = none). Default 1.</param>
/// <param name="RetryBackoff">Wait before the first retry; doubled for each later one. Default 10 s.</param>
public sealed record RepoLimits(
    int MaxParallelTasks,
    TimeSpan TaskTimeout,
    int MaxTurns,
    decimal TaskBudgetUsd,
    decimal IssueBudgetUsd,
    int MaxTasks,
    int MaxRetries,
    TimeSpan RetryBackoff)
{
    /// <summary>The limits when the repository sets none.</summary>
    public static RepoLimits Default { get; } = new(3, TimeSpan.FromMinutes(30), 40, 2m, 10m, 10, 1, TimeSpan.FromSeconds(10));
}
