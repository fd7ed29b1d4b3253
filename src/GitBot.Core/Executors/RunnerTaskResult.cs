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
public sealed record RunnerTaskResult(string State, string? CommitSha, decimal CostUsd, string? Reason, long? RunId)
{
    /// <summary>How the agent ended (the agents' outcome name, e.g. <c>Succeeded</c>, <c>TimedOut</c>); null from older runners or when no agent ran.</summary>
    public string? Outcome { get; init; }

    /// <summary>Turns the agent took, 0 when unknown.</summary>
    public int Turns { get; init; }

    /// <summary>Input tokens, 0 when unknown.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens, 0 when unknown.</summary>
    public long OutputTokens { get; init; }

    /// <summary>The agent process's exit code, when it had one.</summary>
    public int? ExitCode { get; init; }
}
