namespace GitBot.Core.Runs;

/// <summary>
/// What an agent run works for, so its record can be found from the issue, pull request, plan or task. Every field but
/// <paramref name="Repository"/> and <paramref name="Kind"/> is optional: a run knows what it knows.
/// </summary>
/// <param name="Repository">"owner/name".</param>
/// <param name="Kind">What the run is for.</param>
/// <param name="IssueNumber">The issue (a plan's issue), when known.</param>
/// <param name="PullNumber">The pull request, when known.</param>
/// <param name="PlanId">The plan, for planner and task runs.</param>
/// <param name="TaskId">The task, for task runs.</param>
/// <param name="Attempt">The attempt (1-based), 1 when the run has no attempts.</param>
public sealed record AgentRunSubject(
    string Repository,
    AgentRunKind Kind,
    int? IssueNumber = null,
    int? PullNumber = null,
    long? PlanId = null,
    string? TaskId = null,
    int Attempt = 1);
