namespace GitBot.Core.Plans;

/// <summary>What is known when a trigger creates a plan. The store fills in id, version and timestamps.</summary>
public sealed record NewPlan(
    long InstallationId,
    string Repository,
    int IssueNumber,
    string IssueTitle,
    string TriggerLabel,
    string RequestedBy,
    string DefaultBranch,
    string CloneUrl,
    string ConfigSnapshot,
    string? DeliveryId);
