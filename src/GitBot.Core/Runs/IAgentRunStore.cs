namespace GitBot.Core.Runs;

/// <summary>
/// Every agent run, for the dashboard and the CLI. Guarantees: <see cref="StartAsync"/> returns a new id; a run is
/// finished at most once (a second <see cref="FinishAsync"/> returns false and changes nothing).
/// </summary>
public interface IAgentRunStore
{
    /// <summary>Records a run as <c>Running</c>; returns its id.</summary>
    Task<long> StartAsync(AgentRunStart run, CancellationToken cancellationToken);

    /// <summary>Records how run <paramref name="id"/> ended; false when it is unknown or already finished.</summary>
    Task<bool> FinishAsync(long id, AgentRunFinish finish, CancellationToken cancellationToken);

    /// <summary>One run, or null.</summary>
    Task<AgentRunRecord?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// The runs of one issue number, newest first, at most <paramref name="limit"/>: runs naming the issue, runs on its
    /// plans' pull request, and runs on pull request #<paramref name="issueNumber"/> itself (one numbering on GitHub).
    /// </summary>
    Task<IReadOnlyList<AgentRunRecord>> ListForIssueAsync(string repository, int issueNumber, int limit, CancellationToken cancellationToken);

    /// <summary>The runs of one plan, oldest first.</summary>
    Task<IReadOnlyList<AgentRunRecord>> ListForPlanAsync(long planId, CancellationToken cancellationToken);
}
