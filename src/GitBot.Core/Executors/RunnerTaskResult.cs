namespace GitBot.Core.Executors;

/// <summary>
/// A runner's report of a dispatched task (<c>POST .../result</c>).
/// </summary>
/// <param name="State"><c>succeeded</c> or <c>failed</c>.</param>
/// <param name="CommitSha">The task commit pushed to the task branch; null when the agent changed nothing. GitBot
/// trusts the task branch, not this value: it merges the commit there that carries the task's trailer.</param>
/// <param name="CostUsd">What the agent spent.</param>
/// <param name="Reason">Why it failed, for users.</param>
/// <param name="RunId">The Actions run id (<c>GITHUB_RUN_ID</c>), when known.</param>
public sealed record RunnerTaskResult(string State, string? CommitSha, decimal CostUsd, string? Reason, long? RunId);
