namespace GitBot.Core.Dashboard;

/// <summary>One repository on the dashboard's home page.</summary>
/// <param name="Repository">"owner/name".</param>
/// <param name="ActivePlans">Plans not finished yet.</param>
/// <param name="FinishedPlans">Plans that succeeded, failed or were cancelled.</param>
/// <param name="RunningTasks">Tasks of unfinished plans in the Running state.</param>
/// <param name="CostUsd">The sum of every recorded agent run's cost in the repository.</param>
public sealed record RepositorySummary(string Repository, int ActivePlans, int FinishedPlans, int RunningTasks, decimal CostUsd);
